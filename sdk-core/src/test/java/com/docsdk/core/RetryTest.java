package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.RateLimitException;
import com.docsdk.core.error.ServerException;
import com.docsdk.core.error.TransportException;
import com.docsdk.core.retry.RetryBudget;
import com.docsdk.core.retry.RetryPolicy;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryTest {
    @RegisterExtension
    static WireMockExtension wm = TestHttp.wireMock();

    private static final Instant NOW = TestHttp.NOW;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    private Transport.Builder builder() {
        return TestHttp.transport(wm.baseUrl(), Credentials.none()).sleeper(sleeper)
                .retryPolicy(RetryPolicy.builder().jitter(() -> 1.0).build());
    }

    private SdkResponse<String> fetch(Transport t, String path) {
        return TestHttp.get(t, wm.url(path));
    }

    @Test
    void honoursRetryAfterSeconds() {
        TestHttp.stubSequence(wm, () -> get(urlEqualTo("/a")),
                aResponse().withStatus(429).withHeader("Retry-After", "2"), ok("done"));
        try (Transport t = builder().build()) {
            assertEquals("done", fetch(t, "/a").value());
        }
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.sleeps);
        wm.verify(2, getRequestedFor(urlEqualTo("/a")));
    }

    @Test
    void honoursRetryAfterHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(NOW.plusSeconds(7),
                ZoneOffset.UTC));
        TestHttp.stubSequence(wm, () -> get(urlEqualTo("/b")),
                aResponse().withStatus(429).withHeader("Retry-After", date), ok("done"));
        try (Transport t = builder().build()) {
            assertEquals("done", fetch(t, "/b").value());
        }
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.sleeps);
    }

    @Test
    void honoursRateLimitResetAsEpochSecondsAndAsDelta() {
        TestHttp.stubSequence(wm, () -> get(urlEqualTo("/c")),
                aResponse().withStatus(429).withHeader("X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 4)),
                aResponse().withStatus(429).withHeader("X-RateLimit-Reset", "3"),
                ok("done"));
        try (Transport t = builder().build()) {
            assertEquals("done", fetch(t, "/c").value());
        }
        assertEquals(List.of(Duration.ofSeconds(4), Duration.ofSeconds(3)), sleeper.sleeps);
    }

    @Test
    void retriesA503StormWithExponentialBackoffThenSucceeds() {
        TestHttp.stubSequence(wm, () -> get(urlEqualTo("/d")),
                aResponse().withStatus(503), aResponse().withStatus(503),
                aResponse().withStatus(503), ok("finally"));
        try (Transport t = builder().build()) {
            SdkResponse<String> r = fetch(t, "/d");
            assertEquals("finally", r.value());
            assertEquals(200, r.statusCode());
        }
        // jitter pinned at 1.0: the ceiling of each full-jitter backoff, base 0.5 s doubling
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000)),
                sleeper.sleeps);
        wm.verify(4, getRequestedFor(urlEqualTo("/d")));
    }

    @Test
    void giveUpAfterMaxRetriesAndRecordsAttempts() {
        wm.stubFor(get("/e").willReturn(aResponse().withStatus(503)));
        try (Transport t = builder().build()) {
            ServerException e = assertThrows(ServerException.class, () -> fetch(t, "/e"));
            assertEquals(4, e.attempts());
            assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
        }
        wm.verify(4, getRequestedFor(urlEqualTo("/e")));
    }

    @Test
    void postIsNotRetriedOn500() {
        wm.stubFor(post("/f").willReturn(aResponse().withStatus(500)));
        try (Transport t = builder().build()) {
            Request req = new Request.Builder().url(wm.baseUrl() + "/f")
                    .post(RequestBody.create("{}", MediaType.get("application/json"))).build();
            ServerException e = assertThrows(ServerException.class,
                    () -> t.execute(req, RequestOptions.none(), ResponseReader.string()));
            assertEquals(1, e.attempts());
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/f")));
        assertTrue(sleeper.sleeps.isEmpty());
    }

    @Test
    void postMarkedIdempotentIsRetriedOn500AndPostIsAlwaysRetriedOn429() {
        TestHttp.stubSequence(wm, () -> post(urlEqualTo("/g")),
                aResponse().withStatus(500), aResponse().withStatus(429), ok("ok"));
        try (Transport t = builder().build()) {
            Request req = new Request.Builder().url(wm.baseUrl() + "/g")
                    .post(RequestBody.create("{}", MediaType.get("application/json"))).build();
            assertEquals("ok", t.execute(req, RequestOptions.builder().idempotent(true).build(),
                    ResponseReader.string()).value());
        }
        wm.verify(3, postRequestedFor(urlEqualTo("/g")));
    }

    @Test
    void putIsRetriedOnConnectionReset() {
        TestHttp.stubSequence(wm, () -> put(urlEqualTo("/h")),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), ok("stored"));
        try (Transport t = builder().build()) {
            Request req = new Request.Builder().url(wm.baseUrl() + "/h")
                    .put(RequestBody.create("data", MediaType.get("text/plain"))).build();
            assertEquals("stored", t.execute(req, RequestOptions.none(), ResponseReader.string()).value());
        }
        wm.verify(2, putRequestedFor(urlEqualTo("/h")));
        assertEquals(1, sleeper.sleeps.size());
    }

    @Test
    void postIsNotRetriedOnConnectionResetAndFailsWithTransportException() {
        wm.stubFor(post("/i").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (Transport t = builder().build()) {
            Request req = new Request.Builder().url(wm.baseUrl() + "/i")
                    .post(RequestBody.create("{}", MediaType.get("application/json"))).build();
            TransportException e = assertThrows(TransportException.class,
                    () -> t.execute(req, RequestOptions.none(), ResponseReader.string()));
            assertEquals(1, e.attempts());
            assertTrue(e.getMessage().startsWith("POST http://localhost:"), e.getMessage());
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/i")));
    }

    @Test
    void aWaitLongerThanTheMaximumFailsAtOnceWithTheServersRetryAfter() {
        wm.stubFor(get("/j").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")
                .withBody("{\"message\":\"slow down\"}")));
        try (Transport t = builder().build()) {
            RateLimitException e = assertThrows(RateLimitException.class, () -> fetch(t, "/j"));
            assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
            assertEquals(1, e.attempts());
            assertTrue(e.getMessage().contains("longer than the retry policy's maximum"), e.getMessage());
        }
        assertTrue(sleeper.sleeps.isEmpty());
        wm.verify(1, getRequestedFor(urlEqualTo("/j")));
    }

    @Test
    void retryBudgetExhaustionStopsRetriesUntilSuccessesRefillIt() {
        wm.stubFor(get("/k").willReturn(aResponse().withStatus(503)));
        RetryBudget budget = RetryBudget.of(10, 5, 10, 5);
        try (Transport t = builder().retryBudget(budget).build()) {
            ServerException first = assertThrows(ServerException.class, () -> fetch(t, "/k"));
            assertEquals(3, first.attempts()); // two retries drained the bucket
            assertTrue(first.getMessage().contains("retry budget exhausted"), first.getMessage());
            ServerException second = assertThrows(ServerException.class, () -> fetch(t, "/k"));
            assertEquals(1, second.attempts()); // fails fast
            wm.verify(4, getRequestedFor(urlEqualTo("/k")));

            wm.stubFor(get("/ok").willReturn(ok("fine")));
            fetch(t, "/ok");
            assertEquals(5, budget.available());
        }
    }

    @Test
    void perCallRetryPolicyOverridesTheClients() {
        wm.stubFor(get("/l").willReturn(aResponse().withStatus(503)));
        try (Transport t = builder().build()) {
            Request req = new Request.Builder().url(wm.baseUrl() + "/l").build();
            ServerException e = assertThrows(ServerException.class, () -> t.execute(req,
                    RequestOptions.builder().retryPolicy(RetryPolicy.none()).build(), ResponseReader.string()));
            assertEquals(1, e.attempts());
        }
        wm.verify(1, getRequestedFor(urlEqualTo("/l")));
    }

    @Test
    void perCallTimeoutOverridesTheClients() {
        wm.stubFor(get("/m").willReturn(ok("late").withFixedDelay(2_000)));
        try (Transport t = builder().retryPolicy(RetryPolicy.none()).build()) {
            Request req = new Request.Builder().url(wm.baseUrl() + "/m").build();
            TransportException e = assertThrows(TransportException.class, () -> t.execute(req,
                    RequestOptions.builder().timeout(Duration.ofMillis(200)).build(), ResponseReader.string()));
            assertTrue(e.isTimeout(), e.getMessage());
            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        }
    }

    @Test
    void everyRetryIsLoggedAtDebugWithAttemptAndDelay() {
        TestHttp.stubSequence(wm, () -> get(urlEqualTo("/n")),
                aResponse().withStatus(429).withHeader("Retry-After", "1"), ok("x"));
        try (LogCapture logs = new LogCapture(); Transport t = builder().build()) {
            fetch(t, "/n");
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("GET " + wm.baseUrl() + "/n attempt 1 failed "
                    + "(HTTP 429); retrying in 1000 ms")), logs.all());
            assertTrue(logs.lines().stream().anyMatch(l -> l.matches("GET .*/n -> 200 \\(\\d+ ms, attempt 2\\)")),
                    logs.all());
        }
    }
}
