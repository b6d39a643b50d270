package com.docsdk.document360;

import static com.docsdk.document360.VendorExamples.EXPORTED_WORKSPACE_ID;
import static com.docsdk.document360.VendorExamples.EXPORTS_PATH;
import static com.docsdk.document360.VendorExamples.EXPORT_STARTED;
import static com.docsdk.document360.VendorExamples.NOT_FOUND;
import static com.docsdk.document360.VendorExamples.PROJECT_ID;
import static com.docsdk.document360.VendorExamples.PROJECT_VERSION;
import static com.docsdk.document360.VendorExamples.PROJECT_VERSION_LIST;
import static com.docsdk.document360.VendorExamples.START_EXPORT_REQUEST;
import static com.docsdk.document360.VendorExamples.START_EXPORT_REQUEST_PROJECT_VERSION;
import static com.docsdk.document360.VendorExamples.VERSIONS_PATH;
import static com.docsdk.document360.VendorExamples.WORKSPACE;
import static com.docsdk.document360.VendorExamples.WORKSPACES_PATH;
import static com.docsdk.document360.VendorExamples.WORKSPACE_2_ID;
import static com.docsdk.document360.VendorExamples.WORKSPACE_ID;
import static com.docsdk.document360.VendorExamples.WORKSPACE_LIST;
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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.LogCapture;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.SdkException;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Workspaces (v3.1) versus project versions (older servers): the client detects once which one the server speaks,
 * caches it, lists and chooses workspaces there, and starts exports with exactly that server's field. WireMock serves
 * the vendor's examples; every request is checked against {@code openapi/document360.yaml}.
 */
