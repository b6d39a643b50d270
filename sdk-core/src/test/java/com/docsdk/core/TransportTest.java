package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.SdkException;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transport's response view, User-Agent, per-call headers, and the life cycle of owned and shared clients. */
class TransportTest {
    @RegisterExtension
    static WireMockExtension wm = TestHttp.wireMock();

    private Transport.Builder builder() {
        return TestHttp.transport(wm.baseUrl(), Credentials.apiKey("x-api-key", "k"));
    }

    @Test
    void theResponseExposesStatusHeadersRequestIdAndRateLimit() {
        long reset = TestHttp.NOW.getEpochSecond() + 42;
        wm.stubFor(post("/v1/files").willReturn(aResponse().withStatus(201).withBody("{\"id\":\"f1\"}")
                .withHeader("Location", "/v1/files/f1")
                .withHeader("x-request-id", "req-201")
                .withHeader("X-RateLimit-Limit", "60")
                .withHeader("X-RateLimit-Remaining", "59")
                .withHeader("X-RateLimit-Reset", String.valueOf(reset))));
        try (Transport t = builder().build()) {
            Request request = new Request.Builder().url(wm.url("/v1/files"))
                    .post(RequestBody.create("{}", MediaType.get("application/json"))).build();
            SdkResponse<String> r = t.execute(request, RequestOptions.none(), ResponseReader.string());
            assertEquals(201, r.statusCode());
            assertEquals("{\"id\":\"f1\"}", r.value());
            assertEquals(Optional.of("/v1/files/f1"), r.header("location"));
            assertEquals("/v1/files/f1", r.headers().get("Location"));
            assertEquals(Optional.of("req-201"), r.requestId());
            RateLimit rl = r.rateLimit().orElseThrow();
            assertEquals(OptionalLong.of(60), rl.limit());
            assertEquals(OptionalLong.of(59), rl.remaining());
            assertEquals(Optional.of(TestHttp.NOW.plusSeconds(42)), rl.reset());
            assertEquals(Optional.empty(), r.header("x-absent"));
        }
    }

    @Test
    void aResponseWithoutThoseHeadersHasNoRequestIdOrRateLimit() {
        wm.stubFor(get("/v1/ping").willReturn(ok("pong")));
        try (Transport t = builder().build()) {
            SdkResponse<String> r = TestHttp.get(t, wm.url("/v1/ping"));
            assertEquals(Optional.empty(), r.requestId());
            assertEquals(Optional.empty(), r.rateLimit());
        }
    }

    @Test
    void theUserAgentNamesCoreVersionJavaPlatformAndTheApplication() {
        wm.stubFor(get("/v1/ping").willReturn(ok("pong")));
        String expected = "docsdk-core/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? Java/" + Pattern.quote(
                System.getProperty("java.version")) + " \\([^;()]+; [^;()]+\\) acme-erp/4\\.2";
        try (Transport t = builder().applicationName("acme-erp/4.2").build()) {
            assertTrue(t.userAgent().matches(expected), t.userAgent());
            TestHttp.get(t, wm.url("/v1/ping"));
        }
        wm.verify(1, getRequestedFor(urlEqualTo("/v1/ping")).withHeader("User-Agent", matching(expected)));
    }

    @Test
    void perCallHeadersAreSent() {
        wm.stubFor(get("/v1/ping").willReturn(ok("pong")));
        try (Transport t = builder().build()) {
            TestHttp.get(t, wm.url("/v1/ping"), RequestOptions.builder().header("X-Trace", "trace-1")
                    .header("Idempotency-Key", "idem-1").build());
        }
        wm.verify(1, getRequestedFor(urlEqualTo("/v1/ping"))
                .withHeader("X-Trace", equalTo("trace-1"))
                .withHeader("Idempotency-Key", equalTo("idem-1"))
                .withHeader("x-api-key", equalTo("k")));
    }

