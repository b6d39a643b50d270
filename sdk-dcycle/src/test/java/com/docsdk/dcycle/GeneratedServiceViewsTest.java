package com.docsdk.dcycle;

import static com.docsdk.dcycle.DcycleTesting.FILE_ID;
import static com.docsdk.dcycle.DcycleTesting.READING_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.FakeTime;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.error.ServerException;
import com.docsdk.dcycle.model.FileEventDetail;
import com.docsdk.dcycle.model.FileEventRequest;
import com.docsdk.dcycle.model.FileRecord;
import com.docsdk.dcycle.service.FilesService;
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
 * The views every generated Dcycle service has (raw response, async, withOptions) and the retry rules the spec
 * declares ({@code x-docsdk-idempotent}), over real HTTP.
 */
class GeneratedServiceViewsTest {
    private static final String FILE = "{\"id\": \"%s\", \"name\": \"water-invoice-2024-03\", \"status\": \"uploaded\"}"
            .formatted(FILE_ID);
    private static final String BOOM = "{\"detail\": \"Internal server error\", \"code\": \"INTERNAL_ERROR\"}";

    @RegisterExtension
    static WireMockExtension api = DcycleTesting.wireMock();

    private final FakeTime time = new FakeTime();
    private DcycleClient dcycle;

    @BeforeEach
    void setUp() {
        dcycle = DcycleTesting.client(api).clock(time).sleeper(time).build();
    }

    @AfterEach
    void tearDown() {
        dcycle.close();
        DcycleTesting.CONTRACT.assertRequestsMatch(api);
    }

    @Test
    void theRawViewGivesStatusHeadersAndRequestIdWithTheValue() {
        api.stubFor(get(urlPathEqualTo("/v1/files/" + FILE_ID)).willReturn(okJson(FILE)
                .withHeader("x-request-id", "req-7").withHeader("X-RateLimit-Remaining", "41")
                .withHeader("X-RateLimit-Limit", "50")));

        SdkResponse<FileRecord> r = dcycle.files().withRawResponse().get(FILE_ID);

        assertEquals(200, r.statusCode());
        assertEquals("req-7", r.requestId().orElseThrow());
        assertEquals(FILE_ID, r.value().getId());
        assertEquals(41L, dcycle.lastRateLimit().orElseThrow().remaining().getAsLong());
        assertTrue(dcycle.baseUrl().startsWith(api.baseUrl()), dcycle.baseUrl());
    }

    @Test
    void theAsyncViewCompletesWithTheValueOrTheTypedError() throws Exception {
        api.stubFor(get(urlPathEqualTo("/v1/files/" + FILE_ID)).willReturn(okJson(FILE)));
        api.stubFor(get(urlPathEqualTo("/v1/files/" + READING_ID)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"detail\": \"File not found\", \"code\": \"FILE_NOT_FOUND\"}")));

        assertEquals(FILE_ID, dcycle.files().async().get(FILE_ID).get(10, TimeUnit.SECONDS).getId());

        ExecutionException e = assertThrows(ExecutionException.class,
                () -> dcycle.files().async().get(READING_ID).get(10, TimeUnit.SECONDS));
        assertInstanceOf(NotFoundException.class, e.getCause());
    }

    @Test
    void cancellingAnAsyncCallCancelsItsExchange() {
        api.stubFor(get(urlPathEqualTo("/v1/files/" + FILE_ID)).willReturn(okJson(FILE).withFixedDelay(30_000)));

        CompletableFuture<FileRecord> future = dcycle.files().async().get(FILE_ID);
        assertTrue(future.cancel(true));

        assertThrows(CancellationException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertTrue(future.isCancelled());
    }

    @Test
    void withOptionsAppliesDefaultsThatACallsOwnOptionsOverride() {
        api.stubFor(get(urlPathEqualTo("/v1/files/" + FILE_ID)).willReturn(okJson(FILE)));
        FilesService traced = dcycle.files().withOptions(RequestOptions.builder().header("X-Trace", "default")
                .header("X-Team", "erp").build());

        traced.get(FILE_ID);
        traced.get(FILE_ID, RequestOptions.builder().header("X-Trace", "mine").build());

        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/files/" + FILE_ID)).withHeader("X-Trace", equalTo("default"))
                .withHeader("X-Team", equalTo("erp")).withHeader("x-organization-id", equalTo(DcycleTesting.ORG_ID)));
        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/files/" + FILE_ID)).withHeader("X-Trace", equalTo("mine"))
                .withHeader("X-Team", equalTo("erp")));
    }

    @Test
    void anOperationTheSpecDeclaresIdempotentIsRetriedOn500AndAnEventIsNot() {
        dcycle.close();
        dcycle = DcycleTesting.client(api).retryPolicy(RetryPolicy.defaults()).clock(time).sleeper(time).build();
        api.stubFor(put(urlPathEqualTo("/v1/files/" + FILE_ID + "/recover")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(BOOM)));
        api.stubFor(post(urlPathEqualTo("/v1/files/send-event")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody(BOOM)));

        assertThrows(ServerException.class, () -> dcycle.files().recover(FILE_ID));
        assertThrows(ServerException.class, () -> dcycle.files().sendEvent(new FileEventRequest()
                .eventType(DcycleClient.PROCESS_DOCUMENT).detail(new FileEventDetail().fileId(FILE_ID))));

        api.verify(1 + RetryPolicy.defaults().maxRetries(), putRequestedFor(urlPathEqualTo("/v1/files/" + FILE_ID
                + "/recover")));
        api.verify(1, postRequestedFor(urlPathEqualTo("/v1/files/send-event")));
    }
}
