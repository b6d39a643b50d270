package com.docsdk.core;

import com.docsdk.core.auth.AccessToken;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.ServerException;
import com.docsdk.core.error.TransportException;
import com.docsdk.core.retry.RetryBudget;
import com.docsdk.core.retry.RetryPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What stops a retry: a body that cannot be sent twice, an empty retry budget (after error statuses, I/O failures and
 * timeouts, which cost more), and the policy's own jitter. Over a raw loopback server that counts what reached it.
 */
class RetryLimitsTest {
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final CountDownLatch release = new CountDownLatch(1);
    private RawHttpServer server;

    @AfterEach
    void close() {
        release.countDown();
        if (server != null) {
            server.close();
        }
    }

    private static RetryPolicy patient() {
        return RetryPolicy.builder().maxRetries(3).jitter(() -> 1.0).build();
    }

    private Transport.Builder transport(RawHttpServer.Handler handler) {
        server = RawHttpServer.start(handler);
        return TestHttp.transport(server.baseUrl(), Credentials.none()).sleeper(sleeper).retryPolicy(patient());
    }

    /** A body that can be written once only (a stream being piped through). */
    private static RequestBody oneShot(String text) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("application/json");
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(text);
            }

            @Override
            public boolean isOneShot() {
                return true;
            }
        };
    }

    private static Request post(String url, RequestBody body) {
        return new Request.Builder().url(url).post(body).build();
    }

    private static final RequestOptions IDEMPOTENT = RequestOptions.builder().idempotent(true).build();

    @Test
    void aOneShotBodyIsNeverSentTwiceWhateverThePolicyAllows() {
        try (Transport t = transport(r -> RawHttpServer.Reply.json(503, "{\"message\":\"busy\"}")).build()) {
            ServerException e = assertThrows(ServerException.class, () -> t.execute(
                    post(server.url("/v1/imports"), oneShot("{\"a\":1}")), IDEMPOTENT, ResponseReader.string()));
            assertEquals(503, e.statusCode());
            assertEquals(1, e.attempts());
        }
        assertEquals(1, server.count("POST", "/v1/imports"));
        assertEquals(List.of(), sleeper.sleeps);
    }

    @Test
    void aOneShotBodyIsNotResentAfterAnIoFailure() {
        try (Transport t = transport(r -> RawHttpServer.Reply.reset()).build()) {
            TransportException e = assertThrows(TransportException.class, () -> t.execute(
                    post(server.url("/v1/imports"), oneShot("{\"a\":1}")), IDEMPOTENT, ResponseReader.string()));
            assertEquals(1, e.attempts());
        }
        assertEquals(1, server.count("POST", "/v1/imports"));
    }

    @Test
    void aOneShotBodyIsNotReplayedWithARefreshedToken() {
        AtomicInteger tokens = new AtomicInteger();
        Credentials refreshing = Credentials.refreshingToken(() -> new AccessToken("t" + tokens.incrementAndGet(),
                null));
        server = RawHttpServer.start(r -> RawHttpServer.Reply.json(401, "{\"message\":\"expired\"}"));
        try (Transport t = TestHttp.transport(server.baseUrl(), refreshing).sleeper(sleeper).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> t.execute(
                    post(server.url("/v1/imports"), oneShot("{}")), RequestOptions.none(), ResponseReader.string()));
            assertEquals(1, e.attempts());
        }
        assertEquals(1, server.count("POST", "/v1/imports"));
        assertEquals(1, tokens.get(), "no second token was fetched for a request that cannot be replayed");
    }

    @Test
    void aReplayableBodyIsRetried() {
        AtomicInteger n = new AtomicInteger();
        try (Transport t = transport(r -> n.incrementAndGet() < 3 ? RawHttpServer.Reply.json(503, "{}")
                : RawHttpServer.Reply.json(201, "{\"id\":1}")).build()) {
            assertEquals(201, t.execute(post(server.url("/v1/imports"), RequestBody.create("{\"a\":1}",
                    MediaType.get("application/json"))), IDEMPOTENT, ResponseReader.string()).statusCode());
        }
        assertEquals(3, server.count("POST", "/v1/imports"));
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), sleeper.sleeps);
    }

    @Test
    void anEmptyBudgetStopsRetriesAfterAnIoFailure() {
        RetryBudget budget = RetryBudget.of(4, 5, 10, 1);
        try (Transport t = transport(r -> RawHttpServer.Reply.reset()).retryBudget(budget).build()) {
            TransportException e = assertThrows(TransportException.class,
                    () -> TestHttp.get(t, server.url("/v1/files")));
            assertEquals(1, e.attempts());
            assertTrue(e.getMessage().contains("retry budget exhausted"), e.getMessage());
        }
        assertEquals(1, server.count("GET", "/v1/files"));
        assertEquals(4, budget.available());
    }

    @Test
    void anEmptyBudgetStopsRetriesOfAnErrorStatus() {
        RetryBudget budget = RetryBudget.of(4, 5, 10, 1);
        try (Transport t = transport(r -> RawHttpServer.Reply.json(503, "{}")).retryBudget(budget).build()) {
            ServerException e = assertThrows(ServerException.class, () -> TestHttp.get(t, server.url("/v1/files")));
            assertEquals(1, e.attempts());
            assertTrue(e.getMessage().contains("retry budget exhausted"), e.getMessage());
        }
        assertEquals(1, server.count("GET", "/v1/files"));
    }

    @Test
    void aTimeoutCostsTheLargerPriceAndAnEmptyBudgetStopsRetriesAfterTimeouts() {
        // 15 tokens: a retry after a timeout costs 10, so one retry is paid for and the second is not.
        RetryBudget budget = RetryBudget.of(15, 5, 10, 1);
        try (Transport t = transport(r -> {
            await(release); // never answers while the test runs: the client's read timeout fires
            return RawHttpServer.Reply.json(200, "{}");
        }).retryBudget(budget).readTimeout(Duration.ofMillis(100)).build()) {
            TransportException e = assertThrows(TransportException.class,
                    () -> TestHttp.get(t, server.url("/v1/files")));
            assertTrue(e.isTimeout(), e.getMessage());
            assertEquals(2, e.attempts());
            assertTrue(e.getMessage().contains("retry budget exhausted"), e.getMessage());
        }
        assertEquals(2, server.count("GET", "/v1/files"));
        assertEquals(5, budget.available());
        assertEquals(List.of(Duration.ofMillis(500)), sleeper.sleeps);
    }

    @Test
    void successesRefillTheBudgetUpToItsCapacity() {
        RetryBudget budget = RetryBudget.of(10, 5, 10, 3);
        AtomicInteger n = new AtomicInteger();
        try (Transport t = transport(r -> n.incrementAndGet() == 1 ? RawHttpServer.Reply.json(503, "{}")
                : RawHttpServer.Reply.json(200, "{}")).retryBudget(budget).build()) {
            TestHttp.get(t, server.url("/a"));
            assertEquals(8, budget.available(), "10 - 5 for the retry + 3 for the success");
            TestHttp.get(t, server.url("/a"));
            assertEquals(10, budget.available(), "never above the capacity");
        }
    }

    @Test
    void anUnlimitedBudgetLeavesTheDecisionToThePolicy() {
        try (Transport t = transport(r -> RawHttpServer.Reply.json(503, "{}")).retryBudget(RetryBudget.unlimited())
                .build()) {
            ServerException e = assertThrows(ServerException.class, () -> TestHttp.get(t, server.url("/a")));
            assertEquals(4, e.attempts());
        }
        assertEquals(4, server.count("GET", "/a"));
    }

    @Test
    void theDefaultPolicyJittersEveryBackoffBelowItsCeiling() {
        // Every fourth attempt succeeds: each call waits three full-jitter backoffs of ceilings 0.5 s, 1 s and 2 s.
        AtomicInteger n = new AtomicInteger();
        int calls = 8;
        try (Transport t = transport(r -> n.incrementAndGet() % 4 == 0 ? RawHttpServer.Reply.json(200, "{}")
                : RawHttpServer.Reply.json(503, "{}")).retryPolicy(RetryPolicy.defaults()).build()) {
            for (int i = 0; i < calls; i++) {
                TestHttp.get(t, server.url("/a"));
            }
        }
        assertEquals(3 * calls, sleeper.sleeps.size());
        Set<Duration> distinct = new HashSet<>(sleeper.sleeps);
        for (int i = 0; i < sleeper.sleeps.size(); i++) {
            Duration d = sleeper.sleeps.get(i);
            Duration ceiling = Duration.ofMillis(500L << (i % 3));
            assertTrue(!d.isNegative() && d.compareTo(ceiling) < 0, d + " is outside [0, " + ceiling + ")");
        }
        // 24 draws from [0, 1): all equal (no jitter) has probability 0; fewer than 12 distinct, about 1e-20.
        assertTrue(distinct.size() >= 12, "the delays do not vary: " + sleeper.sleeps);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
