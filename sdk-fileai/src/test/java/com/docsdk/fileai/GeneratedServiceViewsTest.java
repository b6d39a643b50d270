package com.docsdk.fileai;

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

import com.docsdk.core.FakeTime;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.ServerException;
import com.docsdk.fileai.model.FileList;
import com.docsdk.fileai.model.FileUploadRequest;
import com.docsdk.fileai.model.IntegrationExportStatus;
import com.docsdk.fileai.service.FilesService;
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
 * The views every generated service has (raw response, async, withOptions) and the retry rules the spec declares
 * ({@code x-docsdk-idempotent}), over real HTTP.
 */
class GeneratedServiceViewsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeTime time = new FakeTime();
    private FileAiClient client;

    @BeforeEach
    void setUp() {
        client = FileAiClient.builder().apiKey("test-key").baseUrl(wm.baseUrl()).clock(time).sleeper(time).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void theRawViewGivesStatusHeadersAndRequestIdWithTheValue() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson(Examples.LIST_FILES)
                .withHeader("x-request-id", "req-7").withHeader("X-RateLimit-Remaining", "41")
                .withHeader("X-RateLimit-Limit", "50")));

        var r = client.files().withRawResponse().list();

        assertEquals(200, r.statusCode());
        assertEquals("req-7", r.requestId().orElseThrow());
        assertEquals(1L, r.value().getCount());
        assertEquals(41L, client.lastRateLimit().orElseThrow().remaining().getAsLong());
        OpenApiContract.assertRequestsMatchSpec(wm, "fileai");
    }

    @Test
    void theAsyncViewCompletesWithTheValueOrTheTypedError() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson(Examples.LIST_FILES)));
        wm.stubFor(get(urlPathEqualTo("/prod/v1/uploads/missing")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Upload missing not found\",\"statusCode\":404}")));

        FileList page = client.files().async().list().get(10, TimeUnit.SECONDS);
        assertEquals(Examples.FILE_ID, page.getFiles().get(0).getFileId());

        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.uploads().async().get("missing").get(10, TimeUnit.SECONDS));
        assertInstanceOf(NotFoundException.class, e.getCause());
    }

    @Test
    void cancellingAnAsyncCallCancelsItsExchange() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson(Examples.LIST_FILES)
                .withFixedDelay(30_000)));

        CompletableFuture<FileList> future = client.files().async().list();
        wm.verify(0, getRequestedFor(urlPathEqualTo("/prod/v1/nothing")));
        assertTrue(future.cancel(true));

        assertThrows(CancellationException.class, () -> future.get(10, TimeUnit.SECONDS));
        assertTrue(future.isCancelled());
    }

    @Test
    void withOptionsAppliesDefaultsThatACallsOwnOptionsOverride() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson(Examples.LIST_FILES)));
        FilesService traced = client.files().withOptions(RequestOptions.builder().header("X-Trace", "default")
                .header("X-Team", "erp").build());

        traced.listPage(FilesService.ListParams.none(), RequestOptions.none());
        traced.listPage(FilesService.ListParams.none(), RequestOptions.builder().header("X-Trace", "mine").build());

        wm.verify(1, getRequestedFor(urlPathEqualTo("/prod/v1/files")).withHeader("X-Trace", equalTo("default"))
                .withHeader("X-Team", equalTo("erp")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/prod/v1/files")).withHeader("X-Trace", equalTo("mine"))
                .withHeader("X-Team", equalTo("erp")));
    }

    @Test
    void anOperationTheSpecDeclaresIdempotentIsRetriedOn500AndACreateIsNot() {
        wm.stubFor(patch(urlPathEqualTo("/prod/v1/files/" + Examples.FILE_ID)).willReturn(aResponse()
                .withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"boom\",\"statusCode\":500}")));
        wm.stubFor(post(urlPathEqualTo("/prod/v1/files/upload")).willReturn(aResponse()
                .withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"boom\",\"statusCode\":500}")));

        assertThrows(ServerException.class, () -> client.files().updateExportStatus(Examples.FILE_ID,
                Examples.report(IntegrationExportStatus.COMPLETED, "done")));
        assertThrows(ServerException.class, () -> client.uploads().create(new FileUploadRequest()
                .fileName("a.pdf").fileType("application/pdf")));

        wm.verify(4, patchRequestedFor(urlPathEqualTo("/prod/v1/files/" + Examples.FILE_ID)));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/prod/v1/files/upload")));
    }
}
