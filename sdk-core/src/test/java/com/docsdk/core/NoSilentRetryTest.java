package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.ServerException;
import com.docsdk.core.error.TransportException;
import com.docsdk.core.retry.RetryPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every re-send is the {@link RetryPolicy}'s decision: OkHttp's own silent retries (on a failed pooled connection, on
 * a 503 with {@code Retry-After: 0}) never re-send a request, the requests on the wire never exceed
 * {@code maxRetries + 1}, and the exception counts them truly. Faults come from a raw socket server that reads a
 * request whole before it resets or closes the connection, and counts what it read.
 */
class NoSilentRetryTest {
    private static final MediaType JSON = MediaType.get("application/json");

    private final RecordingSleeper sleeper = new RecordingSleeper();

    private Transport transport(RawHttpServer server, RetryPolicy policy) {
        return TestHttp.transport(server.baseUrl(), Credentials.apiKey("x-api-key", "key-0123456789"))
                .sleeper(sleeper).retryPolicy(policy).build();
    }

    private static Request post(RawHttpServer server, String path) {
        return new Request.Builder().url(server.url(path)).post(RequestBody.create("{\"name\":\"x\"}", JSON)).build();
    }

    private static Request get(RawHttpServer server, String path) {
        return new Request.Builder().url(server.url(path)).build();
    }

    private static SdkResponse<String> send(Transport t, Request request) {
        return t.execute(request, RequestOptions.none(), ResponseReader.string());
    }

    /** Answers the first request on every connection, resets the connection on any later one. */
    private static RawHttpServer resetOnReusedConnections() {
        return RawHttpServer.start(r -> r.onReusedConnection() ? RawHttpServer.Reply.reset()
                : RawHttpServer.Reply.json(r.method().equals("POST") ? 201 : 200, "{\"id\":\"c-1\"}"));
    }

    @Test
    void aPostResetAfterItWasReadOnAPooledConnectionReachesTheServerOnce() {
        try (RawHttpServer server = resetOnReusedConnections();
                Transport t = transport(server, RetryPolicy.builder().maxRetries(3).build())) {
            send(t, get(server, "/v1/warm-up"));

            TransportException e = assertThrows(TransportException.class, () -> send(t, post(server, "/v1/things")));

            assertEquals(1, server.count("POST", "/v1/things"), "the POST must reach the server exactly once");
            assertEquals(1, e.attempts());
            assertTrue(e.getMessage().startsWith("POST " + server.url("/v1/things") + " failed"), e.getMessage());
            assertTrue(sleeper.sleeps.isEmpty(), "nothing may be retried: " + sleeper.sleeps);
        }
    }

