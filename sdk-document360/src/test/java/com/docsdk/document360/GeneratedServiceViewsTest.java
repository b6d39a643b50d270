package com.docsdk.document360;

import static com.docsdk.document360.VendorExamples.EXPORTS_PATH;
import static com.docsdk.document360.VendorExamples.EXPORT_COMPLETED;
import static com.docsdk.document360.VendorExamples.EXPORT_ID;
import static com.docsdk.document360.VendorExamples.EXPORT_PATH;
import static com.docsdk.document360.VendorExamples.PROJECT;
import static com.docsdk.document360.VendorExamples.PROJECT_ID;
import static com.docsdk.document360.VendorExamples.PROJECT_PATH;
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

import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.error.ServerException;
import com.docsdk.document360.model.ExportTask;
import com.docsdk.document360.model.Project;
import com.docsdk.document360.model.StartExportRequest;
import com.docsdk.document360.service.ExportsService;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The views every generated service has (raw response, async, withOptions) with the envelope read by the client
 * ({@code x-docsdk-envelope: data}), and the retry rules the spec declares ({@code x-docsdk-idempotent}), over real
 * HTTP.
 */
class GeneratedServiceViewsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Document360Client client;

    @BeforeEach
    void setUp() {
        client = TestSupport.builder(wm, TestSupport.time()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        OpenApiContract.assertRequestsMatchSpec(wm.getRuntimeInfo().getWireMock(), "document360");
    }

    @Test
    void theRawViewGivesStatusHeadersAndRateLimitWithTheUnwrappedValue() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson(PROJECT).withHeader("X-Request-Id", "req-7")
                .withHeader("X-RateLimit-Limit", "60").withHeader("X-RateLimit-Remaining", "41")));

        var r = client.projects().withRawResponse().get(PROJECT_ID);

        assertEquals(200, r.statusCode());
        assertEquals("req-7", r.requestId().orElseThrow());
        assertEquals("Product Documentation", r.value().getName(), "data, not the envelope");
        assertEquals(41L, r.rateLimit().orElseThrow().remaining().getAsLong());
        assertEquals(41L, client.lastRateLimit().orElseThrow().remaining().getAsLong());
    }

    @Test
    void theAsyncViewCompletesWithTheValueOrTheTypedErrorSuccessFalseIncluded() throws Exception {
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH)).willReturn(okJson(EXPORT_COMPLETED)));
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson("""
                {"data": null, "success": false, "request_id": "r-async",
                 "errors": [{"code": "PROJECT_ARCHIVED", "message": "Unarchive it first."}]}
                """)));
        wm.stubFor(get(urlPathEqualTo(VendorExamples.WORKSPACES_PATH + "/" + VendorExamples.WORKSPACE_ID))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody(VendorExamples.NOT_FOUND)));

        ExportTask task = client.exports().async().get(PROJECT_ID, EXPORT_ID).get(10, TimeUnit.SECONDS);
        assertEquals("Completed", task.getStatus());

        ExecutionException archived = assertThrows(ExecutionException.class,
                () -> client.projects().async().get(PROJECT_ID).get(10, TimeUnit.SECONDS));
        SdkHttpException e = assertInstanceOf(SdkHttpException.class, archived.getCause());
        assertEquals("PROJECT_ARCHIVED", e.errorCode().orElseThrow());
        assertEquals("r-async", e.requestId().orElseThrow());

        ExecutionException missing = assertThrows(ExecutionException.class, () -> client.workspaces().async()
                .get(PROJECT_ID, VendorExamples.WORKSPACE_ID).get(10, TimeUnit.SECONDS));
        assertInstanceOf(NotFoundException.class, missing.getCause());
    }

    @Test
    void cancellingAnAsyncCallCancelsItsExchange() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson(PROJECT).withFixedDelay(30_000)));

        CompletableFuture<Project> future = client.projects().async().get(PROJECT_ID);
        assertTrue(future.cancel(true));

        assertThrows(CancellationException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertTrue(future.isCancelled());
    }

    @Test
    void withOptionsAppliesDefaultsThatACallsOwnOptionsOverride() {
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH)).willReturn(okJson(EXPORT_COMPLETED)));
        ExportsService traced = client.exports().withOptions(RequestOptions.builder().header("X-Trace", "default")
                .header("X-Team", "docs").build());

        traced.get(PROJECT_ID, EXPORT_ID);
        traced.get(PROJECT_ID, EXPORT_ID, RequestOptions.builder().header("X-Trace", "mine").build());

        wm.verify(1, getRequestedFor(urlPathEqualTo(EXPORT_PATH)).withHeader("X-Trace", equalTo("default"))
                .withHeader("X-Team", equalTo("docs")));
        wm.verify(1, getRequestedFor(urlPathEqualTo(EXPORT_PATH)).withHeader("X-Trace", equalTo("mine"))
                .withHeader("X-Team", equalTo("docs")));
    }

    @Test
    void aReadIsRetriedOn500AndTheStartTheSpecDeclaresNotIdempotentIsNot() {
        String problem = VendorExamples.INTERNAL_ERROR;
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody(problem)));
        wm.stubFor(post(urlPathEqualTo(EXPORTS_PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody(problem)));

        assertThrows(ServerException.class, () -> client.exports().get(PROJECT_ID, EXPORT_ID));
        assertThrows(ServerException.class, () -> client.exports().start(PROJECT_ID, new StartExportRequest()
                .workspaceId(VendorExamples.WORKSPACE_ID.toString()).format("pdf")));

        wm.verify(4, getRequestedFor(urlPathEqualTo(EXPORT_PATH)));
        wm.verify(1, postRequestedFor(urlPathEqualTo(EXPORTS_PATH)));
    }
}