    @Test
    void aSharedClientKeepsWorkingAfterCloseAndItsInterceptorsStillRun() throws IOException {
        wm.stubFor(get("/v1/ping").willReturn(ok("pong")));
        OkHttpClient shared = new OkHttpClient.Builder()
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("X-Shared-Interceptor", "ran").build()))
                .build();
        Transport t = builder().okHttpClient(shared).build();
        TestHttp.get(t, wm.url("/v1/ping"));
        t.close();

        assertFalse(shared.dispatcher().executorService().isShutdown());
        try (Response r = shared.newCall(new Request.Builder().url(wm.url("/v1/ping")).build()).execute()) {
            assertEquals("pong", r.body().string());
        }
        wm.verify(2, getRequestedFor(urlEqualTo("/v1/ping")).withHeader("X-Shared-Interceptor", equalTo("ran")));
        wm.verify(1, getRequestedFor(urlEqualTo("/v1/ping")).withHeader("x-api-key", equalTo("k")));
        shared.dispatcher().executorService().shutdown();
    }

    @Test
    void anOwnedClientIsReleasedOnCloseAndRefusesNewCalls() {
        wm.stubFor(get("/v1/ping").willReturn(ok("pong")));
        Transport t = builder().build();
        OkHttpClient owned = t.okHttpClient();
        TestHttp.get(t, wm.url("/v1/ping"));
        t.close();
        t.close(); // idempotent

        assertTrue(owned.dispatcher().executorService().isShutdown());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestHttp.get(t, wm.url("/v1/ping")));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, t::okHttpClient);
        wm.verify(1, getRequestedFor(urlEqualTo("/v1/ping")));
    }

    @Test
    void aMalformedJsonResponseIsAnSdkExceptionNamingTheRequest() {
        wm.stubFor(get("/v1/doc").willReturn(ok("{not json")));
        try (Transport t = builder().build()) {
            SdkException e = assertThrows(SdkException.class, () -> t.execute(
                    new Request.Builder().url(wm.url("/v1/doc?token=T0K")).build(), RequestOptions.none(),
                    ResponseReader.json(new com.google.gson.Gson(), java.util.Map.class)));
            assertTrue(e.getMessage().contains("GET " + wm.url("/v1/doc")), e.getMessage());
            assertFalse(e.getMessage().contains("T0K"), e.getMessage());
        }
    }

    @Test
    void aGeneratedOperationsRequestIsSentThroughTheTransportWithPerCallOptions() {
        wm.stubFor(get(urlPathEqualTo("/v1/generated/a%20b")).willReturn(ok("done")));
        try (Transport t = builder().build()) {
            com.docsdk.core.service.ServiceContext context = com.docsdk.core.service.ServiceContext
                    .builder(t, new com.google.gson.Gson()).queryDateTimeFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                    .build();
            com.docsdk.core.service.ApiRequest request = com.docsdk.core.service.ApiRequest
                    .builder("getGenerated", "GET", "/v1/generated/{id}").path("id", "a b")
                    .query("since", java.time.OffsetDateTime.parse("2025-05-01T02:00:00+02:00"))
                    .query("ids", java.util.List.of("x", "y")).query("tags", java.util.List.of("p", "q"), ",")
                    .build();
            SdkResponse<String> r = context.execute(request, RequestOptions.builder().header("x-trace", "t-1")
                    .build(), String.class);
            assertEquals("done", r.value());
        }
        wm.verify(getRequestedFor(urlEqualTo("/v1/generated/a%20b?since=2025-05-01T00%3A00%3A00.000Z&ids=x&ids=y"
                + "&tags=p%2Cq")).withHeader("x-trace", equalTo("t-1")).withHeader("x-api-key", equalTo("k")));
    }

    @Test
    void aGeneratedOperationMissingARequiredPathValueSendsNothing() {
        ClientValidationException e = assertThrows(ClientValidationException.class, () -> com.docsdk.core.service
                .ApiRequest.builder("updateFile", "PATCH", "/v1/files/{fileId}").path("fileId", null));
        assertEquals("fileId", e.field());
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void theBasePathHasNoTrailingSlash() {
        try (Transport t = builder().build(); Transport withPath = TestHttp.transport(wm.baseUrl() + "/prod/v1/",
                Credentials.none()).build()) {
            assertEquals(wm.baseUrl(), t.basePath());
            assertEquals(wm.baseUrl() + "/prod/v1", withPath.basePath());
        }
    }
}