    @Test
    void aPostOnAPooledConnectionIsNotReSentByASharedClientThatAllowsSilentRetries() {
        OkHttpClient shared = new OkHttpClient.Builder().retryOnConnectionFailure(true).build();
        try (RawHttpServer server = resetOnReusedConnections();
                Transport t = TestHttp.transport(server.baseUrl(), Credentials.none()).okHttpClient(shared)
                        .sleeper(sleeper).retryPolicy(RetryPolicy.defaults()).build()) {
            send(t, get(server, "/v1/warm-up"));
            assertThrows(TransportException.class, () -> send(t, post(server, "/v1/things")));
            assertEquals(1, server.count("POST", "/v1/things"));
        } finally {
            shared.dispatcher().executorService().shutdown();
            shared.connectionPool().evictAll();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"reset", "empty reply"})
    void anIdempotentGetFailingEveryTimeIsSentMaxRetriesPlusOneTimesAndTheExceptionSaysSo(String fault) {
        Supplier<RawHttpServer.Reply> reply = fault.equals("reset") ? RawHttpServer.Reply::reset
                : RawHttpServer.Reply::emptyReply;
        try (RawHttpServer server = RawHttpServer.start(r -> r.path().equals("/v1/warm-up")
                ? RawHttpServer.Reply.json(200, "{}") : reply.get());
                Transport t = transport(server, RetryPolicy.builder().maxRetries(3).build())) {
            send(t, get(server, "/v1/warm-up")); // the first attempt goes out on a pooled connection
            TransportException e = assertThrows(TransportException.class, () -> send(t, get(server, "/v1/files")));

            assertEquals(4, server.count("GET", "/v1/files"), "maxRetries(3) allows 4 requests on the wire");
            assertEquals(4, e.attempts());
            assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
            assertEquals(3, sleeper.sleeps.size(), "one backoff per retry: " + sleeper.sleeps);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"reset", "empty reply"})
    void aPostFailingEveryTimeAfterItWasReadIsSentOnce(String fault) {
        Supplier<RawHttpServer.Reply> reply = fault.equals("reset") ? RawHttpServer.Reply::reset
                : RawHttpServer.Reply::emptyReply;
        try (RawHttpServer server = RawHttpServer.start(r -> r.path().equals("/v1/warm-up")
                ? RawHttpServer.Reply.json(200, "{}") : reply.get());
                Transport t = transport(server, RetryPolicy.builder().maxRetries(3).build())) {
            send(t, get(server, "/v1/warm-up"));
            TransportException e = assertThrows(TransportException.class,
                    () -> send(t, post(server, "/v1/things")));

            assertEquals(1, server.count("POST", "/v1/things"));
            assertEquals(1, e.attempts());
            assertTrue(!e.getMessage().contains("attempts"), e.getMessage());
        }
    }

    @Test
    void aPostMarkedIdempotentIsRetriedByThePolicyAndOnlyByIt() {
        try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Reply.reset());
                Transport t = transport(server, RetryPolicy.builder().maxRetries(2).build())) {
            TransportException e = assertThrows(TransportException.class, () -> t.execute(post(server, "/v1/things"),
                    RequestOptions.builder().idempotent(true).build(), ResponseReader.string()));
            assertEquals(3, server.count("POST", "/v1/things"));
            assertEquals(3, e.attempts());
        }
    }

    @Test
    void aPostToAPortNobodyListensOnIsRetriedBecauseItNeverLeft() {
        RawHttpServer gone = RawHttpServer.start(r -> RawHttpServer.Reply.reset());
        String url = gone.url("/v1/things");
        gone.close();
        try (Transport t = TestHttp.transport(url, Credentials.none()).sleeper(sleeper)
                .retryPolicy(RetryPolicy.builder().maxRetries(2).build()).build()) {
            Request request = new Request.Builder().url(url).post(RequestBody.create("{}", JSON)).build();
            TransportException e = assertThrows(TransportException.class, () -> send(t, request));
            assertEquals(3, e.attempts(), e.getMessage());
            assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
        }
    }

    @Test
    void a503WithRetryAfterZeroIsRetriedByThePolicyNotSilentlyByOkHttp() {
        try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Reply.json(503, "{}")
                .header("Retry-After", "0"));
                Transport t = transport(server, RetryPolicy.none())) {
            ServerException e = assertThrows(ServerException.class, () -> send(t, post(server, "/v1/things")));
            assertEquals(1, server.count("POST", "/v1/things"), "RetryPolicy.none() sends once");
            assertEquals(1, e.attempts());
            assertEquals("0", e.headers().get("retry-after"));
        }
        try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Reply.json(503, "{}")
                .header("Retry-After", "0"));
                Transport t = transport(server, RetryPolicy.builder().maxRetries(2).build())) {
            ServerException e = assertThrows(ServerException.class, () -> send(t, get(server, "/v1/files")));
            assertEquals(3, server.count("GET", "/v1/files"));
            assertEquals(3, e.attempts());
            assertEquals(List.of(java.time.Duration.ZERO, java.time.Duration.ZERO), sleeper.sleeps);
        }
    }
}
