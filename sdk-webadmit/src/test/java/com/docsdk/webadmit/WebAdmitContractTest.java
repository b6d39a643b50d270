package com.docsdk.webadmit;

import static com.docsdk.webadmit.WebAdmitExamples.API_KEY;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.RateLimit;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkResponse;
import com.docsdk.testkit.OpenApiContract;
import com.docsdk.webadmit.model.CreateExportFileRequest;
import com.docsdk.webadmit.model.Export;
import com.docsdk.webadmit.model.ExportFile;
import com.docsdk.webadmit.model.UserIdentity;
import com.docsdk.webadmit.model.UserIdentityType;
import com.docsdk.webadmit.service.ExportFilesService.StartParams;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation against WireMock serving the vendor's documented example bodies; every request the SDK sends is
 * checked against {@code openapi/webadmit.yaml} after each test.
 */
class WebAdmitContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("webadmit");

    private WebAdmitClient client;

    @BeforeEach
    void setUp() {
        client = WebAdmitClient.builder().apiKey(API_KEY).baseUrl(wm.baseUrl()).sleeper(d -> { }).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        CONTRACT.assertRequestsMatch(wm);
    }

    @Test
    void listsUserIdentities() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities")).willReturn(okJson(WebAdmitExamples.USER_IDENTITIES)));

        List<UserIdentity> identities = client.userIdentities().list();

        assertEquals(1, identities.size());
        UserIdentity identity = identities.get(0);
        assertEquals(42L, identity.getId());
        assertEquals(UserIdentityType.ADMISSIONS_USER, identity.getType());
        assertEquals("SOPHAS", identity.getAssociation());
        assertEquals("Demo University", identity.getInstitution());
        assertEquals("Demo University School of Public Health", identity.getOrganization());
        assertEquals("2014 - 2015", identity.getCycle());
        wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/user_identities")).withHeader("x-api-key", equalTo(API_KEY))
                .withHeader("Accept", equalTo("application/json")));
        assertThrows(UnsupportedOperationException.class, () -> identities.add(identity));
    }

    @Test
    void listsAllExports() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/exports")).willReturn(okJson(WebAdmitExamples.EXPORTS)));

        List<Export> exports = client.exports().list();

        assertEquals(1, exports.size());
        Export export = exports.get(0);
        assertEquals(29897L, export.getId());
        assertEquals("Nightly Banner Export", export.getName());
        assertEquals("all", export.getListType());
        assertEquals("Comma-Separated Values", export.getFormat());
        assertEquals("text/csv;charset=iso-8859-1", export.getMimeType());
    }

    @Test
    void listsTheExportsOfOneIdentity() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities/24567/exports"))
                .willReturn(okJson(WebAdmitExamples.EXPORTS_BY_IDENTITY)));

        List<Export> exports = client.exports().listByUserIdentity(24567L);

        assertEquals(List.of(29897L), exports.stream().map(Export::getId).toList());
        wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/user_identities/24567/exports"))
                .withHeader("x-api-key", equalTo(API_KEY)));
    }

    @Test
    void startsAnExportRunWithoutABodyUnlessOneIsGiven() {
        String path = "/api/v1/user_identities/24567/exports/86446/export_files";
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(WebAdmitExamples.EXPORT_FILE_CREATED)));

        ExportFile started = client.exportFiles().start(24567L, 86446L);

        assertEquals(74780L, started.getId());
        assertEquals(86446L, started.getExportId());
        assertEquals("/api/v1/exports/86466/export_files/74780", started.getHref());
        assertEquals(ExportFileStatus.AVAILABLE, ExportFileStatus.of(started));
        // the body is optional in the spec: none, and nothing declared as JSON
        LoggedRequest bodiless = wm.findAll(postRequestedFor(urlPathEqualTo(path))).get(0);
        assertEquals(API_KEY, bodiless.getHeader("x-api-key"));
        assertEquals(0, bodiless.getBody().length);
        assertFalse(bodiless.containsHeader("Content-Type"), bodiless.getHeaders().toString());

        client.exportFiles().start(24567L, 86446L,
                StartParams.builder().createExportFileRequest(new CreateExportFileRequest()).build(),
                RequestOptions.none());

        wm.verify(postRequestedFor(urlPathEqualTo(path)).withHeader("Content-Type", matching("application/json(;.*)?"))
                .withRequestBody(equalToJson("{}")));
    }

    @Test
    void startsAnExportRunWithTheDocumentedCallbackInTheBodyOrTheQuery() {
        String path = "/api/v1/user_identities/24567/exports/86446/export_files";
        URI callback = URI.create("http://someurl.com/your_callback.cgi");
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(WebAdmitExamples.EXPORT_FILE_CREATED)));

        client.exportFiles().start(24567L, 86446L, StartParams.builder()
                .createExportFileRequest(new CreateExportFileRequest().callback(callback)).build(), RequestOptions.none());
        client.exportFiles().start(24567L, 86446L, StartParams.builder().callback(callback).build(),
                RequestOptions.none());

        wm.verify(1, postRequestedFor(urlPathEqualTo(path)).withQueryParam("callback", absent())
                .withRequestBody(equalToJson("{\"callback\": \"http://someurl.com/your_callback.cgi\"}")));
        LoggedRequest query = wm.findAll(postRequestedFor(urlPathEqualTo(path))
                .withQueryParam("callback", equalTo("http://someurl.com/your_callback.cgi"))).get(0);
        assertEquals(0, query.getBody().length);
    }

    @Test
    void checksAnExportFileWithTheSeedExample() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/exports/86446/export_files/74780"))
                .willReturn(okJson(WebAdmitExamples.EXPORT_FILE_AVAILABLE_SEED)));

        ExportFile file = client.exportFiles().get(86446L, 74780L);

        assertEquals(74780L, file.getId());
        assertEquals("available", file.getStatus());
        assertEquals(ExportFileStatus.AVAILABLE, ExportFileStatus.of(file));
        assertEquals(WebAdmitExamples.DOCUMENTED_DOWNLOAD_URL, file.getDownloadUrl());
    }

    @Test
    void listsRecentExportFiles() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities/37442/export_files"))
                .willReturn(okJson(WebAdmitExamples.RECENT_EXPORT_FILES)));

        List<ExportFile> files = client.exportFiles().list(37442L);

        assertEquals(1, files.size());
        assertEquals(74780L, files.get(0).getId());
        assertEquals(ExportFileStatus.AVAILABLE, ExportFileStatus.of(files.get(0)));
        assertEquals(null, files.get(0).getDownloadUrl());
        assertThrows(UnsupportedOperationException.class, () -> files.remove(0));
    }

    @Test
    void rateLimitHeadersAreVisibleToTheCaller() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/exports/86446/export_files/74780"))
                .willReturn(okJson(WebAdmitExamples.EXPORT_FILE_AVAILABLE_SEED)
                        .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "4987")
                        .withHeader("X-Request-Id", "req-1")));
        assertTrue(client.lastRateLimit().isEmpty());

        SdkResponse<ExportFile> r = client.exportFiles().withRawResponse().get(86446L, 74780L);

        assertEquals(200, r.statusCode());
        RateLimit rl = r.rateLimit().orElseThrow();
        assertEquals(5000L, rl.limit().getAsLong());
        assertEquals(4987L, rl.remaining().getAsLong());
        assertEquals("req-1", r.requestId().orElseThrow());
        assertEquals(4987L, client.lastRateLimit().orElseThrow().remaining().getAsLong());
        assertEquals(74780L, r.value().getId());
    }

    @Test
    void perCallOptionsReachTheWire() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities")).willReturn(okJson(WebAdmitExamples.USER_IDENTITIES)));

        client.userIdentities().list(RequestOptions.builder().header("X-Trace", "t-1").build());

        wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/user_identities")).withHeader("X-Trace", equalTo("t-1")));
    }

    /** The contract check has teeth: the path the vendor says does not exist is rejected. */
    @Test
    void anOffSpecRequestFailsTheContractCheck() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/api/v1/exports/86446/export_files")).willReturn(okJson("{}")));
        try (Response ignored = new OkHttpClient().newCall(new Request.Builder()
                .url(wm.baseUrl() + "/api/v1/exports/86446/export_files").header("x-api-key", API_KEY)
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build()).execute()) {
            // only the journal entry matters
        }

        assertThrows(AssertionError.class, () -> CONTRACT.assertRequestsMatch(wm));
        wm.resetRequests(); // so that tearDown's check passes
    }
}
