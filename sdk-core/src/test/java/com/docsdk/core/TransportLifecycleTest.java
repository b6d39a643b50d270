package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.FieldError;
import com.docsdk.core.error.TransportException;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.transfer.DownloadRequest;
import com.docsdk.core.transfer.Downloader;
import com.docsdk.core.wait.WaitFailedException;
import com.docsdk.core.wait.WaitInterruptedException;
import com.docsdk.core.wait.WaitTimeoutException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/** A transport's proxy, its lifecycle (what close() releases and refuses), what it prints and how failures read. */
class TransportLifecycleTest {

    @Test
    void aProxyWithCredentialsAnswersItsChallenge() {
        try (RawHttpServer proxy = RawHttpServer.start(r -> r.header("Proxy-Authorization") == null
                ? RawHttpServer.Reply.status(407, "text/plain", "auth").header("Proxy-Authenticate",
                        "Basic realm=\"corp\"")
                : RawHttpServer.Reply.status(200, "text/plain", "via proxy"));
                Transport t = TestHttp.transport("http://api.example.invalid", Credentials.none())
                        .allowInsecureHttp(true)
                        .proxy(ProxyConfig.of("127.0.0.1", Integer.parseInt(proxy.baseUrl().replaceAll(".*:", "")))
                                .withCredentials("svc", "PROXYSECRET"))
                        .build()) {
            assertEquals("via proxy", TestHttp.get(t, "http://api.example.invalid/v1/files").value());
            List<RawHttpServer.Received> seen = proxy.requests();
            assertEquals(2, seen.size());
            assertEquals("http://api.example.invalid/v1/files", seen.get(0).target());
            assertEquals("Basic " + Base64.getEncoder().encodeToString("svc:PROXYSECRET"
                    .getBytes(StandardCharsets.ISO_8859_1)), seen.get(1).header("Proxy-Authorization"));
            assertFalse(t.toString().contains("PROXYSECRET"), t.toString());
        }
    }

    @Test
    void aProxyNeedsAHostAndAPortInRange() {
        assertEquals("proxyPort", assertThrows(ClientValidationException.class,
                () -> ProxyConfig.of("proxy.corp", 0)).field());
        assertEquals("proxyPort", assertThrows(ClientValidationException.class,
                () -> ProxyConfig.of("proxy.corp", 65536)).field());
        assertEquals("proxyHost", assertThrows(ClientValidationException.class,
                () -> ProxyConfig.of(" ", 8080)).field());
        assertTrue(ProxyConfig.of("proxy.corp", 1).toString().contains("proxy.corp:1"),
                ProxyConfig.of("proxy.corp", 1).toString());
        assertTrue(ProxyConfig.of("proxy.corp", 65535).toString().contains("65535"));
    }

