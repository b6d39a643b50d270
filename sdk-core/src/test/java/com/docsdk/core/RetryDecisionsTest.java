package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.error.RateLimitException;
import com.docsdk.core.error.ServerException;
import com.docsdk.core.error.TransportException;
import com.docsdk.core.retry.RetryBudget;
import com.docsdk.core.retry.RetryPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.SocketFactory;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which failures a request is retried after, and how the policy's figures and the server's delays are applied. Faults
 * the loopback server cannot make (no route to host, a connect timeout, an unknown host) come from the HTTP client's
 * socket factory and DNS, as the operating system would raise them.
 */
class RetryDecisionsTest {
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

    private static RetryPolicy threeRetries() {
        return RetryPolicy.builder().maxRetries(3).jitter(() -> 1.0).build();
    }

    private Transport.Builder transport(RawHttpServer.Handler handler) {
        server = RawHttpServer.start(handler);
        return TestHttp.transport(server.baseUrl(), Credentials.none()).sleeper(sleeper).retryPolicy(threeRetries());
    }

    private static Request post(String url) {
        return new Request.Builder().url(url).post(RequestBody.create("{}", MediaType.get("application/json")))
                .build();
    }

    /** Every connect fails with the exception {@code failure} makes: the request never left. */
    private static OkHttpClient failingConnects(AtomicInteger connects, Supplier<IOException> failure) {
        SocketFactory factory = new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new Socket() {
                    @Override
                    public void connect(SocketAddress endpoint, int timeout) throws IOException {
                        connects.incrementAndGet();
                        throw failure.get();
                    }
                };
            }