class Document360WorkspacesTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static OpenApiContract contract;

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
        client = TestSupport.builder(wm, TestSupport.time()).build();
        wm.stubFor(post(urlPathEqualTo(EXPORTS_PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(EXPORT_STARTED)));
    }

    @AfterEach
    void checkContract() {
        client.close();
        contract.assertRequestsMatch(wm.getRuntimeInfo().getWireMock());
    }

    // ------------------------------------------------------------------------------------------- detection

    @Test
    void aWorkspacesServerIsDetectedOnceAndGetsWorkspaceIdOnly() {
        speakWorkspaces();

        client.startExport(PROJECT_ID, ExportRequest.builder().workspaceId(EXPORTED_WORKSPACE_ID).languageCode("en")
                .format("pdf").build());
        client.startExport(PROJECT_ID, ExportRequest.builder().workspaceId(EXPORTED_WORKSPACE_ID).languageCode("en")
                .format("pdf").build());
        List<Workspace> listed = client.listWorkspaces(PROJECT_ID).stream().collect(Collectors.toList());

        assertEquals(WorkspaceDialect.WORKSPACES, client.workspaceDialect(PROJECT_ID));
        wm.verify(1, detection(WORKSPACES_PATH));
        wm.verify(0, getRequestedFor(urlPathEqualTo(VERSIONS_PATH)));
        wm.verify(2, postRequestedFor(urlPathEqualTo(EXPORTS_PATH)).withRequestBody(equalToJson(START_EXPORT_REQUEST)));
        assertEquals(2, listed.size());
        assertTrue(listed.stream().allMatch(w -> w.dialect() == WorkspaceDialect.WORKSPACES));
    }

    @Test
    void concurrentFirstCallsShareOneDetection() throws Exception {
        speakWorkspaces();
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<WorkspaceDialect>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    client.startExport(PROJECT_ID, ExportRequest.builder().format("pdf").workspaceId(WORKSPACE_ID)
                            .build());
                    return client.workspaceDialect(PROJECT_ID);
                }));
            }
            start.countDown();
            for (Future<WorkspaceDialect> r : results) {
                assertEquals(WorkspaceDialect.WORKSPACES, r.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        wm.verify(1, detection(WORKSPACES_PATH));
        wm.verify(callers, postRequestedFor(urlPathEqualTo(EXPORTS_PATH)));
    }

    @Test
    void aProjectVersionsServerIs404OnWorkspacesThenFallsBackOnceAndGetsProjectVersionIdOnly() {
        speakProjectVersions();

        try (LogCapture logs = new LogCapture()) {
            client.startExport(PROJECT_ID, ExportRequest.builder().workspaceId(EXPORTED_WORKSPACE_ID)
                    .languageCode("en").format("pdf").build());
            assertTrue(logs.all().contains("speaks project versions"), logs.all());
        }
        client.startExport(PROJECT_ID, ExportRequest.builder().workspaceId(EXPORTED_WORKSPACE_ID).languageCode("en")
                .format("pdf").build());

        assertEquals(WorkspaceDialect.PROJECT_VERSIONS, client.workspaceDialect(PROJECT_ID));
        wm.verify(1, getRequestedFor(urlPathEqualTo(WORKSPACES_PATH)));
        wm.verify(1, detection(VERSIONS_PATH));
        wm.verify(2, postRequestedFor(urlPathEqualTo(EXPORTS_PATH))
                .withRequestBody(equalToJson(START_EXPORT_REQUEST_PROJECT_VERSION)));
    }

    @Test
    void theDeprecatedProjectVersionIdIsSentAsWorkspaceIdToAWorkspacesServer() {
        speakWorkspaces();

        @SuppressWarnings("deprecation")
        ExportRequest legacy = ExportRequest.builder().projectVersionId(EXPORTED_WORKSPACE_ID).languageCode("en")
                .format("pdf").build();
        client.startExport(PROJECT_ID, legacy);

        wm.verify(postRequestedFor(urlPathEqualTo(EXPORTS_PATH)).withRequestBody(equalToJson(START_EXPORT_REQUEST)));
    }

    @Test
    void a404OnBothIsTheProjectsNotFoundAndIsNotCached() {
        wm.stubFor(get(urlPathEqualTo(WORKSPACES_PATH)).willReturn(problem(404, NOT_FOUND)));
        wm.stubFor(get(urlPathEqualTo(VERSIONS_PATH)).willReturn(problem(404, NOT_FOUND)));

        NotFoundException e = assertThrows(NotFoundException.class,
                () -> client.startExport(PROJECT_ID, ExportRequest.ofFormat("pdf")));
        assertTrue(e.getMessage().contains("/workspaces"), e.getMessage());
        assertEquals(1, e.getSuppressed().length, "the project-versions 404 is kept as suppressed");
        wm.verify(0, postRequestedFor(urlPathEqualTo(EXPORTS_PATH)));

        speakWorkspaces(); // the project exists now: the next call detects again
        client.startExport(PROJECT_ID, ExportRequest.builder().format("pdf").workspaceId(WORKSPACE_ID).build());
        assertEquals(WorkspaceDialect.WORKSPACES, client.workspaceDialect(PROJECT_ID));
        wm.verify(2, detection(WORKSPACES_PATH));
    }

    @Test
    void otherFailuresOfTheDetectionNeitherFallBackNorAreCached() {
        wm.stubFor(get(urlPathEqualTo(WORKSPACES_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer")));

        assertThrows(AuthenticationException.class,
                () -> client.startExport(PROJECT_ID, ExportRequest.ofFormat("pdf")));
        wm.verify(0, getRequestedFor(urlPathEqualTo(VERSIONS_PATH)));
        wm.verify(0, postRequestedFor(urlPathEqualTo(EXPORTS_PATH)));

        speakWorkspaces();
        assertEquals(WorkspaceDialect.WORKSPACES, client.workspaceDialect(PROJECT_ID));
        wm.verify(2, detection(WORKSPACES_PATH));
    }

    @Test
    void aPinnedDialectIsNeverDetected() {
        wm.stubFor(get(urlPathEqualTo(VERSIONS_PATH)).willReturn(okJson(PROJECT_VERSION_LIST)));
        try (Document360Client pinned = TestSupport.builder(wm, TestSupport.time())
                .workspaceDialect(WorkspaceDialect.PROJECT_VERSIONS).build()) {
            pinned.startExport(PROJECT_ID, ExportRequest.builder().format("pdf").workspaceId(WORKSPACE_ID).build());
            assertEquals(1, pinned.listWorkspaces(PROJECT_ID).stream().count());
        }

        wm.verify(0, getRequestedFor(urlPathEqualTo(WORKSPACES_PATH)));
        wm.verify(1, getRequestedFor(urlPathEqualTo(VERSIONS_PATH)));
        wm.verify(postRequestedFor(urlPathEqualTo(EXPORTS_PATH)).withRequestBody(equalToJson(
                "{\"project_version_id\": \"" + WORKSPACE_ID + "\", \"format\": \"pdf\"}")));
    }

    @Test
    void listingIsLazyAndDetectsWithTheFirstPage() {
        speakWorkspaces();

        var workspaces = client.listWorkspaces(PROJECT_ID);
        assertEquals(0, wm.getAllServeEvents().size(), "nothing is fetched before iteration");
        assertEquals("v1.0", workspaces.stream().findFirst().orElseThrow().name().orElseThrow());
        wm.verify(1, detection(WORKSPACES_PATH));
        wm.verify(getRequestedFor(urlPathEqualTo(WORKSPACES_PATH)).withQueryParam("page", equalTo("1"))
                .withQueryParam("page_size", equalTo("100")));
    }

    // ------------------------------------------------------------------------------------------- workspaces

    @Test
    void listsTheVendorsWorkspaceExample() {
        speakWorkspaces();

        List<Workspace> all = client.listWorkspaces(PROJECT_ID).stream().collect(Collectors.toList());

        assertEquals(2, all.size());
        Workspace v1 = all.get(0);
        assertEquals(WORKSPACE_ID, v1.id().orElseThrow());
        assertEquals("v1.0", v1.name().orElseThrow());
        assertEquals("v1-0", v1.slug().orElseThrow());
        assertEquals(0, v1.order().orElseThrow());
        assertTrue(v1.isDefault());
        assertTrue(v1.workspaceType().isEmpty(), "workspace_type is null in the example");
        assertTrue(v1.languageCode().isEmpty(), "the list items carry no language");
        assertEquals(OffsetDateTime.parse("2025-08-10T14:00:00Z"), v1.modifiedAt().orElseThrow());
        assertEquals(WORKSPACE_2_ID, all.get(1).id().orElseThrow());
        assertFalse(all.get(1).isDefault());
    }

    @Test
    void anOlderServersProjectVersionsAreListedAsWorkspaces() {
        speakProjectVersions();

        List<Workspace> all = client.listWorkspaces(PROJECT_ID).stream().collect(Collectors.toList());

        assertEquals(1, all.size());
        assertEquals(WORKSPACE_ID, all.get(0).id().orElseThrow());
        assertEquals("en", all.get(0).languageCode().orElseThrow());
        assertEquals(WorkspaceDialect.PROJECT_VERSIONS, all.get(0).dialect());
        wm.verify(getRequestedFor(urlPathEqualTo(VERSIONS_PATH)).withQueryParam("page_size", equalTo("100")));
    }

    @Test
    void choosesAWorkspaceByIdByNameOrTheDefault() {
        speakWorkspaces();
        wm.stubFor(get(urlPathEqualTo(WORKSPACES_PATH + "/" + WORKSPACE_ID)).willReturn(okJson(WORKSPACE)));

        Workspace byId = client.getWorkspace(PROJECT_ID, WorkspaceRef.byId(WORKSPACE_ID));
        Workspace byName = client.getWorkspace(PROJECT_ID, WorkspaceRef.byName("v2.0"));
        Workspace byDefault = client.getWorkspace(PROJECT_ID, WorkspaceRef.defaultWorkspace());

        assertEquals("v1.0", byId.name().orElseThrow());
        assertEquals("en", byId.languageCode().orElseThrow(), "the single answer has the detail fields");
        assertEquals(false, byId.rtlEnabled().orElseThrow());
        assertEquals(WORKSPACE_2_ID, byName.id().orElseThrow());
        assertEquals(WORKSPACE_ID, byDefault.id().orElseThrow());
        wm.verify(1, getRequestedFor(urlPathEqualTo(WORKSPACES_PATH + "/" + WORKSPACE_ID)));
    }

    @Test
    void choosesAProjectVersionByIdOnAnOlderServer() {
        speakProjectVersions();
        wm.stubFor(get(urlPathEqualTo(VERSIONS_PATH + "/" + WORKSPACE_ID)).willReturn(okJson(PROJECT_VERSION)));

        Workspace byId = client.getWorkspace(PROJECT_ID, WorkspaceRef.byId(WORKSPACE_ID));

        assertEquals("v1.0", byId.name().orElseThrow());
        assertEquals(WorkspaceDialect.PROJECT_VERSIONS, byId.dialect());
        wm.verify(0, getRequestedFor(urlPathEqualTo(WORKSPACES_PATH + "/" + WORKSPACE_ID)));
    }

    @Test
    void aWorkspaceThatIsNotThereIsWorkspaceNotFound() {
        speakWorkspaces();
        UUID missing = UUID.fromString("00000000-0000-4000-8000-000000000000");
        wm.stubFor(get(urlPathEqualTo(WORKSPACES_PATH + "/" + missing)).willReturn(problem(404, NOT_FOUND)));

        WorkspaceNotFoundException byId = assertThrows(WorkspaceNotFoundException.class,
                () -> client.getWorkspace(PROJECT_ID, WorkspaceRef.byId(missing)));
        WorkspaceNotFoundException byName = assertThrows(WorkspaceNotFoundException.class,
                () -> client.getWorkspace(PROJECT_ID, WorkspaceRef.byName("v9.0")));

        assertInstanceOf(NotFoundException.class, byId.getCause());
        assertTrue(byId.getMessage().contains("no workspace with id " + missing), byId.getMessage());
        assertEquals(WorkspaceRef.byId(missing), byId.workspace());
        assertEquals(PROJECT_ID, byName.projectId());
        assertEquals("no workspace named 'v9.0' in Document360 project " + PROJECT_ID
                + " (its workspaces: v1.0 (default), v2.0)", byName.getMessage());
        assertNull(byName.getCause());
    }

    @Test
    void aProjectWithoutDefaultWorkspaceSaysSoAndNoExportIsStarted() {
        wm.stubFor(get(urlPathEqualTo(WORKSPACES_PATH)).willReturn(okJson(WORKSPACE_LIST
                .replace("\"is_default\": true", "\"is_default\": false"))));

        WorkspaceNotFoundException e = assertThrows(WorkspaceNotFoundException.class,
                () -> client.startExport(PROJECT_ID, ExportRequest.ofFormat("pdf")));

        assertTrue(e.getMessage().startsWith("no workspace flagged default (is_default) in Document360 project"),
                e.getMessage());
        assertTrue(e.workspace().isDefaultWorkspace());
        wm.verify(0, postRequestedFor(urlPathEqualTo(EXPORTS_PATH)));
    }

    @Test
    void twoWorkspacesWithTheSameNameAreRefusedRatherThanGuessed() {
        wm.stubFor(get(urlPathEqualTo(WORKSPACES_PATH)).willReturn(okJson(WORKSPACE_LIST
                .replace("\"name\": \"v2.0\"", "\"name\": \"v1.0\""))));

        SdkException e = assertThrows(SdkException.class,
                () -> client.getWorkspace(PROJECT_ID, WorkspaceRef.byName("v1.0")));

        assertTrue(e.getMessage().contains("2 workspaces of Document360 project " + PROJECT_ID
                + " are named 'v1.0': choose one by id (" + WORKSPACE_ID + ", " + WORKSPACE_2_ID + ")"),
                e.getMessage());
    }

    // ------------------------------------------------------------------------------------------- export bodies

    @Test
    void anExportByNameOrByDefaultSendsThatWorkspacesIdInEachDialect() {
        speakWorkspaces();
        client.startExport(PROJECT_ID, ExportRequest.builder().format("pdf").workspace(WorkspaceRef.byName("v2.0"))
                .build());
        client.startExport(PROJECT_ID, ExportRequest.ofFormat("html"));
        wm.verify(postRequestedFor(urlPathEqualTo(EXPORTS_PATH)).withRequestBody(equalToJson(
                "{\"workspace_id\": \"" + WORKSPACE_2_ID + "\", \"format\": \"pdf\"}")));
        wm.verify(postRequestedFor(urlPathEqualTo(EXPORTS_PATH)).withRequestBody(equalToJson(
                "{\"workspace_id\": \"" + WORKSPACE_ID + "\", \"format\": \"html\"}")));

        wm.resetAll();
        setUpOlderServerWithAFreshClient();
        client.startExport(PROJECT_ID, ExportRequest.builder().format("pdf").workspace(WorkspaceRef.byName("v1.0"))
                .build());
        client.startExport(PROJECT_ID, ExportRequest.ofFormat("html"));
        wm.verify(postRequestedFor(urlPathEqualTo(EXPORTS_PATH)).withRequestBody(equalToJson(
                "{\"project_version_id\": \"" + WORKSPACE_ID + "\", \"format\": \"pdf\"}")));
        wm.verify(postRequestedFor(urlPathEqualTo(EXPORTS_PATH)).withRequestBody(equalToJson(
                "{\"project_version_id\": \"" + WORKSPACE_ID + "\", \"format\": \"html\"}")));
    }

    @Test
    void anExportOfAWorkspaceListedByTheClientSendsItsId() {
        speakWorkspaces();
        Workspace v2 = client.listWorkspaces(PROJECT_ID).stream().filter(w -> !w.isDefault()).findFirst()
                .orElseThrow();

        client.startExport(PROJECT_ID, ExportRequest.builder().format("markdown").workspace(v2).build(),
                RequestOptions.none());

        wm.verify(postRequestedFor(urlPathEqualTo(EXPORTS_PATH)).withRequestBody(equalToJson(
                "{\"workspace_id\": \"" + WORKSPACE_2_ID + "\", \"format\": \"markdown\"}")));
    }

    @Test
    void theSpecRefusesABodyNamingTheWorkspaceTwiceOrMissingTheFormat() throws Exception {
        // Guards the guard: the contract check would catch the client sending both fields (or an unknown one).
        wm.stubFor(post(urlPathEqualTo(EXPORTS_PATH)).willReturn(aResponse().withStatus(202)));
        String[] bodies = {
            "{\"workspace_id\": \"" + WORKSPACE_ID + "\", \"format\": \"pdf\"}",
            "{\"project_version_id\": \"" + WORKSPACE_ID + "\", \"format\": \"pdf\"}",
            "{\"workspace_id\": \"" + WORKSPACE_ID + "\", \"project_version_id\": \"" + WORKSPACE_ID
                    + "\", \"format\": \"pdf\"}",
            "{\"workspace_id\": \"" + WORKSPACE_ID + "\"}",
            "{\"workspace_id\": \"" + WORKSPACE_ID + "\", \"format\": \"pdf\", \"version_id\": \"x\"}"};
        HttpClient http = HttpClient.newHttpClient();
        List<List<String>> violations = new ArrayList<>();
        for (String body : bodies) {
            wm.resetRequests();
            http.send(HttpRequest.newBuilder(URI.create(wm.baseUrl() + EXPORTS_PATH))
                    .header("Authorization", "Bearer " + TestSupport.TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            violations.add(contract.violations(wm.getAllServeEvents().get(0).getRequest()));
        }

        assertEquals(List.of(), violations.get(0), "workspace_id alone is valid (v3.1 server)");
        assertEquals(List.of(), violations.get(1), "project_version_id alone is valid (older server)");
        for (int i = 2; i < bodies.length; i++) {
            assertFalse(violations.get(i).isEmpty(), bodies[i]);
            assertTrue(violations.get(i).stream().allMatch(v -> v.startsWith("[validation.request.body")),
                    violations.get(i).toString());
        }
        wm.resetRequests(); // keep the after-each check about the facade's own requests
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static void speakWorkspaces() {
        wm.stubFor(get(urlPathEqualTo(WORKSPACES_PATH)).willReturn(okJson(WORKSPACE_LIST)));
        wm.stubFor(get(urlPathEqualTo(VERSIONS_PATH)).willReturn(problem(404, NOT_FOUND)));
    }

    private static void speakProjectVersions() {
        wm.stubFor(get(urlPathEqualTo(WORKSPACES_PATH)).willReturn(problem(404, NOT_FOUND)));
        wm.stubFor(get(urlPathEqualTo(VERSIONS_PATH)).willReturn(okJson(PROJECT_VERSION_LIST)));
    }

    private void setUpOlderServerWithAFreshClient() {
        client.close();
        client = TestSupport.builder(wm, TestSupport.time()).build();
        wm.stubFor(post(urlPathEqualTo(EXPORTS_PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(EXPORT_STARTED)));
        speakProjectVersions();
    }

    /** The detection request: the first page of one item. */
    private static RequestPatternBuilder detection(String path) {
        return getRequestedFor(urlPathEqualTo(path)).withQueryParam("page", equalTo("1"))
                .withQueryParam("page_size", equalTo("1"));
    }

    private static ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/problem+json").withBody(body);
    }
}
