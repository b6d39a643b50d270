package com.docsdk.fileai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.error.PermissionDeniedException;
import com.docsdk.core.error.RateLimitException;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error response fileAI documents (401, 403, 404, 422, 429 with their NestJS bodies, seed 000) becomes the
 * core exception for its status, carrying fileAI's message; on every operation of the facade.
 */
class ErrorMappingTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("fileai");

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final List<Duration> slept = new ArrayList<>();

    private FileAiClient client(RetryPolicy retries) {
        return FileAiClient.builder().apiKey("test-key").baseUrl(wm.baseUrl()).retryPolicy(retries)
                .sleeper(slept::add).build();
    }

    @AfterEach
    void requestsFollowTheSpec() {
        CONTRACT.assertRequestsMatch(wm);
    }

    static Stream<Arguments> documentedErrors() {
        return Stream.of(
                Arguments.of(401, Examples.ERROR_401, AuthenticationException.class,
                        "Invalid API key | API key is missing"),
                Arguments.of(403, Examples.ERROR_403, PermissionDeniedException.class,
                        "Access denied. You are in readonly mode."),
                Arguments.of(404, Examples.ERROR_404, NotFoundException.class,
                        "File with id 53d6a0b1-2a8d-4ed9-9e6a-ceaef7ca3908 not found"),
                Arguments.of(422, Examples.ERROR_422, BadRequestException.class,
                        "integrationExportStatus must be one of: error, completed, exporting, empty"),
                Arguments.of(429, Examples.ERROR_429, RateLimitException.class, "Too Many Requests"));
    }

    @ParameterizedTest(name = "{0} on the export status update")
    @MethodSource("documentedErrors")
    void documentedErrorsOfTheExportStatusUpdate(int status, String body, Class<? extends SdkHttpException> type,
            String message) {
        stubEverything(status, body);
        try (FileAiClient client = client(RetryPolicy.none())) {
            SdkHttpException e = assertThrows(type, () -> client.files().updateExportStatus(Examples.FILE_ID, Examples.report(com.docsdk.fileai.model.IntegrationExportStatus.COMPLETED, "done")));
            assertEquals(status, e.statusCode());
            assertEquals(List.of(message), e.messages());
            assertEquals("PATCH", e.method());
            assertTrue(e.getMessage().contains(message), e.getMessage());
        }
    }

    /** The errors assumed on every operation (openapi/fileai.yaml, assumption 1) map the same way. */
    @ParameterizedTest(name = "{0} on every operation")
    @MethodSource("documentedErrors")
    void everyOperationMapsTheErrors(int status, String body, Class<? extends SdkHttpException> type,
            String message) {
        stubEverything(status, body);
        try (FileAiClient client = client(RetryPolicy.none())) {
            List<Consumer<FileAiClient>> operations = List.of(
                    c -> c.files().list().stream().findFirst(),
                    c -> c.findFile(Examples.FILE_ID),
                    c -> c.files().listValues(Examples.FILE_ID).stream().findFirst(),
                    c -> c.schemas().list().stream().findFirst(),
                    c -> c.files().createPreview(new com.docsdk.fileai.model.FilePreviewRequest().s3Path("s3://orion.com/649e2d2d2d2d2d2d2d2d2d2d")),
                    c -> c.uploadProgress(Examples.UPLOAD_ID),
                    c -> c.upload(FileUpload.stream("a.pdf", () -> new java.io.ByteArrayInputStream(new byte[1]), 1)
                            .build()),
                    c -> c.syncExports(ExportCheckpointStore.inMemory(), f -> ExportOutcome.completed()));
            for (Consumer<FileAiClient> operation : operations) {
                SdkHttpException e = assertThrows(type, () -> operation.accept(client));
                assertEquals(List.of(message), e.messages());
            }
        }
    }

    @Test
    void tooManyRequestsIsRetriedThenSucceeds() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody(Examples.ERROR_429)).willSetStateTo("ok"));
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson(Examples.LIST_FILES)));
        try (FileAiClient client = client(RetryPolicy.defaults())) {
            assertEquals(1, client.files().list().stream().count());
        }
        assertEquals(1, slept.size(), "one wait before the retry, on the injected sleeper");
        assertEquals(2, wm.getAllServeEvents().size());
    }

    @Test
    void tooManyRequestsAfterEveryRetryIsARateLimitException() {
        stubEverything(429, Examples.ERROR_429);
        try (FileAiClient client = client(RetryPolicy.builder().maxRetries(2).build())) {
            RateLimitException e = assertThrows(RateLimitException.class, () -> client.uploadProgress("u-1"));
            assertEquals(List.of("Too Many Requests"), e.messages());
            assertEquals(3, e.attempts());
        }
    }

    private static void stubEverything(int status, String body) {
        wm.stubFor(any(urlPathMatching("/prod/v1/.*")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}