            @Override
            public Socket createSocket(String host, int port) throws IOException {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
                throw new UnsupportedOperationException();
            }
        };
        return new OkHttpClient.Builder().socketFactory(factory).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"refused", "no route", "connect timeout", "no route after a refused route"})
    void aPostThatCouldNotConnectIsRetriedBecauseItNeverLeft(String fault) {
        AtomicInteger connects = new AtomicInteger();
        Supplier<IOException> failure = switch (fault) {
            case "refused" -> () -> new ConnectException("Connection refused");
            case "no route" -> () -> new NoRouteToHostException("No route to host");
            case "no route after a refused route" -> () -> {
                NoRouteToHostException e = new NoRouteToHostException("No route to host");
                e.addSuppressed(new ConnectException("Connection refused")); // another route, refused too
                return e;
            };
            default -> () -> new SocketTimeoutException("Connect timed out");
        };
        try (Transport t = TestHttp.transport("http://127.0.0.1:9", Credentials.none()).sleeper(sleeper)
                .retryPolicy(threeRetries()).okHttpClient(failingConnects(connects, failure)).build()) {
            TransportException e = assertThrows(TransportException.class, () -> t.execute(
                    post("http://127.0.0.1:9/v1/imports"), RequestOptions.none(), ResponseReader.string()));
            assertEquals(4, e.attempts(), e.getMessage());
        }
        assertEquals(4, connects.get());
        assertEquals(3, sleeper.sleeps.size());
    }

    @Test
    void aConnectFailureCarryingAnotherKindOfFailureProvesNothingAndAPostIsNotRetried() {
        AtomicInteger connects = new AtomicInteger();
        Supplier<IOException> failure = () -> {
            NoRouteToHostException e = new NoRouteToHostException("No route to host");
            e.addSuppressed(new SocketException("Connection reset")); // an earlier try inside the client
            return e;
        };
        try (Transport t = TestHttp.transport("http://127.0.0.1:9", Credentials.none()).sleeper(sleeper)
                .retryPolicy(threeRetries()).okHttpClient(failingConnects(connects, failure)).build()) {
            TransportException e = assertThrows(TransportException.class, () -> t.execute(
                    post("http://127.0.0.1:9/v1/imports"), RequestOptions.none(), ResponseReader.string()));
            assertEquals(1, e.attempts());
        }
        assertEquals(1, connects.get());
    }

    @Test
    void aReadTimeoutIsNotAConnectFailure() {
        AtomicInteger connects = new AtomicInteger();
        try (Transport t = TestHttp.transport("http://127.0.0.1:9", Credentials.none()).sleeper(sleeper)
                .retryPolicy(threeRetries()).okHttpClient(failingConnects(connects,
                        () -> new SocketTimeoutException("Read timed out"))).build()) {
            assertThrows(TransportException.class, () -> t.execute(post("http://127.0.0.1:9/v1/imports"),
                    RequestOptions.none(), ResponseReader.string()));
        }
        assertEquals(1, connects.get(), "a POST may have been read");
    }

    @Test
    void anUnknownHostIsNotRetried() {
        OkHttpClient noDns = new OkHttpClient.Builder().dns(host -> {
            throw new UnknownHostException(host + ": Name or service not known");
        }).build();
        try (Transport t = TestHttp.transport("https://api.example.invalid", Credentials.none()).sleeper(sleeper)
                .retryPolicy(threeRetries()).okHttpClient(noDns).build()) {
            TransportException e = assertThrows(TransportException.class,
                    () -> TestHttp.get(t, "https://api.example.invalid/v1/files"));
            assertEquals(1, e.attempts());
        }
        assertEquals(List.of(), sleeper.sleeps);
    }

    @Test
    void aCallTimeoutIsNotRetried() {
        try (Transport t = transport(r -> {
            await(release);
            return RawHttpServer.Reply.json(200, "{}");
        }).build()) {
            TransportException e = assertThrows(TransportException.class, () -> TestHttp.get(t,
                    server.url("/v1/files"), RequestOptions.builder().timeout(Duration.ofMillis(200)).build()));
            assertTrue(e.isTimeout(), e.getMessage());
            assertEquals(1, e.attempts());
        }
        assertEquals(List.of(), sleeper.sleeps);
        assertEquals(1, server.count("GET", "/v1/files"));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void aPostRefusedWith429Or503IsRetried(int status) {
        AtomicInteger n = new AtomicInteger();
        try (Transport t = transport(r -> n.incrementAndGet() == 1 ? RawHttpServer.Reply.json(status, "{}")
                : RawHttpServer.Reply.json(201, "{}")).build()) {
            assertEquals(201, t.execute(post(server.url("/v1/imports")), RequestOptions.none(),
                    ResponseReader.string()).statusCode());
        }
        assertEquals(2, server.count("POST", "/v1/imports"));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 504})
    void aPostFailingWith5xxIsNotRetriedButAGetIs(int status) {
        AtomicInteger n = new AtomicInteger();
        try (Transport t = transport(r -> r.method().equals("GET") && n.incrementAndGet() > 1
                ? RawHttpServer.Reply.json(200, "{}") : RawHttpServer.Reply.json(status, "{}")).build()) {
            assertThrows(ServerException.class, () -> t.execute(post(server.url("/v1/imports")),
                    RequestOptions.none(), ResponseReader.string()));
            assertEquals(200, TestHttp.get(t, server.url("/v1/files")).statusCode());
        }
        assertEquals(1, server.count("POST", "/v1/imports"));
        assertEquals(2, server.count("GET", "/v1/files"));
    }

    @Test
    void aServerDelayOfExactlyTheMaximumIsSleptAndALongerOneFailsAtOnce() {
        AtomicInteger n = new AtomicInteger();
        RetryPolicy policy = RetryPolicy.builder().maxRetries(3).maxServerDelay(Duration.ofSeconds(5)).build();
        try (Transport t = transport(r -> r.path().equals("/long") ? RawHttpServer.Reply.json(429, "{}")
                .header("Retry-After", "6") : n.incrementAndGet() == 1 ? RawHttpServer.Reply.json(429, "{}")
                .header("Retry-After", "5") : RawHttpServer.Reply.json(200, "{}")).retryPolicy(policy).build()) {
            assertEquals(200, TestHttp.get(t, server.url("/exact")).statusCode());
            RateLimitException e = assertThrows(RateLimitException.class,
                    () -> TestHttp.get(t, server.url("/long")));
            assertTrue(e.getMessage().contains("longer than the retry policy's maximum of 5s"), e.getMessage());
        }
        assertEquals(List.of(Duration.ofSeconds(5)), sleeper.sleeps);
        assertEquals(1, server.count("GET", "/long"));
    }

    @Test
    void aClientErrorPutsNoTokenBackIntoTheBudget() {
        RetryBudget budget = RetryBudget.of(10, 5, 10, 1);
        AtomicInteger n = new AtomicInteger();
        try (Transport t = transport(r -> r.path().equals("/bad") ? RawHttpServer.Reply.json(400, "{}")
                : n.incrementAndGet() == 1 ? RawHttpServer.Reply.json(503, "{}") : RawHttpServer.Reply.json(200, "{}"))
                .retryBudget(budget).build()) {
            TestHttp.get(t, server.url("/ok"));
            assertEquals(6, budget.available());
            assertThrows(BadRequestException.class, () -> TestHttp.get(t, server.url("/bad")));
            assertEquals(6, budget.available(), "a 400 is no success");
        }
    }

    @Test
    void anInterruptedWaitEndsTheCallAndKeepsTheInterrupt() {
        server = RawHttpServer.start(r -> RawHttpServer.Reply.json(503, "{}"));
        Sleeper interrupted = d -> {
            throw new InterruptedException("stop");
        };
        try (Transport t = TestHttp.transport(server.baseUrl(), Credentials.none()).sleeper(interrupted)
                .retryPolicy(threeRetries()).build()) {
            TransportException e = assertThrows(TransportException.class, () -> TestHttp.get(t,
                    server.url("/v1/files")));
            assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
            assertTrue(Thread.interrupted(), "the thread's interrupt is kept (and cleared here)");
        }
        assertEquals(1, server.count("GET", "/v1/files"));
    }

    @Test
    void eachRetryIsLoggedWithItsCauseAndDelay() {
        AtomicInteger n = new AtomicInteger();
        try (LogCapture logs = new LogCapture(); Transport t = transport(r -> n.incrementAndGet() == 1
                ? RawHttpServer.Reply.reset() : RawHttpServer.Reply.json(200, "{}")).build()) {
            TestHttp.get(t, server.url("/v1/files?sig=SIGSECRET"));
            assertTrue(logs.lines().stream().anyMatch(l -> l.startsWith("GET ") && l.contains("/v1/files?sig=REDACTED")
                    && l.contains("attempt 1 failed (") && l.contains("retrying in 500 ms")), logs.all());
            assertTrue(!logs.all().contains("SIGSECRET"), logs.all());
        }
    }

    @Test
    void thePolicysFiguresAndBackoffCeilings() {
        RetryPolicy p = RetryPolicy.builder().maxRetries(0).baseDelay(Duration.ofMillis(200))
                .maxBackoff(Duration.ofSeconds(3)).maxServerDelay(Duration.ofSeconds(9)).jitter(() -> 1.0).build();
        assertEquals(0, p.maxRetries());
        assertEquals(Duration.ofMillis(200), p.baseDelay());
        assertEquals(Duration.ofSeconds(3), p.maxBackoff());
        assertEquals(Duration.ofSeconds(9), p.maxServerDelay());
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(1600), Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(3)),
                List.of(p.backoff(1), p.backoff(2), p.backoff(3), p.backoff(4), p.backoff(5), p.backoff(31),
                        p.backoff(1000)));
        assertEquals(Duration.ofMillis(100), p.toBuilder().jitter(() -> 0.5).build().backoff(1));
        RetryPolicy copy = p.toBuilder().maxRetries(2).build();
        assertEquals(2, copy.maxRetries());
        assertEquals(Duration.ofSeconds(9), copy.maxServerDelay());
        assertEquals(Duration.ofMillis(200), copy.baseDelay());
        assertEquals(Duration.ofSeconds(3), copy.maxBackoff());
        assertEquals("RetryPolicy{maxRetries=0, baseDelay=PT0.2S, maxBackoff=PT3S, maxServerDelay=PT9S}",
                p.toString());
        assertEquals(3, RetryPolicy.defaults().maxRetries());
        assertEquals(0, RetryPolicy.none().maxRetries());
        assertEquals(Duration.ZERO, RetryPolicy.builder().baseDelay(Duration.ZERO).build().baseDelay());
    }

    @Test
    void negativeFiguresAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxRetries(-1));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().baseDelay(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxBackoff(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> RetryPolicy.builder().maxServerDelay(Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> RetryPolicy.builder().baseDelay(null));
        for (int[] figures : new int[][] {{-1, 0, 0, 0}, {0, -1, 0, 0}, {0, 0, -1, 0}, {0, 0, 0, -1}}) {
            assertThrows(IllegalArgumentException.class,
                    () -> RetryBudget.of(figures[0], figures[1], figures[2], figures[3]));
        }
        assertEquals(0, RetryBudget.of(0, 0, 0, 0).available());
        assertEquals("RetryBudget{available=500/500, retryCost=5, timeoutRetryCost=10, successRefill=1}",
                RetryBudget.standard().toString());
        assertEquals("RetryBudget{available=0/0, retryCost=0, timeoutRetryCost=0, successRefill=0}",
                RetryBudget.unlimited().toString());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
