package com.docsdk.smartdocumentor;

import static com.docsdk.smartdocumentor.Fixtures.EXTERNAL_STATUS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.PROCESS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.REPROCESS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.STATUS_PAGE_PATH;
import static com.docsdk.smartdocumentor.Fixtures.STATUS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.TASK_STATUS_EXAMPLE;
import static com.docsdk.smartdocumentor.Fixtures.TOKEN_EXAMPLE;
import static com.docsdk.smartdocumentor.Fixtures.TOKEN_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
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
import com.docsdk.core.SdkResponse;
import com.docsdk.core.error.ServerException;
import com.docsdk.smartdocumentor.model.AccessTokenResponse;
import com.docsdk.smartdocumentor.model.CreateTaskRequest;
import com.docsdk.smartdocumentor.model.TaskContext;
import com.docsdk.smartdocumentor.model.TaskStatusPage;
import com.docsdk.smartdocumentor.model.TaskStatusResponse;
import com.docsdk.smartdocumentor.service.TasksService;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.OffsetDateTime;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The views every generated service has (raw response, async, withOptions), the retry rules the spec declares
 * ({@code x-docsdk-idempotent}) and the token operation as a service of its own, over real HTTP.
 */
class GeneratedServiceViewsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private SmartDocumentorClient client;

    @BeforeEach
    void setUp() {
        client = Fixtures.client(wm);
    }

    @AfterEach
    void tearDown() {
        client.close();
        Fixtures.contract().assertRequestsMatch(wm);
    }

    @Test
    void theRawViewGivesStatusHeadersRequestIdAndRateLimitWithTheValue() {
        wm.stubFor(get(urlPathEqualTo(STATUS_PAGE_PATH)).willReturn(okJson("{\"items\": " + Fixtures.tasks(1, 2)
                + ", \"totalCount\": 2}").withHeader("x-request-id", "req-7")
                .withHeader("X-RateLimit-Remaining", "41").withHeader("X-RateLimit-Limit", "50")));

        SdkResponse<TaskStatusPage> r = client.tasks().withRawResponse().list(TasksService.ListParams.builder()
                .startDate(OffsetDateTime.parse("2022-03-16T16:59:55Z")).build(), RequestOptions.none());

        assertEquals(200, r.statusCode());
        assertEquals("req-7", r.requestId().orElseThrow());
        assertEquals(2L, r.value().getTotalCount());
        assertEquals(41L, client.lastRateLimit().orElseThrow().remaining().getAsLong());
        wm.verify(getRequestedFor(urlPathEqualTo(STATUS_PAGE_PATH)).withQueryParam("pageNumber", equalTo("1")));
    }

    @Test
    void theAsyncViewCompletesWithTheValueOrTheTypedError() throws Exception {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).withQueryParam("taskId", equalTo("49"))
                .willReturn(okJson(TASK_STATUS_EXAMPLE)));
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).withQueryParam("externalId", equalTo("nope"))
                .willReturn(aResponse().withStatus(404)));

        TaskStatusResponse task = client.tasks().async().get(Fixtures.byId(49), RequestOptions.none())
                .get(10, TimeUnit.SECONDS);
        assertEquals(49L, task.getTaskId());

        ExecutionException e = assertThrows(ExecutionException.class, () -> client.tasks().async()
                .get(Fixtures.byExternalId("nope"), RequestOptions.none()).get(10, TimeUnit.SECONDS));
        assertInstanceOf(NotFoundException.class, e.getCause());
    }

    @Test
    void cancellingAnAsyncCallCancelsItsExchange() {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(TASK_STATUS_EXAMPLE).withFixedDelay(30_000)));

        CompletableFuture<TaskStatusResponse> future = client.tasks().async().get(Fixtures.byId(49),
                RequestOptions.none());
        assertTrue(future.cancel(true));

        assertThrows(CancellationException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertTrue(future.isCancelled());
    }

    @Test
    void withOptionsAppliesDefaultsThatACallsOwnOptionsOverride() {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(TASK_STATUS_EXAMPLE)));
        TasksService traced = client.tasks().withOptions(RequestOptions.builder().header("X-Trace", "default")
                .header("X-Team", "erp").build());

        traced.get(Fixtures.byId(49), RequestOptions.none());
        traced.get(Fixtures.byId(49), RequestOptions.builder().header("X-Trace", "mine").build());

        wm.verify(1, getRequestedFor(urlPathEqualTo(STATUS_PATH)).withHeader("X-Trace", equalTo("default"))
                .withHeader("X-Team", equalTo("erp")));
        wm.verify(1, getRequestedFor(urlPathEqualTo(STATUS_PATH)).withHeader("X-Trace", equalTo("mine"))
                .withHeader("X-Team", equalTo("erp")));
    }

    @Test
    void theSpecDecidesWhatIsRetriedOn500() {
        wm.stubFor(patch(urlPathEqualTo(EXTERNAL_STATUS_PATH)).willReturn(aResponse().withStatus(500)));
        wm.stubFor(patch(urlPathEqualTo(REPROCESS_PATH)).willReturn(aResponse().withStatus(500)));
        wm.stubFor(post(urlPathEqualTo(PROCESS_PATH)).willReturn(aResponse().withStatus(500)));

        assertThrows(ServerException.class, () -> Fixtures.mark(client, 49, "exported"));
        assertThrows(ServerException.class, () -> client.tasks().reprocess(
                TasksService.ReprocessParams.builder().taskId(49L).build(), RequestOptions.none()));
        assertThrows(ServerException.class, () -> client.tasks().create(new CreateTaskRequest()
                .context(new TaskContext().url("https://files.example.com/a.pdf"))));

        wm.verify(4, patchRequestedFor(urlPathEqualTo(EXTERNAL_STATUS_PATH)));   // idempotent: 1 + 3 retries
        wm.verify(1, patchRequestedFor(urlPathEqualTo(REPROCESS_PATH)));         // destructive
        wm.verify(1, postRequestedFor(urlPathEqualTo(PROCESS_PATH)));            // a second task
    }

    @Test
    void theTokenOperationIsAServiceTooWithTheDocumentedForm() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(TOKEN_EXAMPLE)));

        AccessTokenResponse token = client.tokens().create("client_credentials", "WebAPI", "org-id", "org-secret");

        assertEquals("your access token", token.getAccessToken());
        assertEquals(3600, token.getExpiresIn());
        wm.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("scope", equalTo("WebAPI"))
                .withFormParam("client_id", equalTo("org-id"))
                .withFormParam("client_secret", equalTo("org-secret")));
    }
}