    @Test
    void closeReleasesTheTransportsOwnClientAndRefusesNewWork() {
        try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Reply.status(200, "text/plain", "ok"))) {
            Transport t = TestHttp.transport(server.baseUrl(), Credentials.none()).build();
            OkHttpClient own = t.okHttpClient();
            assertEquals("ok", TestHttp.get(t, server.url("/a")).value());
            assertEquals(1, own.connectionPool().connectionCount(), "the connection is pooled");
            t.close();
            t.close(); // idempotent
            assertEquals(0, own.connectionPool().connectionCount());
            assertTrue(own.dispatcher().executorService().isShutdown());
            assertThrows(IllegalStateException.class, () -> TestHttp.get(t, server.url("/a")));
            assertThrows(IllegalStateException.class, t::okHttpClient);
            assertThrows(IllegalStateException.class, t::pollScheduler);
            assertThrows(IllegalStateException.class, () -> new Downloader(t).download(DownloadRequest
                    .fromUrl(server.url("/f")).toStream(new java.io.ByteArrayOutputStream()).build()));
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    void closeLeavesASharedClientRunning() {
        OkHttpClient shared = new OkHttpClient();
        try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Reply.status(200, "text/plain", "ok"))) {
            Transport t = TestHttp.transport(server.baseUrl(), Credentials.none()).okHttpClient(shared).build();
            TestHttp.get(t, server.url("/a"));
            assertTrue(t.toString().endsWith("sharedClient=true}"), t.toString());
            t.close();
            assertFalse(shared.dispatcher().executorService().isShutdown());
            assertEquals(1, shared.connectionPool().connectionCount(), "the shared pool keeps its connection");
        } finally {
            shared.connectionPool().evictAll();
            shared.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void theCallIsHandedOverBeforeItStarts() {
        try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Reply.status(200, "text/plain", "ok"));
                Transport t = TestHttp.transport(server.baseUrl(), Credentials.none()).build()) {
            AtomicReference<Call> handed = new AtomicReference<>();
            t.execute(new Request.Builder().url(server.url("/a")).build(), RequestOptions.none(),
                    ResponseReader.string(), call -> {
                        assertFalse(call.isExecuted());
                        handed.set(call);
                    });
            assertNotNull(handed.get());
            assertTrue(handed.get().isExecuted());
        }
    }

    @Test
    void aPerCallTimeoutAppliesToDownloadsToo() {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try (RawHttpServer server = RawHttpServer.start(r -> {
            try {
                release.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RawHttpServer.Reply.status(200, "text/plain", "late");
        }); Transport t = TestHttp.transport(server.baseUrl(), Credentials.none()).build()) {
            TransportException e = assertThrows(TransportException.class, () -> new Downloader(t).download(
                    DownloadRequest.fromUrl(server.url("/slow")).toStream(new java.io.ByteArrayOutputStream())
                            .options(RequestOptions.builder().timeout(Duration.ofMillis(200)).build()).build()));
            assertTrue(e.isTimeout(), e.getMessage());
            TransportException call = assertThrows(TransportException.class, () -> TestHttp.get(t,
                    server.url("/slow"), RequestOptions.builder().timeout(Duration.ofMillis(200)).build()));
            assertTrue(call.getMessage().contains("failed: the call timed out"), call.getMessage());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aFailureNamesTheRequestTheCauseAndTheAttempts() {
        SocketFactory noRoute = new SocketFactory() {
            @Override
            public Socket createSocket() {
                return new Socket() {
                    @Override
                    public void connect(SocketAddress endpoint, int timeout) throws IOException {
                        throw new NoRouteToHostException();
                    }
                };
            }

            @Override
            public Socket createSocket(String host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(String host, int port, java.net.InetAddress localHost, int localPort) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(java.net.InetAddress host, int port) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress localAddress,
                    int localPort) {
                throw new UnsupportedOperationException();
            }
        };
        OkHttpClient client = new OkHttpClient.Builder().socketFactory(noRoute).build();
        Request post = new Request.Builder().url("http://127.0.0.1:9/v1/imports?token=TOKSECRET")
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build();
        try (Transport t = TestHttp.transport("http://127.0.0.1:9", Credentials.none()).okHttpClient(client)
                .retryPolicy(RetryPolicy.builder().maxRetries(2).jitter(() -> 0.0).build()).build()) {
            TransportException e = assertThrows(TransportException.class,
                    () -> t.execute(post, RequestOptions.none(), ResponseReader.string()));
            assertEquals("POST http://127.0.0.1:9/v1/imports?token=REDACTED failed: NoRouteToHostException after 3"
                    + " attempts", e.getMessage());
            assertFalse(e.isTimeout());
        }
        try (Transport t = TestHttp.transport("http://127.0.0.1:9", Credentials.none()).okHttpClient(client)
                .build()) {
            TransportException e = assertThrows(TransportException.class,
                    () -> t.execute(post, RequestOptions.none(), ResponseReader.string()));
            assertEquals("POST http://127.0.0.1:9/v1/imports?token=REDACTED failed: NoRouteToHostException",
                    e.getMessage());
        }
    }

    @Test
    void waitFailuresSayWhatHappenedInWords() {
        Duration waited = Duration.ofSeconds(3);
        assertEquals("export 1 failed with status 'failed' after 1 poll",
                new WaitFailedException("export 1", "failed", List.of(), null, waited, 1).getMessage());
        assertEquals("export 1 failed with status 'failed': no rows; bad date after 2 polls",
                new WaitFailedException("export 1", "failed", List.of("no rows", "bad date"), null, waited, 2)
                        .getMessage());
        assertEquals("waiting for export 1 was interrupted after 1 poll",
                new WaitInterruptedException("export 1", null, waited, 1, null).getMessage());
        assertEquals("waiting for export 1 was interrupted after 2 polls",
                new WaitInterruptedException("export 1", "queued", waited, 2, null).getMessage());
        WaitTimeoutException none = new WaitTimeoutException("export 1", null, waited, 1, Duration.ofSeconds(2));
        assertEquals("export 1 did not finish within PT2S (last status 'none', waited 3000 ms, 1 poll)",
                none.getMessage());
        assertNull(none.lastStatus().orElse(null));
        assertEquals("export 1 did not finish within PT2S (last status 'queued', waited 3000 ms, 5 polls)",
                new WaitTimeoutException("export 1", "queued", waited, 5, Duration.ofSeconds(2)).getMessage());
        assertEquals("email: is invalid [format]", new FieldError("email", "format", "is invalid").toString());
        assertEquals("is invalid", new FieldError("", "", "is invalid").toString());
    }
}
