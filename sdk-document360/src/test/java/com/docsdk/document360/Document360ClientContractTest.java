package com.docsdk.document360;

import com.docsdk.core.LogCapture;

import static com.docsdk.document360.VendorExamples.EXPORTS_PATH;
import static com.docsdk.document360.VendorExamples.EXPORT_COMPLETED;
import static com.docsdk.document360.VendorExamples.EXPORT_ID;
import static com.docsdk.document360.VendorExamples.EXPORT_PATH;
import static com.docsdk.document360.VendorExamples.EXPORT_STARTED;
import static com.docsdk.document360.VendorExamples.PROJECT;
import static com.docsdk.document360.VendorExamples.PROJECTS_PATH;
import static com.docsdk.document360.VendorExamples.PROJECT_ID;
import static com.docsdk.document360.VendorExamples.PROJECT_LIST;
import static com.docsdk.document360.VendorExamples.PROJECT_PATH;
import static com.docsdk.document360.VendorExamples.PROJECT_VERSION;
import static com.docsdk.document360.VendorExamples.PROJECT_VERSION_LIST;
import static com.docsdk.document360.VendorExamples.START_EXPORT_REQUEST;
import static com.docsdk.document360.VendorExamples.VERSIONS_PATH;
import static com.docsdk.document360.VendorExamples.VERSION_ID;
import static com.docsdk.document360.VendorExamples.WORKSPACES_PATH;
import static com.docsdk.document360.VendorExamples.WORKSPACE_ID;
import static com.docsdk.document360.VendorExamples.WORKSPACE_LIST;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.wait.WaitFailedException;
import com.docsdk.core.wait.WaitTimeoutException;
import com.docsdk.core.FakeTime;
import com.docsdk.document360.model.ExportTask;
import com.docsdk.document360.model.Project;
import com.docsdk.document360.model.ProjectStatus;
import com.docsdk.document360.model.ProjectVersion;
import com.docsdk.document360.model.StartExportRequest;
import com.docsdk.document360.service.ProjectsService;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade against WireMock serving the vendor's documented examples; every request it sends to the API is checked
 * against {@code openapi/document360.yaml}. Export downloads go to a second WireMock server standing in for the
 * storage host, which is outside the API and so outside the spec.
 */
