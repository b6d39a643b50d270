package com.docsdk.webadmit;

import static com.docsdk.webadmit.WebAdmitExamples.API_KEY;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.FakeTime;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.error.ServerException;
import com.docsdk.testkit.OpenApiContract;
import com.docsdk.webadmit.model.Export;
import com.docsdk.webadmit.model.ExportFile;
import com.docsdk.webadmit.service.ExportsService;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The views every generated service has (raw response, async, withOptions), the envelopes the spec names per
 * operation ({@code x-docsdk-envelope}) and the retry rules it declares ({@code x-docsdk-idempotent}), over real HTTP.
 */
class GeneratedServiceViewsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String STATUS_PATH = "/api/v1/exports/86446/export_files/74780";
    private static final String START_PATH = "/api/v1/user_identities/24567/exports/86446/export_files";

    private final FakeTime time = new FakeTime();
    private WebAdmitClient client;

    @BeforeEach
    void setUp() {
        client = WebAdmitClient.builder().apiKey(API_KEY).baseUrl(wm.baseUrl()).clock(time).sleeper(time).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        OpenApiContract.assertRequestsMatchSpec(wm, "webadmit");
    }

    @Test
    void theRawViewGivesStatusHeadersAndRequestIdWithTheUnwrappedList() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/exports")).willReturn(okJson(WebAdmitExamples.EXPORTS)
                .withHeader("X-Request-Id", "req-7").withHeader("X-RateLimit-Limit", "5000")
                .withHeader("X-RateLimit-Remaining", "4321")));

        SdkResponse<List<Export>> r = client.exports().withRawResponse().list();

        assertEquals(200, r.statusCode());
        assertEquals("req-7", r.requestId().orElseThrow());
        assertEquals(List.of(29897L), r.value().stream().map(Export::getId).toList());
        assertEquals(4321L, r.rateLimit().orElseThrow().remaining().getAsLong());
        assertEquals(4321L, client.lastRateLimit().orElseThrow().remaining().getAsLong(),
                "the generated base class remembers the latest rate limit");
    }

    @Test
    void unwrappedListsHoldNoNullItems() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities")).willReturn(okJson("""
                { "href": "/api/v1/user_identities", "user_identities": [ null, { "id": 42 }, null ] }
                """)));

        assertEquals(List.of(42L), client.userIdentities().list().stream().map(u -> u.getId()).toList());
    }

    @Test
    void theAsyncViewCompletesWithTheValueOrTheTypedError() throws Exception {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(WebAdmitExamples.EXPORT_FILE_AVAILABLE_SEED)));
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities/999/exports")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"User identity '999' not found.\"}")));

        ExportFile file = client.exportFiles().async().get(86446L, 74780L).get(10, TimeUnit.SECONDS);
        assertEquals(74780L, file.getId());

        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.exports().async().listByUserIdentity(999L).get(10, TimeUnit.SECONDS));
        NotFoundException notFound = assertInstanceOf(NotFoundException.class, e.getCause());
        assertEquals(List.of("User identity '999' not found."), notFound.messages());
    }

    @Test
    void cancellingAnAsyncCallCancelsItsExchange() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/exports")).willReturn(okJson(WebAdmitExamples.EXPORTS)
                .withFixedDelay(30_000)));

        CompletableFuture<List<Export>> future = client.exports().async().list();
        assertTrue(future.cancel(true));

        assertThrows(CancellationException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertTrue(future.isCancelled());
    }

    @Test
    void withOptionsAppliesDefaultsThatACallsOwnOptionsOverride() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/exports")).willReturn(okJson(WebAdmitExamples.EXPORTS)));
        ExportsService traced = client.exports().withOptions(RequestOptions.builder().header("X-Trace", "default")
                .header("X-Team", "admissions").build());

        traced.list();
        traced.list(RequestOptions.builder().header("X-Trace", "mine").build());

        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/exports")).withHeader("X-Trace", equalTo("default"))
                .withHeader("X-Team", equalTo("admissions")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/exports")).withHeader("X-Trace", equalTo("mine"))
                .withHeader("X-Team", equalTo("admissions")));
    }

    @Test
    void aStatusCheckIsRetriedOn500AndTheStartOfARunIsNot() {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("recovered").willReturn(aResponse().withStatus(500)));
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(WebAdmitExamples.EXPORT_FILE_AVAILABLE_SEED)));
        wm.stubFor(post(urlPathEqualTo(START_PATH)).willReturn(aResponse().withStatus(500)));

        assertEquals(74780L, client.exportFiles().get(86446L, 74780L).getId());
        assertThrows(ServerException.class, () -> client.exportFiles().start(24567L, 86446L));

        wm.verify(2, getRequestedFor(urlPathEqualTo(STATUS_PATH)));
        wm.verify(1, postRequestedFor(urlPathEqualTo(START_PATH)));
    }
}
