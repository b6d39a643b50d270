package com.docsdk.core.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.SdkException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbackReceiverTest {
    private static final String TOKEN = "tok-0123456789abcdef";
    private static final char[] PASSWORD = TestTls.PASSWORD;
    private final List<String> handled = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    private CallbackDispatcher dispatcher(String base, CallbackHandler<TestEvents.Event> handler) {
        return CallbackDispatcher.builder(CallbackUrls.inQuery(base, CallbackSecret.of(TOKEN)))
                .on(TestEvents.endpoint(CallbackPolicy.synchronous()), handler).build();
    }

    private static HttpResponse<String> post(HttpClient http, String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void itServesTheDispatcherOverHttp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (CallbackReceiver receiver = CallbackReceiver.builder(dispatcher("http://unused", e -> handled.add(e.id())))
                .threads(2).queue(2).start()) {
            assertTrue(receiver.isRunning());
            assertTrue(receiver.baseUrl().startsWith("http://127.0.0.1:"), receiver.baseUrl());
            assertEquals(receiver.baseUrl(), "http://127.0.0.1:" + receiver.port());
            String url = receiver.baseUrl() + "/things?docsdk_token=" + TOKEN;
            HttpResponse<String> ok = post(http, url, "{\"id\":\"1\"}");
            assertEquals(200, ok.statusCode());
            assertEquals("ok", ok.body());
            assertEquals(CallbackResponse.CONTENT_TYPE, ok.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(200, post(http, url, "{\"id\":\"1\"}").statusCode());
            assertEquals(List.of("1"), handled);
            assertEquals(401, post(http, receiver.baseUrl() + "/things?docsdk_token=x", "{}").statusCode());
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, get.statusCode());
            assertTrue(receiver.toString().contains(receiver.baseUrl()));
        }
    }

    @Test
    void bodiesOverTheLimitAreAnswered413() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (CallbackReceiver receiver = CallbackReceiver.builder(dispatcher("http://unused", e -> handled.add(e.id())))
                .maxBodyBytes(100).start()) {
            String url = receiver.baseUrl() + "/things?docsdk_token=" + TOKEN;
            assertEquals(413, post(http, url, "{\"id\":\"" + "x".repeat(200) + "\"}").statusCode());
            // no declared length: chunked
            HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                            ("{\"id\":\"" + "y".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, chunked.statusCode());
            HttpResponse<String> small = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                            "{\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8)))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, small.statusCode());
            assertEquals(List.of("2"), handled);
        }
    }

    @Test
    void aBrokenLengthOrADispatcherBugIsNotFatal() throws Exception {
        CallbackDispatcher d = dispatcher("http://unused", e -> handled.add(e.id()));
        try (CallbackReceiver receiver = CallbackReceiver.builder(d).start();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), receiver.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /things?docsdk_token=" + TOKEN + " HTTP/1.1\r\nHost: x\r\nContent-Type: "
                    + "application/json\r\nContent-Length: 10\r\nConnection: close\r\n\r\n{\"id\":\"3\"}")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        }
        assertEquals(List.of("3"), handled);
        assertEquals(null, readLength("abc"));
    }

    private static Long readLength(String header) throws Exception {
        java.lang.reflect.Method m = CallbackReceiver.class.getDeclaredMethod("parseLength", String.class);
        m.setAccessible(true);
        return (Long) m.invoke(null, header);
    }

    @Test
    void readingStopsAtTheLimit() throws IOException {
        assertEquals(3, CallbackReceiver.readAtMost(new ByteArrayInputStream(new byte[3]), 3).length);
        assertEquals(null, CallbackReceiver.readAtMost(new ByteArrayInputStream(new byte[4]), 3));
        byte[] big = new byte[20_000];
        big[19_999] = 7;
        assertEquals(7, CallbackReceiver.readAtMost(new ByteArrayInputStream(big), 20_000)[19_999]);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 1;
            }
        };
        assertEquals(null, CallbackReceiver.readAtMost(endless, 100_000));
    }

    @Test
    void itServesHttpsFromAKeyStore() throws Exception {
        Path keyStore = TestTls.keyStore(dir);
        SSLContext trusting = TestTls.trusting(keyStore);
        HttpClient http = HttpClient.newBuilder().sslContext(trusting).build();
        try (CallbackReceiver receiver = CallbackReceiver.builder(dispatcher("http://unused", e -> handled.add(e.id())))
                .tls(keyStore, PASSWORD).start()) {
            assertTrue(receiver.baseUrl().startsWith("https://127.0.0.1:"), receiver.baseUrl());
            assertEquals(200, post(http, receiver.baseUrl() + "/things?docsdk_token=" + TOKEN, "{\"id\":\"9\"}")
                    .statusCode());
            assertEquals(List.of("9"), handled);
        }
    }

    @Test
    void aMissingOrWrongKeyStoreIsAValidationError() throws Exception {
        CallbackReceiver.Builder b = CallbackReceiver.builder(dispatcher("http://unused", e -> { }));
        assertEquals("keyStore", assertThrows(ClientValidationException.class,
                () -> b.tls(dir.resolve("absent.p12"), PASSWORD)).field());
        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a key store");
        assertEquals("keyStore", assertThrows(ClientValidationException.class, () -> b.tls(garbage, PASSWORD))
                .field());
        assertEquals("keyStore", assertThrows(ClientValidationException.class, () -> b.tls(null, PASSWORD))
                .field());
        assertEquals("password", assertThrows(ClientValidationException.class, () -> b.tls(garbage, null))
                .field());
        assertEquals("context", assertThrows(ClientValidationException.class, () -> b.tls((SSLContext) null))
                .field());
        assertEquals("maxBodyBytes", assertThrows(ClientValidationException.class, () -> b.maxBodyBytes(0))
                .field());
        assertEquals("threads", assertThrows(ClientValidationException.class, () -> b.threads(0)).field());
        assertEquals("queue", assertThrows(ClientValidationException.class, () -> b.queue(0)).field());
        assertEquals("shutdownGrace", assertThrows(ClientValidationException.class,
                () -> b.shutdownGrace(Duration.ofSeconds(-1))).field());
        assertEquals("shutdownGrace", assertThrows(ClientValidationException.class, () -> b.shutdownGrace(null))
                .field());
        assertEquals("address", assertThrows(ClientValidationException.class, () -> b.bind(null)).field());
        assertEquals("dispatcher", assertThrows(ClientValidationException.class,
                () -> CallbackReceiver.builder(null)).field());
    }

    @Test
    void closingGivesUpOnARequestThatOutlivesTheGrace() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CallbackReceiver receiver = CallbackReceiver.builder(dispatcher("http://unused", e -> {
            entered.countDown();
            release.await(20, TimeUnit.SECONDS);
        })).shutdownGrace(Duration.ofMillis(100)).start();
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return post(HttpClient.newHttpClient(), receiver.baseUrl() + "/things?docsdk_token=" + TOKEN,
                        "{\"id\":\"1\"}");
            } catch (Exception e) {
                return null;
            }
        });
        assertTrue(entered.await(20, TimeUnit.SECONDS));
        try (com.docsdk.core.LogCapture logs = new com.docsdk.core.LogCapture()) {
            receiver.close();
            assertTrue(logs.all().contains("still in flight"), logs.all());
        } finally {
            release.countDown();
        }
        inFlight.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aTakenPortIsAnSdkException() {
        try (CallbackReceiver first = CallbackReceiver.builder(dispatcher("http://unused", e -> { })).start()) {
            SdkException e = assertThrows(SdkException.class, () -> CallbackReceiver.builder(
                    dispatcher("http://unused", x -> { })).bind(new InetSocketAddress(
                            InetAddress.getLoopbackAddress(), first.port())).start());
            assertTrue(e.getMessage().contains("cannot listen"), e.getMessage());
        }
    }

    @Test
    void closingFinishesTheRequestInFlightAndThenRefusesConnections() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CallbackReceiver receiver = CallbackReceiver.builder(dispatcher("http://unused", e -> {
            entered.countDown();
            assertTrue(release.await(20, TimeUnit.SECONDS));
            handled.add(e.id());
        })).shutdownGrace(Duration.ofSeconds(20)).start();
        HttpClient http = HttpClient.newHttpClient();
        String url = receiver.baseUrl() + "/things?docsdk_token=" + TOKEN;
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return post(http, url, "{\"id\":\"5\"}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(entered.await(20, TimeUnit.SECONDS));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(receiver::close);
        for (int i = 0; i < 2000 && receiver.isRunning(); i++) {
            Thread.sleep(10);
        }
        assertFalse(receiver.isRunning());
        HttpResponse<String> refused = post(HttpClient.newHttpClient(), url, "{\"id\":\"6\"}");
        assertEquals(503, refused.statusCode(), "no new requests once closing");
        assertFalse(closing.isDone(), "still waiting for the request in flight");
        release.countDown();
        assertEquals(200, inFlight.get(20, TimeUnit.SECONDS).statusCode());
        closing.get(30, TimeUnit.SECONDS);
        assertEquals(List.of("5"), handled);
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), receiver.port())
                .close());
        receiver.close(); // twice is harmless
        assertTrue(receiver.toString().contains("closed"));
    }
}
