package com.docsdk.webadmit;

import static com.docsdk.webadmit.WebAdmitExamples.API_KEY;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.AuthenticationException;
import com.docsdk.core.NotFoundException;
import com.docsdk.core.RateLimitException;
import com.docsdk.core.RetryPolicy;
import com.docsdk.core.SdkHttpException;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented error response of every operation maps to the core's exception: 404 {@code {"message": ...}} to
 * {@link NotFoundException} carrying the vendor's message, the empty-bodied 401 to {@link AuthenticationException},
 * and the (undocumented, assumed) 429 to {@link RateLimitException} with the rate-limit headers visible.
 */
class ErrorMappingTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("webadmit");

    @TempDir
    static Path dir;

    private WebAdmitClient client;

    /** An operation of the client (a generated service method or a flow) and the path it calls. */
    record Operation(String name, String path, Consumer<WebAdmitClient> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Operation> operations() {
        return List.of(
                new Operation("userIdentities().list", "/api/v1/user_identities", c -> c.userIdentities().list()),
                new Operation("exports().list", "/api/v1/exports", c -> c.exports().list()),
                new Operation("exports().listByUserIdentity", "/api/v1/user_identities/999/exports",
                        c -> c.exports().listByUserIdentity(999L)),
                new Operation("exportFiles().start", "/api/v1/user_identities/999/exports/86446/export_files",
                        c -> c.exportFiles().start(999L, 86446L)),
                new Operation("exportFiles().get", "/api/v1/exports/86446/export_files/74780",
                        c -> c.exportFiles().get(86446L, 74780L)),
                new Operation("exportFiles().list", "/api/v1/user_identities/999/export_files",
                        c -> c.exportFiles().list(999L)),
                new Operation("exportFiles().async().get", "/api/v1/exports/86446/export_files/74780",
                        c -> join(c.exportFiles().async().get(86446L, 74780L))),
                new Operation("awaitExportFile", "/api/v1/exports/86446/export_files/74780",
                        c -> c.awaitExportFile(86446L, 74780L)),
                new Operation("exportToFile", "/api/v1/user_identities/999/exports/86446/export_files",
                        c -> c.exportToFile(999L, 86446L, dir.resolve("x.csv"))));
    }

    /** The async view's failure, unwrapped: the same typed exception as the plain call. */
    private static void join(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    static Stream<Arguments> notFoundCases() {
        return operations().stream().flatMap(op -> Arrays.stream(WebAdmitExamples.NOT_FOUND_MESSAGES)
                .map(message -> Arguments.of(op, message)));
    }

    @BeforeEach
    void setUp() {
        client = WebAdmitClient.builder().apiKey(API_KEY).baseUrl(wm.baseUrl()).sleeper(d -> { })
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        CONTRACT.assertRequestsMatch(wm);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("notFoundCases")
    void notFoundCarriesTheVendorsMessage(Operation op, String message) {
        wm.stubFor(any(urlPathEqualTo(op.path())).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\n  \"message\": \"" + message + "\"\n}")));

        NotFoundException e = assertThrows(NotFoundException.class, () -> op.call().accept(client));

        assertEquals(404, e.statusCode());
        assertEquals(List.of(message), e.messages());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.url().endsWith(op.path()), e.url());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void unauthorizedWithAnEmptyBodyIsAnAuthenticationException(Operation op) {
        wm.stubFor(any(urlPathEqualTo(op.path())).willReturn(aResponse().withStatus(401)));

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> op.call().accept(client));

        assertEquals(401, e.statusCode());
        assertEquals(List.of(), e.messages());
        assertEquals("", e.rawBody());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void tooManyRequestsIsARateLimitExceptionShowingTheLimit(Operation op) {
        wm.stubFor(any(urlPathEqualTo(op.path())).willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("Retry-After", "120")));

        SdkHttpException e = assertThrows(SdkHttpException.class, () -> op.call().accept(client));

        RateLimitException rate = assertInstanceOf(RateLimitException.class, e);
        assertEquals(Duration.ofSeconds(120), rate.retryAfter().orElseThrow());
        assertEquals("5000", header(rate, "X-RateLimit-Limit"));
        assertEquals("0", header(rate, "X-RateLimit-Remaining"));
    }

    private static String header(SdkHttpException e, String name) {
        return e.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    }
}
