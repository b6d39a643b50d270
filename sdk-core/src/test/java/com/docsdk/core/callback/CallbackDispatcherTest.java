package com.docsdk.core.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.FakeTime;
import com.docsdk.core.LogCapture;
import com.docsdk.core.error.ClientValidationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallbackDispatcherTest {
    private static final String TOKEN = "tok-0123456789abcdef";
    private final CallbackUrls urls = CallbackUrls.inQuery("https://hooks.example.com/cb", CallbackSecret.of(TOKEN));
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final FakeTime time = new FakeTime();

    private static CallbackRequest post(String target, String json) {
        return CallbackRequest.of("post", target, Map.of("content-type", List.of("Application/JSON; charset=utf-8")),
                json.getBytes(StandardCharsets.UTF_8));
    }

    private static CallbackRequest post(String json) {
        return post("/cb/things?docsdk_token=" + TOKEN, json);
    }

    private CallbackDispatcher.Builder builder(CallbackPolicy policy, CallbackHandler<TestEvents.Event> handler) {
        return CallbackDispatcher.builder(urls).clock(time).on(TestEvents.endpoint(policy), handler);
    }

    @Test
    void aValidEventIsHandledOnceAndItsReplaysAreAnsweredWithoutTheHandler() {
        try (CallbackDispatcher d = builder(CallbackPolicy.synchronous(), e -> handled.add(e.id())).build()) {
            CallbackResponse first = d.dispatch(post("{\"id\":\"1\",\"status\":\"done\",\"extra\":[1]}"));
            assertEquals(new CallbackResponse(200, "ok"), first);
            CallbackResponse again = d.dispatch(post("{\"ID\":\"1\",\"Status\":\"done\"}"));
            assertEquals(200, again.status());
            assertTrue(again.body().contains("duplicate"), again.body());
            assertEquals(List.of("1"), handled);
            CallbackOutcome outcome = d.outcome("test:1:done").orElseThrow();
            assertEquals(CallbackOutcome.State.DUPLICATE, outcome.state());
            assertEquals(2, outcome.deliveries());
            assertEquals("things", outcome.route());
            assertEquals(time.instant(), outcome.at());
            assertEquals(200, d.dispatch(post("{\"id\":\"1\",\"status\":\"later\"}")).status());
            assertEquals(List.of("1", "1"), handled, "another status is another event");
            assertEquals(2, d.outcomes().size());
            assertEquals(Optional.empty(), d.outcome("nope"));
        }
    }

    @Test
    void requestsThatAreNotValidCallbacksAreRefusedBeforeTheHandler() {
        try (LogCapture logs = new LogCapture();
                CallbackDispatcher d = builder(CallbackPolicy.synchronous(), e -> handled.add(e.id()))
                        .maxBodyBytes(64).build()) {
            assertEquals(405, d.dispatch(CallbackRequest.of("GET", "/cb/things?docsdk_token=" + TOKEN, null,
                    null)).status());
            CallbackResponse wrong = d.dispatch(post("/cb/things?docsdk_token=nope-0123456789abc", "{\"id\":1}"));
            assertEquals(401, wrong.status());
            assertEquals(401, d.dispatch(post("/cb/things", "{\"id\":1}")).status());
            assertTrue(logs.all().contains("docsdk_token=REDACTED"), logs.all());
            assertFalse(logs.all().contains("nope-0123456789abc"));
            CallbackResponse unknown = d.dispatch(post("/cb/other?docsdk_token=" + TOKEN, "{\"id\":1}"));
            assertEquals(404, unknown.status());
            assertTrue(unknown.body().contains("other"));
            assertEquals(413, d.dispatch(post("{\"id\":\"" + "x".repeat(60) + "\"}")).status());
            assertEquals(200, d.dispatch(post("{\"id\":\"" + "x".repeat(46) + "\"}")).status(), "64 bytes fit");
            CallbackResponse malformed = d.dispatch(post("{\"id\":"));
            assertEquals(400, malformed.status());
            assertTrue(malformed.body().startsWith("body:"), malformed.body());
            CallbackResponse missing = d.dispatch(post("{\"status\":\"x\"}"));
            assertEquals(new CallbackResponse(400, "id: is missing or not text"), missing);
            assertEquals(400, d.dispatch(CallbackRequest.of("POST", "/cb/things?docsdk_token=" + TOKEN,
                    Map.of("Content-Type", List.of("text/plain")), "{\"id\":1}".getBytes())).status());
            assertEquals(1, handled.size());
        }
    }

    @Test
    void aParserThatBreaksItsContractStillGetsA400() {
        CallbackParser<TestEvents.Event> broken = r -> {
            throw new IllegalStateException("bug");
        };
        CallbackParser<TestEvents.Event> empty = r -> null;
        try (CallbackDispatcher d = CallbackDispatcher.builder(urls)
                .on(new CallbackEndpoint<>("things", broken, CallbackPolicy.synchronous()), e -> { })
                .on(new CallbackEndpoint<>("empty", empty, CallbackPolicy.synchronous()), e -> { }).build()) {
            assertEquals(new CallbackResponse(400, "the body cannot be read"), d.dispatch(post("{}")));
            assertEquals(new CallbackResponse(400, "the body holds no event"),
                    d.dispatch(post("/cb/empty?docsdk_token=" + TOKEN, "{}")));
        }
    }

    @Test
    void aHandlerFailureAnswersItsMessageAndTheRetryIsHandled() {
        AtomicInteger calls = new AtomicInteger();
        CallbackHandler<TestEvents.Event> flaky = e -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("ERP down; token " + TOKEN + " was used");
            }
            handled.add(e.id());
        };
        try (CallbackDispatcher d = builder(CallbackPolicy.synchronous().withFailureStatus(422), flaky).build()) {
            CallbackResponse failed = d.dispatch(post("{\"id\":\"7\"}"));
            assertEquals(422, failed.status());
            assertEquals("ERP down; token REDACTED was used", failed.body());
            CallbackOutcome outcome = d.outcome("test:7:-").orElseThrow();
            assertEquals(CallbackOutcome.State.FAILED, outcome.state());
            assertEquals("ERP down; token REDACTED was used", outcome.message());
            assertEquals(new CallbackResponse(200, "ok"), d.dispatch(post("{\"id\":\"7\"}")));
            assertEquals(List.of("7"), handled);
            assertEquals(2, d.outcome("test:7:-").orElseThrow().deliveries());
            assertEquals(200, d.dispatch(post("{\"id\":\"7\"}")).status());
            assertEquals(2, calls.get());
        }
    }

    @Test
    void failureMessagesAreShortenedAndNeverEmpty() {
        AtomicInteger calls = new AtomicInteger();
        CallbackHandler<TestEvents.Event> failing = e -> {
            if (calls.incrementAndGet() == 1) {
                throw new RuntimeException("x".repeat(CallbackDispatcher.MAX_MESSAGE + 1));
            }
            if (calls.get() == 2) {
                throw new RuntimeException("y".repeat(CallbackDispatcher.MAX_MESSAGE));
            }
            throw new java.io.IOException();
        };
        try (CallbackDispatcher d = builder(CallbackPolicy.synchronous(), failing).build()) {
            assertEquals("x".repeat(CallbackDispatcher.MAX_MESSAGE) + "...",
                    d.dispatch(post("{\"id\":\"1\"}")).body());
            assertEquals("y".repeat(CallbackDispatcher.MAX_MESSAGE), d.dispatch(post("{\"id\":\"1\"}")).body());
            assertEquals(new CallbackResponse(500, "IOException"), d.dispatch(post("{\"id\":\"1\"}")));
        }
    }

    @Test
    void aSeenStoreFailureLeavesTheEventOpenToARetry() {
        SeenStore broken = new SeenStore() {
            @Override
            public boolean markSeen(String key) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public boolean isSeen(String key) {
                return false;
            }
        };
        try (CallbackDispatcher d = builder(CallbackPolicy.synchronous(), e -> handled.add(e.id()))
                .seenStore(broken).build()) {
            CallbackResponse r = d.dispatch(post("{\"id\":\"1\"}"));
            assertEquals(500, r.status());
            assertTrue(r.body().contains("disk full"), r.body());
            assertEquals(CallbackOutcome.State.FAILED, d.outcome("test:1:-").orElseThrow().state());
        }
    }

    @Test
    void theSameEventIsNeverHandledTwiceAtOnce() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CallbackHandler<TestEvents.Event> slow = e -> {
            entered.countDown();
            assertTrue(release.await(10, TimeUnit.SECONDS));
            handled.add(e.id());
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (CallbackDispatcher d = builder(CallbackPolicy.synchronous(), slow).build()) {
            CompletableFuture<CallbackResponse> first = CompletableFuture.supplyAsync(
                    () -> d.dispatch(post("{\"id\":\"1\"}")), pool);
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            CallbackResponse concurrent = d.dispatch(post("{\"id\":\"1\"}"));
            assertEquals(409, concurrent.status());
            release.countDown();
            assertEquals(200, first.get(10, TimeUnit.SECONDS).status());
            assertEquals(200, d.dispatch(post("{\"id\":\"1\"}")).status());
            assertEquals(List.of("1"), handled);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aQuickBackgroundHandlerAnswersItsOwnResult() {
        AtomicInteger calls = new AtomicInteger();
        CallbackHandler<TestEvents.Event> h = e -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first fails");
            }
            handled.add(e.id());
        };
        try (CallbackDispatcher d = builder(CallbackPolicy.acknowledgeWithin(Duration.ofSeconds(10)), h).build()) {
            assertEquals(new CallbackResponse(500, "first fails"), d.dispatch(post("{\"id\":\"1\"}")));
            assertEquals(new CallbackResponse(200, "ok"), d.dispatch(post("{\"id\":\"1\"}")));
            assertEquals(List.of("1"), handled);
            CallbackOutcome outcome = d.outcome("test:1:-").orElseThrow();
            assertEquals(CallbackOutcome.State.SUCCEEDED, outcome.state());
            assertEquals(2, outcome.deliveries(), "the background result is not another delivery");
        }
    }

    @Test
    void aSlowBackgroundHandlerIsAcknowledgedAndItsOutcomeKept() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        CallbackHandler<TestEvents.Event> slow = e -> {
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
                handled.add(e.id());
            } finally {
                finished.countDown();
            }
        };
        CallbackDispatcher d = builder(CallbackPolicy.acknowledgeWithin(Duration.ZERO), slow).build();
        CallbackResponse ack = d.dispatch(post("{\"id\":\"1\"}"));
        assertEquals(new CallbackResponse(200, "accepted; handling in the background"), ack);
        assertEquals(CallbackOutcome.State.PROCESSING, d.outcome("test:1:-").orElseThrow().state());
        assertEquals(409, d.dispatch(post("{\"id\":\"1\"}")).status(), "still being handled");
        release.countDown();
        assertTrue(finished.await(10, TimeUnit.SECONDS));
        d.close(); // waits for the background work
        assertEquals(CallbackOutcome.State.SUCCEEDED, d.outcome("test:1:-").orElseThrow().state());
        assertEquals(List.of("1"), handled);
        assertEquals(1, d.outcome("test:1:-").orElseThrow().deliveries());
    }

    @Test
    void aFullBackgroundPoolAnswers503AndTheEventStaysOpen() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        CallbackHandler<TestEvents.Event> slow = e -> {
            started.countDown();
            assertTrue(release.await(10, TimeUnit.SECONDS));
            handled.add(e.id());
        };
        try (CallbackDispatcher d = builder(CallbackPolicy.acknowledgeWithin(Duration.ZERO), slow)
                .backgroundPool(1, 1).build()) {
            assertEquals(200, d.dispatch(post("{\"id\":\"1\"}")).status());
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertEquals(200, d.dispatch(post("{\"id\":\"2\"}")).status(), "queued");
            CallbackResponse full = d.dispatch(post("{\"id\":\"3\"}"));
            assertEquals(503, full.status());
            assertEquals(CallbackOutcome.State.FAILED, d.outcome("test:3:-").orElseThrow().state());
            release.countDown();
        }
        assertEquals(List.of("1", "2"), handled);
    }

    @Test
    void anOwnExecutorIsUsedAndLeftRunning() throws Exception {
        ExecutorService mine = Executors.newSingleThreadExecutor();
        try {
            CallbackDispatcher d = builder(CallbackPolicy.acknowledgeWithin(Duration.ofSeconds(10)),
                    e -> handled.add(Thread.currentThread().getName())).executor(mine).build();
            assertEquals(200, d.dispatch(post("{\"id\":\"1\"}")).status());
            d.close();
            assertFalse(mine.isShutdown());
            assertTrue(handled.get(0).startsWith("pool-"), handled.toString());
        } finally {
            mine.shutdownNow();
        }
    }

    @Test
    void outcomesAreBounded() {
        try (CallbackDispatcher d = builder(CallbackPolicy.synchronous(), e -> { }).maxOutcomes(2).build()) {
            for (int i = 0; i < 3; i++) {
                d.dispatch(post("{\"id\":\"" + i + "\"}"));
            }
            assertEquals(List.of("test:1:-", "test:2:-"),
                    d.outcomes().stream().map(CallbackOutcome::idempotencyKey).toList());
        }
    }

    @Test
    void closingWaitsOnlyAsLongAsAllowed() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CallbackDispatcher d = builder(CallbackPolicy.acknowledgeWithin(Duration.ZERO), e -> {
            try {
                never.await();
            } catch (InterruptedException ie) {
                interrupted.countDown();
                throw ie;
            }
        }).closeTimeout(Duration.ofMillis(50)).build();
        assertEquals(200, d.dispatch(post("{\"id\":\"1\"}")).status());
        try (LogCapture logs = new LogCapture()) {
            d.close();
            assertTrue(logs.all().contains("still running"), logs.all());
        }
        assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the handler was stopped");
    }

    @Test
    void theBuilderRefusesWhatCannotWork() {
        assertEquals("urls", assertThrows(ClientValidationException.class,
                () -> CallbackDispatcher.builder(null)).field());
        CallbackDispatcher.Builder b = CallbackDispatcher.builder(urls);
        assertEquals("endpoint", assertThrows(ClientValidationException.class, b::build).field());
        b.on(TestEvents.endpoint(CallbackPolicy.synchronous()), e -> { });
        assertEquals("endpoint", assertThrows(ClientValidationException.class,
                () -> b.on(TestEvents.endpoint(CallbackPolicy.synchronous()), e -> { })).field());
        assertEquals("handler", assertThrows(ClientValidationException.class,
                () -> b.on(TestEvents.endpoint(CallbackPolicy.synchronous()).withRoute("x"), null)).field());
        assertEquals("endpoint", assertThrows(ClientValidationException.class, () -> b.on(null, e -> { })).field());
        assertEquals("maxBodyBytes", assertThrows(ClientValidationException.class, () -> b.maxBodyBytes(0)).field());
        assertEquals("maxOutcomes", assertThrows(ClientValidationException.class, () -> b.maxOutcomes(0)).field());
        assertEquals("closeTimeout", assertThrows(ClientValidationException.class,
                () -> b.closeTimeout(Duration.ofMillis(-1))).field());
        assertEquals("closeTimeout", assertThrows(ClientValidationException.class, () -> b.closeTimeout(null))
                .field());
        assertEquals("threads", assertThrows(ClientValidationException.class, () -> b.backgroundPool(0, 1)).field());
        assertEquals("queue", assertThrows(ClientValidationException.class, () -> b.backgroundPool(1, 0)).field());
        assertEquals("seenStore", assertThrows(ClientValidationException.class, () -> b.seenStore(null)).field());
        assertEquals("executor", assertThrows(ClientValidationException.class, () -> b.executor(null)).field());
        assertEquals("clock", assertThrows(ClientValidationException.class, () -> b.clock(null)).field());
        b.maxBodyBytes(1).maxOutcomes(1).closeTimeout(Duration.ZERO).backgroundPool(1, 1);
        try (CallbackDispatcher d = b.build()) {
            assertEquals("request", assertThrows(ClientValidationException.class, () -> d.dispatch(null)).field());
            assertTrue(d.toString().contains("routes=[things]"), d.toString());
            assertFalse(d.toString().contains(TOKEN));
        }
    }

    @Test
    void policiesEndpointsRequestsAndResponsesCheckTheirParts() {
        assertEquals(new CallbackPolicy(200, 500, Optional.empty()), CallbackPolicy.synchronous());
        assertEquals(Optional.of(Duration.ofSeconds(3)),
                CallbackPolicy.acknowledgeWithin(Duration.ofSeconds(3)).acknowledgeAfter());
        assertEquals(422, CallbackPolicy.synchronous().withFailureStatus(422).failureStatus());
        assertThrows(ClientValidationException.class, () -> new CallbackPolicy(199, 500, Optional.empty()));
        assertThrows(ClientValidationException.class, () -> new CallbackPolicy(300, 500, Optional.empty()));
        new CallbackPolicy(299, 400, Optional.empty());
        new CallbackPolicy(200, 599, Optional.of(Duration.ZERO));
        assertThrows(ClientValidationException.class, () -> new CallbackPolicy(200, 399, Optional.empty()));
        assertThrows(ClientValidationException.class, () -> new CallbackPolicy(200, 600, Optional.empty()));
        assertThrows(ClientValidationException.class, () -> new CallbackPolicy(200, 500, null));
        assertThrows(ClientValidationException.class,
                () -> new CallbackPolicy(200, 500, Optional.of(Duration.ofMillis(-1))));
        assertThrows(ClientValidationException.class, () -> CallbackPolicy.acknowledgeWithin(null));

        CallbackEndpoint<TestEvents.Event> e = TestEvents.endpoint(CallbackPolicy.synchronous());
        assertEquals("other", e.withRoute("other").route());
        assertEquals(CallbackPolicy.acknowledgeWithin(Duration.ZERO),
                e.withPolicy(CallbackPolicy.acknowledgeWithin(Duration.ZERO)).policy());
        assertThrows(ClientValidationException.class, () -> new CallbackEndpoint<>("a", null,
                CallbackPolicy.synchronous()));
        assertThrows(ClientValidationException.class, () -> new CallbackEndpoint<>("a", TestEvents.PARSER, null));

        CallbackRequest r = CallbackRequest.of("post", "/cb/x/" + TOKEN + "?docsdk_token=" + TOKEN,
                new java.util.HashMap<>(Map.of("X-A", List.of("1", "2"), "x-b", List.of()))
                , "abc".getBytes());
        assertEquals("POST", r.method());
        assertEquals(Optional.of("1"), r.header("x-a"));
        assertEquals(Optional.empty(), r.header("x-b"));
        assertEquals(Optional.empty(), r.header("absent"));
        assertEquals(Optional.empty(), r.mediaType());
        assertEquals(3, r.bodyLength());
        byte[] body = r.body();
        body[0] = 'z';
        assertEquals("abc", new String(r.body()));
        assertEquals("CallbackRequest[POST /cb/x/REDACTED?docsdk_token=REDACTED, 3 bytes]", r.toString());
        assertEquals(0, CallbackRequest.of("POST", "/", null, null).bodyLength());
        assertEquals("CallbackRequest[REDACTED /, 0 bytes]",
                CallbackRequest.of("https://h/?sig=abc", "/", null, null).toString());
        java.util.Map<String, List<String>> withNull = new java.util.HashMap<>();
        withNull.put(null, List.of("x"));
        withNull.put("Content-Type", null);
        withNull.put("content-type", List.of(" TEXT/Plain ;q=1"));
        assertEquals(Optional.of("text/plain"), CallbackRequest.of("POST", "/", withNull, null).mediaType());
        assertEquals(Optional.empty(), CallbackRequest.of("POST", "/",
                Map.of("Content-Type", List.of(" ; x")), null).mediaType());
        assertThrows(ClientValidationException.class, () -> CallbackRequest.of(" ", "/", null, null));
        assertThrows(ClientValidationException.class, () -> CallbackRequest.of("POST", null, null, null));

        assertTrue(new CallbackResponse(204, null).isSuccess());
        assertEquals("", new CallbackResponse(204, null).body());
        assertFalse(new CallbackResponse(300, "x").isSuccess());
        assertTrue(new CallbackResponse(299, "x").isSuccess());
        assertFalse(new CallbackResponse(400, "x").isSuccess());
        assertEquals("é", new String(new CallbackResponse(200, "é").bodyBytes(), StandardCharsets.UTF_8));
        assertThrows(IllegalArgumentException.class, () -> new CallbackResponse(199, ""));
        assertThrows(IllegalArgumentException.class, () -> new CallbackResponse(600, ""));
        new CallbackResponse(599, "");
        assertEquals("CallbackResponse[status=200, body=see https://h/x?sig=REDACTED]",
                new CallbackResponse(200, "see https://h/x?sig=abc").toString());
        CallbackOutcome o = new CallbackOutcome("k?sig=abc", "r", CallbackOutcome.State.FAILED,
                "see https://h/x?sig=secret", 1, time.instant());
        assertFalse(o.toString().contains("secret"), o.toString());
        assertFalse(o.toString().contains("abc"), o.toString());
    }

    @Test
    void eventsKeepUnknownFieldsAndPrintNoSecrets() {
        TestEvents.Event e = new TestEvents.Event(Map.of("id", "1", "Status", "s", "exportedFileUrl",
                "https://a.blob.core.windows.net/c/f.pdf?sv=1&sig=SECRET", "apiToken", "tok_SECRET"));
        assertEquals("test", e.vendor());
        assertEquals("thing", e.kind());
        assertEquals("test:1:s", e.idempotencyKey());
        assertEquals(4, e.fields().size());
        assertEquals(java.util.Set.of("exportedFileUrl", "apiToken"), e.unknownFields().keySet());
        assertFalse(e.toString().contains("SECRET"), e.toString());
        assertTrue(e.toString().startsWith("Event[vendor=test, kind=thing, key=test:1:s"), e.toString());
        assertThrows(UnsupportedOperationException.class, () -> e.fields().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> e.unknownFields().put("x", "y"));
    }
}