class Document360ClientContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** The storage host of {@code download_url} (Azure blob with a SAS token in reality). */
    @RegisterExtension
    static WireMockExtension storage = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    private static OpenApiContract contract;

    @TempDir
    Path dir;

    private FakeTime sleeper;
    private Document360Client client;

    @BeforeAll
    static void loadContract() {
        contract = OpenApiContract.forVendor("document360");
    }

    @AfterAll
    static void dropContract() {
        contract = null;
    }

    @BeforeEach
    void setUp() {
        sleeper = TestSupport.time();
        client = TestSupport.builder(wm, sleeper).build();
    }

    @AfterEach
    void checkContract() {
        client.close();
        contract.assertRequestsMatch(wm.getRuntimeInfo().getWireMock());
    }

    // ------------------------------------------------------------------------------------------- projects

    @Test
    void listsProjectsFromTheDocumentedExample() {
        wm.stubFor(get(urlPathEqualTo(PROJECTS_PATH)).willReturn(okJson(PROJECT_LIST)));

        List<Project> projects = client.projects().list().stream().toList();

        assertEquals(1, projects.size());
        Project p = projects.get(0);
        assertEquals(PROJECT_ID, p.getId());
        assertEquals("Product Documentation", p.getName());
        assertEquals("docs-product", p.getSubDomainName());
        assertEquals(ProjectStatus.ACTIVE, p.getStatus());
        wm.verify(1, getRequestedFor(urlPathEqualTo(PROJECTS_PATH))
                .withQueryParam("page", equalTo("1"))
                .withQueryParam("page_size", equalTo("100"))
                .withQueryParam("cursor", absent())
                .withHeader("Authorization", equalTo("Bearer " + TestSupport.TOKEN)));
    }

    @Test
    void followsNextCursorWhenTheApiReturnsOne() {
        wm.stubFor(get(urlPathEqualTo(PROJECTS_PATH)).withQueryParam("cursor", absent())
                .willReturn(okJson(projectPage(List.of("Alpha", "Beta"), "\"pagination\": {\"page\": 1,"
                        + " \"page_size\": 2, \"has_more\": true, \"next_cursor\": \"eyJwIjoyfQ==\"}"))));
        wm.stubFor(get(urlPathEqualTo(PROJECTS_PATH)).withQueryParam("cursor", equalTo("eyJwIjoyfQ=="))
                .willReturn(okJson(projectPage(List.of("Gamma"), "\"pagination\": {\"page\": 2, \"page_size\": 2,"
                        + " \"has_more\": false, \"next_cursor\": null}"))));

        List<String> names = client.projects().list(pageSize(2), RequestOptions.none()).stream().map(Project::getName).toList();

        assertEquals(List.of("Alpha", "Beta", "Gamma"), names);
        wm.verify(2, getRequestedFor(urlPathEqualTo(PROJECTS_PATH)));
        wm.verify(getRequestedFor(urlPathEqualTo(PROJECTS_PATH)).withQueryParam("cursor", equalTo("eyJwIjoyfQ=="))
                .withQueryParam("page", absent()).withQueryParam("page_size", equalTo("2")));
    }

    @Test
    void usesPageNumbersWhileHasMoreIsTrueWithoutCursor() {
        wm.stubFor(get(urlPathEqualTo(PROJECTS_PATH)).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(projectPage(List.of("Alpha", "Beta"), "\"pagination\": {\"page\": 1,"
                        + " \"page_size\": 2, \"has_more\": true}"))));
        wm.stubFor(get(urlPathEqualTo(PROJECTS_PATH)).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(projectPage(List.of("Gamma", "Delta"), "\"pagination\": {\"page\": 2,"
                        + " \"page_size\": 2, \"has_more\": false}"))));

        List<String> names = client.projects().list(pageSize(2), RequestOptions.none()).stream().map(Project::getName).toList();

        assertEquals(List.of("Alpha", "Beta", "Gamma", "Delta"), names);
        wm.verify(2, getRequestedFor(urlPathEqualTo(PROJECTS_PATH)));
    }

    @Test
    void withoutMetadataAFullPageAsksForTheNextAndAnEmptyPageEndsTheList() {
        wm.stubFor(get(urlPathEqualTo(PROJECTS_PATH)).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(projectPage(List.of("Alpha", "Beta"), null))));
        wm.stubFor(get(urlPathEqualTo(PROJECTS_PATH)).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(projectPage(List.of(), null))));

        assertEquals(2, client.projects().list(pageSize(2), RequestOptions.none()).stream().count());
        wm.verify(2, getRequestedFor(urlPathEqualTo(PROJECTS_PATH)));
    }

    @Test
    void stopsWhenAServerIgnoringPageRepeatsThePreviousPage() {
        wm.stubFor(get(urlPathEqualTo(PROJECTS_PATH)).willReturn(okJson(projectPage(List.of("Alpha", "Beta"),
                null))));

        assertEquals(List.of("Alpha", "Beta"),
                client.projects().list(pageSize(2), RequestOptions.none()).stream().map(Project::getName).toList());
        wm.verify(2, getRequestedFor(urlPathEqualTo(PROJECTS_PATH)));
    }

    @Test
    void listingIsLazy() {
        wm.stubFor(get(urlPathEqualTo(PROJECTS_PATH)).willReturn(okJson(projectPage(List.of("Alpha", "Beta"),
                "\"pagination\": {\"has_more\": true, \"next_cursor\": \"next\"}"))));

        var projects = client.projects().list(pageSize(2), RequestOptions.none());
        assertEquals(0, wm.getAllServeEvents().size(), "nothing is fetched before iteration");
        assertEquals("Alpha", projects.stream().findFirst().orElseThrow().getName());
        wm.verify(1, getRequestedFor(urlPathEqualTo(PROJECTS_PATH)));
    }

    @Test
    void getsAProjectFromTheDocumentedExample() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson(PROJECT).withHeader("X-Request-Id", "hdr-1")));

        SdkResponse<Project> r = client.projects().withRawResponse().get(PROJECT_ID);

        assertEquals("Public-facing product documentation and guides", r.value().getDescription());
        assertEquals(OffsetDateTime.parse("2025-01-15T10:30:00Z"), r.value().getCreatedAt());
        assertEquals("hdr-1", r.requestId().orElseThrow());
        assertEquals(200, r.statusCode());
        assertEquals("Product Documentation", client.projects().get(PROJECT_ID).getName());
    }

    @Test
    @SuppressWarnings("deprecation") // the deprecated project-versions operations still work against an older server
    void listsAndGetsProjectVersions() {
        wm.stubFor(get(urlPathEqualTo(VERSIONS_PATH)).willReturn(okJson(PROJECT_VERSION_LIST)));
        wm.stubFor(get(urlPathEqualTo(VERSIONS_PATH + "/" + VERSION_ID)).willReturn(okJson(PROJECT_VERSION)));

        List<ProjectVersion> versions = client.projectVersions().list(PROJECT_ID).stream().toList();
        ProjectVersion one = client.projectVersions().get(PROJECT_ID, VERSION_ID);

        assertEquals(1, versions.size());
        assertEquals("v1-0", versions.get(0).getSlug());
        assertEquals(Boolean.TRUE, versions.get(0).getIsDefault());
        assertEquals(VERSION_ID, one.getId());
        assertEquals("en", one.getLanguageCode());
        assertNull(one.getVersionType());
        wm.verify(getRequestedFor(urlPathEqualTo(VERSIONS_PATH)).withQueryParam("page", equalTo("1")));
    }

    // ------------------------------------------------------------------------------------------- exports

    @Test
    void startsAnExportWithTheDocumentedRequestAndReads202() {
        wm.stubFor(get(urlPathEqualTo(WORKSPACES_PATH)).willReturn(okJson(WORKSPACE_LIST)));
        wm.stubFor(post(urlPathEqualTo(EXPORTS_PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(EXPORT_STARTED)));

        ExportTask started = client.startExport(PROJECT_ID, ExportRequest.builder()
                .workspaceId(VendorExamples.EXPORTED_WORKSPACE_ID)
                .languageCode("en").format("pdf").build());

        assertEquals(EXPORT_ID, started.getId());
        assertEquals("Pending", started.getStatus());
        assertNull(started.getDownloadUrl());
        wm.verify(postRequestedFor(urlPathEqualTo(EXPORTS_PATH))
                .withRequestBody(equalToJson(START_EXPORT_REQUEST))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "application/json")));
    }

    @Test
    void theGeneratedStartSendsTheBodyAsGivenAndItsRawViewReads202() {
        wm.stubFor(post(urlPathEqualTo(EXPORTS_PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(EXPORT_STARTED)));

        SdkResponse<ExportTask> r = client.exports().withRawResponse().start(PROJECT_ID, new StartExportRequest()
                .workspaceId(VendorExamples.EXPORTED_WORKSPACE_ID.toString()).langCode("en").format("pdf"));

        assertEquals(202, r.statusCode());
        assertEquals(EXPORT_ID, r.value().getId());
        assertEquals("Pending", r.value().getStatus());
        wm.verify(1, postRequestedFor(urlPathEqualTo(EXPORTS_PATH)).withRequestBody(equalToJson(
                START_EXPORT_REQUEST)));
        wm.verify(0, getRequestedFor(urlPathEqualTo(WORKSPACES_PATH)));
    }

    @Test
    void anExportRequestWithOnlyAFormatExportsTheDefaultWorkspace() {
        wm.stubFor(get(urlPathEqualTo(WORKSPACES_PATH)).willReturn(okJson(WORKSPACE_LIST)));
        wm.stubFor(post(urlPathEqualTo(EXPORTS_PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(EXPORT_STARTED)));

        client.startExport(PROJECT_ID, ExportRequest.ofFormat("markdown"));

        wm.verify(postRequestedFor(urlPathEqualTo(EXPORTS_PATH)).withRequestBody(equalToJson("{\"workspace_id\": \""
                + WORKSPACE_ID + "\", \"format\": \"markdown\"}")));
    }

    @Test
    void getsACompletedExportFromTheDocumentedExample() {
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH)).willReturn(okJson(EXPORT_COMPLETED)));

        ExportTask task = client.exports().get(PROJECT_ID, EXPORT_ID);

        assertEquals("Completed", task.getStatus());
        assertEquals("https://storage.document360.io/exports/f1a2b3c4-d5e6-7f89-0a1b-2c3d4e5f6a7b/"
                + "export-2025-06-15.zip", task.getDownloadUrl());
        assertEquals(OffsetDateTime.parse("2025-06-15T12:00:00Z"), task.getCompletedAt());
    }

    @Test
    void waitsThroughPendingAndInProgressUntilCompleted() {
        stubExportStatuses("Pending", "InProgress", "Completed");

        ExportTask done = client.awaitExport(PROJECT_ID, EXPORT_ID, PollOptions.builder()
                .interval(Duration.ofSeconds(2)).backoffMultiplier(1.0).maxInterval(Duration.ofSeconds(2)).build());

        assertEquals("Completed", done.getStatus());
        wm.verify(3, getRequestedFor(urlPathEqualTo(EXPORT_PATH)));
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeper.sleeps,
                "initial delay, then one interval after each running poll; never a real wait");
    }

    @Test
    void anUnknownStatusCountsAsRunning() {
        try (LogCapture logs = new LogCapture()) {
            stubExportStatuses("Queued", "Archiving", "Completed");

            assertEquals("Completed", client.awaitExport(PROJECT_ID, EXPORT_ID).getStatus());

            wm.verify(3, getRequestedFor(urlPathEqualTo(EXPORT_PATH)));
            assertTrue(logs.all().contains("status 'Queued' is not known"), logs.all());
        }
    }

    @Test
    void aFailedExportThrowsWithTheVendorsStatusAndMessages() {
        stubExportStatuses("Pending", "Failed"); // the richer Failed answer below replaces the plain one
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH)).inScenario("export").whenScenarioStateIs("poll1")
                .willReturn(okJson("{\"data\": {\"id\": \"" + EXPORT_ID + "\", \"status\": \"Failed\","
                        + " \"download_url\": null, \"completed_at\": null, \"error\": \"Export quota exceeded\"},"
                        + " \"success\": true, \"request_id\": \"r-failed\", \"errors\": [],"
                        + " \"warnings\": [{\"code\": \"EXPORT_TRUNCATED\", \"message\": \"Some articles were"
                        + " skipped.\"}]}")));

        WaitFailedException e = assertThrows(WaitFailedException.class,
                () -> client.awaitExport(PROJECT_ID, EXPORT_ID));

        assertEquals("Failed", e.lastStatus().orElseThrow());
        assertEquals(List.of("Export quota exceeded", "Some articles were skipped."), e.messages());
        assertEquals(2, e.polls());
        assertTrue(e.resource() instanceof ExportTask);
    }

    @Test
    void aWaitGivesUpAfterItsTimeoutMeasuredOnTheInjectedClock() {
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH)).willReturn(okJson(VendorExamples.exportStatus("InProgress",
                null))));

        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> client.awaitExport(PROJECT_ID,
                EXPORT_ID, PollOptions.builder().interval(Duration.ofSeconds(10)).backoffMultiplier(1.0)
                        .maxInterval(Duration.ofSeconds(10)).timeout(Duration.ofSeconds(30)).build()));

        assertEquals("InProgress", e.lastStatus().orElseThrow());
        assertEquals(4, e.polls());
    }

    @Test
    void waitsAsynchronously() throws Exception {
        stubExportStatuses("Pending", "Completed");

        ExportTask done = client.awaitExportAsync(PROJECT_ID, EXPORT_ID, PollOptions.builder()
                .interval(Duration.ZERO).maxInterval(Duration.ZERO).build()).get(10, TimeUnit.SECONDS);

        assertEquals("Completed", done.getStatus());
    }

    @Test
    void exportsToAFileEndToEndWithoutSendingCredentialsToTheStorageHost() throws Exception {
        String sas = "/exports/" + EXPORT_ID + "/export-2025-06-15.zip";
        storage.stubFor(get(urlPathEqualTo(sas)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/zip").withBody("PK-zip-bytes")));
        wm.stubFor(get(urlPathEqualTo(WORKSPACES_PATH)).willReturn(okJson(WORKSPACE_LIST)));
        wm.stubFor(post(urlPathEqualTo(EXPORTS_PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(EXPORT_STARTED)));
        stubExportStatuses("Pending", "InProgress", "Completed:" + storage.baseUrl() + sas
                + "?sv=2024-05-04&se=2026-05-12T10%3A30%3A00Z&sr=b&sp=r&sig=c2lnbmF0dXJl");
        Path target = dir.resolve("docs.zip");

        CompletedExport done = client.exportToFile(PROJECT_ID, ExportRequest.ofFormat("pdf"), target);

        assertEquals(target, done.file());
        assertEquals("PK-zip-bytes", Files.readString(target));
        assertEquals(12, done.download().bytes());
        assertEquals("Completed", done.export().getStatus());
        assertEquals(0, done.download().urlRefreshes());
        wm.verify(1, postRequestedFor(urlPathEqualTo(EXPORTS_PATH)));
        wm.verify(3, getRequestedFor(urlPathEqualTo(EXPORT_PATH)));
        LoggedRequest download = storage.getAllServeEvents().get(0).getRequest();
        assertEquals("c2lnbmF0dXJl", download.queryParameter("sig").firstValue(), "the SAS token is sent as is");
        assertNoCredentials(storage);
        assertEquals(1, storage.getAllServeEvents().size());
    }

    @Test
    void anExpiredSasUrlIsReplacedByAFreshOneFromTheExportStatus() throws Exception {
        storage.stubFor(get(urlPathEqualTo("/old.zip")).willReturn(aResponse().withStatus(403)
                .withBody("<Error><Code>AuthenticationFailed</Code></Error>")));
        storage.stubFor(get(urlPathEqualTo("/new.zip")).willReturn(aResponse().withStatus(200).withBody("fresh")));
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH)).inScenario("sas").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(VendorExamples.exportStatus("Completed", storage.baseUrl() + "/old.zip?sig=a")))
                .willSetStateTo("refreshed"));
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH)).inScenario("sas").whenScenarioStateIs("refreshed")
                .willReturn(okJson(VendorExamples.exportStatus("Completed", storage.baseUrl() + "/new.zip?sig=b"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        DownloadResult r = client.downloadExport(PROJECT_ID, EXPORT_ID, out);

        assertEquals("fresh", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, r.urlRefreshes());
        wm.verify(2, getRequestedFor(urlPathEqualTo(EXPORT_PATH)));
        assertNoCredentials(storage);
    }

    @Test
    void downloadingAnExportThatIsNotCompletedSaysSo() {
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH)).willReturn(okJson(VendorExamples.exportStatus("Pending",
                null))));

        SdkException e = assertThrows(SdkException.class,
                () -> client.downloadExport(PROJECT_ID, EXPORT_ID, dir.resolve("x.zip")));

        assertTrue(e.getMessage().contains("has no download_url (status 'Pending')"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.zip")));
    }

    // ------------------------------------------------------------------------------------------- envelope

    @Test
    void warningsAreLoggedAtWarnWithTheRequestIdAndTheValueIsReturned() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson(PROJECT.replace("\"warnings\": []",
                "\"warnings\": [{\"code\": \"DEPRECATED_FIELD\", \"message\": \"sub_domain_name is deprecated.\"}]"))));

        try (LogCapture logs = new LogCapture()) {
            Project p = client.projects().get(PROJECT_ID);

            assertEquals("Product Documentation", p.getName());
            assertTrue(logs.all().contains("sub_domain_name is deprecated. [DEPRECATED_FIELD] (request id"
                    + " b2c3d4e5-f6a7-8901-bcde-f12345678901)"), logs.all());
        }
    }

    @Test
    void aListPageIsTheWholeEnvelopeWithItsWarningsAndPagination() {
        wm.stubFor(get(urlPathEqualTo(PROJECTS_PATH)).willReturn(okJson(projectPage(List.of("Alpha"),
                "\"pagination\": {\"page\": 1, \"page_size\": 1, \"has_more\": true, \"total_count\": 4}")
                .replace("\"warnings\": []", "\"warnings\": [{\"code\": \"W1\", \"message\": \"slow\"}]"))));

        var page = client.projects().listPage(ProjectsService.ListParams.builder().pageSize(1)
                .includeTotalCount(true).build(), RequestOptions.none());

        assertEquals("W1", page.getWarnings().get(0).getCode());
        assertEquals(4L, page.getPagination().getTotalCount());
        assertEquals("req-1", page.getRequestId());
        wm.verify(getRequestedFor(urlPathEqualTo(PROJECTS_PATH)).withQueryParam("page_size", equalTo("1"))
                .withQueryParam("include_total_count", equalTo("true")).withQueryParam("page", absent()));
    }

    @Test
    void successFalseWithA2xxStatusIsAnError() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson("""
                {"data": null, "success": false, "request_id": "req-success-false",
                 "errors": [{"code": "RESOURCE_NOT_FOUND", "message": "Project is archived.", "field": null,
                             "details": null},
                            {"code": "PROJECT_ARCHIVED", "message": "Unarchive it first.", "field": null,
                             "details": null}],
                 "warnings": []}
                """)));

        SdkHttpException e = assertThrows(SdkHttpException.class, () -> client.projects().get(PROJECT_ID));

        assertEquals(200, e.statusCode());
        assertEquals("RESOURCE_NOT_FOUND", e.errorCode().orElseThrow());
        assertEquals(List.of("Project is archived.", "Unarchive it first."), e.messages());
        assertEquals(List.of("RESOURCE_NOT_FOUND", "PROJECT_ARCHIVED"), Document360ErrorCodes.of(e));
        assertEquals("req-success-false", e.requestId().orElseThrow());
        assertTrue(e.getMessage().contains("success: false"), e.getMessage());
    }

    @Test
    void extraFieldsUnknownEnumValuesAndMissingRequiredFieldsStillParse() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson("""
                {"data": {"id": "d7a8b9c0-1e2f-3a4b-5c6d-7e8f9a0b1c2d", "name": "Docs", "status": 7,
                          "workspace_count": 3, "branding": {"color": "#123456"}},
                 "success": true, "meta": {"api_version": "3.1"}}
                """)));
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH)).willReturn(okJson("""
                {"data": {"id": "f1a2b3c4-d5e6-7f89-0a1b-2c3d4e5f6a7b", "status": "Archiving", "progress": 42},
                 "success": true, "request_id": "r1", "errors": null, "warnings": null, "links": []}
                """)));

        Project p = client.projects().get(PROJECT_ID); // request_id is 'required' but absent: no crash
        ExportTask task = client.exports().get(PROJECT_ID, EXPORT_ID);

        assertEquals("Docs", p.getName());
        assertEquals(ProjectStatus.UNKNOWN, p.getStatus());
        assertEquals(3.0, ((Number) p.getAdditionalProperty("workspace_count")).doubleValue());
        assertEquals("Archiving", task.getStatus());
    }

    @Test
    void unreadableErrorsOrWarningsDoNotHideTheDataButABodyThatIsNoEnvelopeIsAnSdkException() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson("""
                {"data": {"id": "d7a8b9c0-1e2f-3a4b-5c6d-7e8f9a0b1c2d", "name": "Docs"}, "success": true,
                 "errors": "none", "warnings": [42, null]}
                """)));
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH)).willReturn(okJson("[\"not\", \"an envelope\"]")));

        assertEquals("Docs", client.projects().get(PROJECT_ID).getName());
        SdkException e = assertThrows(SdkException.class, () -> client.exports().get(PROJECT_ID, EXPORT_ID));
        assertTrue(e.getMessage().contains("is not a Document360 envelope"), e.getMessage());
    }

    @Test
    void anApiKeyGoesInXApiKeyAndSatisfiesTheSpec() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson(PROJECT)));
        try (Document360Client keyed = Document360Client.builder().baseUrl(wm.baseUrl())
                .apiKey("d360_sk_test").build()) {
            keyed.projects().get(PROJECT_ID);
        }
        wm.verify(getRequestedFor(urlPathEqualTo(PROJECT_PATH)).withHeader("X-API-Key", equalTo("d360_sk_test"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void aTokenAndAKeyTogetherSendBothHeaders() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson(PROJECT)));
        try (Document360Client both = Document360Client.builder().baseUrl(wm.baseUrl())
                .bearerToken("tok").apiKey("d360_sk_test").build()) {
            both.projects().get(PROJECT_ID);
        }
        wm.verify(getRequestedFor(urlPathEqualTo(PROJECT_PATH)).withHeader("X-API-Key", equalTo("d360_sk_test"))
                .withHeader("Authorization", equalTo("Bearer tok")));
    }

    @Test
    void perCallHeadersAreSent() {
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH)).willReturn(okJson(EXPORT_COMPLETED)));

        client.exports().get(PROJECT_ID, EXPORT_ID, RequestOptions.builder().header("X-Trace", "t-1").build());

        wm.verify(getRequestedFor(urlPathEqualTo(EXPORT_PATH)).withHeader("X-Trace", equalTo("t-1")));
    }

    @Test
    void anOffSpecRequestFailsTheContractCheck() {
        // Guards the guard: a request the spec does not allow is reported (here: no credentials, unknown query).
        wm.stubFor(get(urlPathEqualTo(PROJECTS_PATH)).willReturn(okJson(PROJECT_LIST)));
        try (Document360Client anonymous = Document360Client.builder().baseUrl(wm.baseUrl())
                .credentials(com.docsdk.core.auth.Credentials.none()).build()) {
            anonymous.projects().list().stream().count();
        }
        AssertionError e = assertThrows(AssertionError.class,
                () -> contract.assertRequestsMatch(wm.getRuntimeInfo().getWireMock()));
        assertTrue(e.getMessage().contains("security"), e.getMessage());
        wm.resetRequests(); // keep the after-each check about the facade's own requests
    }

    // ------------------------------------------------------------------------------------------- helpers

    /**
     * Export status answers in order (scenario "export", states STARTED, poll1, poll2...); {@code "Completed:<url>"}
     * adds a download URL. Each answer moves to the next state; the last one repeats.
     */
    private static void stubExportStatuses(String... statuses) {
        for (int i = 0; i < statuses.length; i++) {
            String[] parts = statuses[i].split(":", 2);
            String body = VendorExamples.exportStatus(parts[0], parts.length > 1 ? parts[1] : null);
            var stub = get(urlPathEqualTo(EXPORT_PATH)).inScenario("export")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "poll" + i).willReturn(okJson(body));
            wm.stubFor(i + 1 < statuses.length ? stub.willSetStateTo("poll" + (i + 1)) : stub);
        }
    }

    private static void assertNoCredentials(WireMockExtension server) {
        for (var event : server.getAllServeEvents()) {
            LoggedRequest r = event.getRequest();
            assertFalse(r.containsHeader("Authorization"), "Authorization sent to " + r.getUrl());
            assertFalse(r.containsHeader("X-API-Key"), "X-API-Key sent to " + r.getUrl());
        }
    }

    private static ProjectsService.ListParams pageSize(int size) {
        return ProjectsService.ListParams.builder().pageSize(size).build();
    }

    private static String projectPage(List<String> names, String pagination) {
        String items = names.stream().map(n -> "{\"id\": \"" + UUID.nameUUIDFromBytes(n.getBytes(
                StandardCharsets.UTF_8)) + "\", \"name\": \"" + n + "\", \"status\": 0}")
                .collect(Collectors.joining(", "));
        return "{\"data\": [" + items + "], " + (pagination == null ? "" : pagination + ", ")
                + "\"success\": true, \"request_id\": \"req-" + names.size() + "\", \"errors\": [],"
                + " \"warnings\": []}";
    }
}
