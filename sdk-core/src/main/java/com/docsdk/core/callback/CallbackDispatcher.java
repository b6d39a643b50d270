package com.docsdk.core.callback;

import com.docsdk.core.error.ClientValidationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives callbacks for any server: verify the URL's token, parse, dedupe, hand to your handler, answer as the
 * vendor needs. Framework-neutral: {@link #dispatch(CallbackRequest)} takes the raw request and returns the answer;
 * {@link CallbackReceiver} is an embedded server around it.
 *
 * <pre>{@code
 * CallbackDispatcher callbacks = CallbackDispatcher.builder(CallbackUrls.inQuery(publicBase, secret))
 *         .seenStore(SeenStore.file(Path.of("callbacks-seen.log")))
 *         .on(FileAiCallbacks.processing(), event -> {
 *             UploadProgress now = event.fetch(fileAi);       // the authoritative state, not the unsigned body
 *             if (now.state() == UploadState.FINISHED) importFiles(now.fileIds());
 *         })
 *         .build();
 * CallbackResponse answer = callbacks.dispatch(CallbackRequest.of("POST", target, headers, body));
 * }</pre>
 *
 * <p>Answers: 405 for a method other than POST, 401 for a wrong or missing token (logged at WARN, token redacted), 404
 * for an unknown route, 413 for a body over {@link Builder#maxBodyBytes}, 400 with the parser's message for bad input,
 * 409 while the same event is being handled (the vendor retries later), 200 for a duplicate (handled before: the
 * handler is not run again), else what the endpoint's {@link CallbackPolicy} says. A key is marked seen only after
 * its handler succeeded, so a failure leaves it open to the vendor's retry; two deliveries of one key never run the
 * handler at the same time in this dispatcher. Thread-safe; close it to finish background work.
 */
public final class CallbackDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("com.docsdk.callback");
    /** Longest failure message answered to a vendor. */
    static final int MAX_MESSAGE = 1000;

    private final CallbackUrls urls;
    private final SeenStore seen;
    private final Map<String, Route<?>> routes;
    private final long maxBodyBytes;
    private final Clock clock;
    private final int maxOutcomes;
    private final Duration closeTimeout;
    private final ExecutorService executor;
    private final boolean ownExecutor;
    private final Map<String, Boolean> inFlight = new ConcurrentHashMap<>();
    private final LinkedHashMap<String, CallbackOutcome> outcomes = new LinkedHashMap<>();

    private record Route<E extends CallbackEvent>(CallbackEndpoint<E> endpoint, CallbackHandler<? super E> handler) {
    }

    private CallbackDispatcher(Builder b) {
        this.urls = b.urls;
        this.seen = b.seen;
        this.routes = Map.copyOf(b.routes);
        this.maxBodyBytes = b.maxBodyBytes;
        this.clock = b.clock;
        this.maxOutcomes = b.maxOutcomes;
        this.closeTimeout = b.closeTimeout;
        boolean background = routes.values().stream()
                .anyMatch(r -> r.endpoint().policy().acknowledgeAfter().isPresent());
        if (b.executor != null) {
            this.executor = b.executor;
            this.ownExecutor = false;
        } else if (background) {
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(b.backgroundThreads, b.backgroundThreads, 30,
                    TimeUnit.SECONDS, new LinkedBlockingQueue<>(b.backgroundQueue), r -> {
                        Thread t = new Thread(r, "docsdk-callback-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            this.executor = pool;
            this.ownExecutor = true;
        } else {
            this.executor = null;
            this.ownExecutor = false;
        }
    }

    /** A dispatcher builder for the URLs minted by {@code urls} (the token they carry is required on every call). */
    public static Builder builder(CallbackUrls urls) {
        return new Builder(urls);
    }

    /** Handles one request and says what to answer. Never throws for anything a caller sends. */
    public CallbackResponse dispatch(CallbackRequest request) {
        ClientValidationException.requireNonNull("request", request);
        if (!"POST".equals(request.method())) {
            return new CallbackResponse(405, "callbacks are POST requests");
        }
        Optional<String> route = urls.match(request.target());
        if (route.isEmpty()) {
            LOG.warn("callback refused: wrong or missing token on {}", CallbackUrls.redactTarget(request.target()));
            return new CallbackResponse(401, "wrong or missing callback token");
        }
        Route<?> r = routes.get(route.get());
        if (r == null) {
            return new CallbackResponse(404, "no callback route '" + route.get() + "'");
        }
        if (request.bodyLength() > maxBodyBytes) {
            return new CallbackResponse(413, "body over " + maxBodyBytes + " bytes");
        }
        return handle(route.get(), r, request);
    }

    /** The outcome of the last delivery of {@code idempotencyKey}, if this dispatcher still remembers it. */
    public Optional<CallbackOutcome> outcome(String idempotencyKey) {
        synchronized (outcomes) {
            return Optional.ofNullable(outcomes.get(idempotencyKey));
        }
    }

    /** The remembered outcomes, oldest first. */
    public List<CallbackOutcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes.values());
        }
    }

    /**
     * Stops taking background work and waits (up to the builder's {@code closeTimeout}) for running handlers; then
     * closes the seen-store. Outcomes stay readable.
     */
    @Override
    public void close() {
        if (executor != null && ownExecutor) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("callback handlers still running after {}; their events stay unseen", closeTimeout);
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                executor.shutdownNow();
            }
        }
        seen.close();
    }

    @Override
    public String toString() {
        return "CallbackDispatcher[" + urls + ", routes=" + routes.keySet() + ", seen=" + seen + "]";
    }

    // ---------------------------------------------------------------------------------------------------------------

    private <E extends CallbackEvent> CallbackResponse handle(String route, Route<E> r, CallbackRequest request) {
        CallbackEndpoint<E> endpoint = r.endpoint();
        E event;
        try {
            event = endpoint.parser().parse(request);
            if (event == null) {
                return new CallbackResponse(400, "the body holds no event");
            }
        } catch (ClientValidationException e) {
            return new CallbackResponse(400, message(e));
        } catch (RuntimeException e) {
            LOG.warn("callback parser for route {} threw {}", route, e.getClass().getName());
            return new CallbackResponse(400, "the body cannot be read");
        }
        String key = event.idempotencyKey();
        if (inFlight.putIfAbsent(key, Boolean.TRUE) != null) {
            return new CallbackResponse(409, "this event is being handled; send it again later");
        }
        boolean released = false;
        try {
            if (seen.isSeen(key)) {
                record(key, route, CallbackOutcome.State.DUPLICATE, "already handled", true);
                return new CallbackResponse(endpoint.policy().successStatus(), "duplicate: already handled");
            }
            Optional<Duration> ack = endpoint.policy().acknowledgeAfter();
            if (ack.isEmpty()) {
                Optional<String> failure = run(route, r.handler(), event, true);
                return answer(endpoint.policy(), failure);
            }
            record(key, route, CallbackOutcome.State.PROCESSING, "handling in the background", true);
            CompletableFuture<Optional<String>> done;
            try {
                done = CompletableFuture.supplyAsync(() -> {
                    try {
                        return run(route, r.handler(), event, false);
                    } finally {
                        inFlight.remove(key);
                    }
                }, executor);
            } catch (RejectedExecutionException e) {
                record(key, route, CallbackOutcome.State.FAILED, "no capacity to handle it", false);
                return new CallbackResponse(503, "too many callbacks being handled; send it again later");
            }
            released = true; // the background task releases the key
            try {
                return answer(endpoint.policy(), done.get(ack.get().toNanos(), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                return new CallbackResponse(endpoint.policy().successStatus(), "accepted; handling in the background");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new CallbackResponse(endpoint.policy().successStatus(), "accepted; handling in the background");
            } catch (ExecutionException e) {
                return answer(endpoint.policy(), Optional.of("the handler could not run"));
            }
        } finally {
            if (!released) {
                inFlight.remove(key);
            }
        }
    }

    /** Runs the handler; empty on success (the key is then seen), else the failure's message. */
    private <E extends CallbackEvent> Optional<String> run(String route, CallbackHandler<? super E> handler, E event,
            boolean newDelivery) {
        String key = event.idempotencyKey();
        try {
            handler.handle(event);
        } catch (Exception | LinkageError | AssertionError e) {
            String message = message(e);
            LOG.warn("callback handler failed on route {} for {}: {}", route, urls.redact(key),
                    message.length() <= 200 ? message : message.substring(0, 200) + "...");
            record(key, route, CallbackOutcome.State.FAILED, message, newDelivery);
            return Optional.of(message);
        }
        try {
            seen.markSeen(key);
        } catch (RuntimeException e) {
            String message = "handled, but the seen-store failed: " + message(e);
            LOG.warn("callback on route {}: {}", route, message);
            record(key, route, CallbackOutcome.State.FAILED, message, newDelivery);
            return Optional.of(message);
        }
        record(key, route, CallbackOutcome.State.SUCCEEDED, "handled", newDelivery);
        return Optional.empty();
    }

    private static CallbackResponse answer(CallbackPolicy policy, Optional<String> failure) {
        return failure.map(m -> new CallbackResponse(policy.failureStatus(), m))
                .orElseGet(() -> new CallbackResponse(policy.successStatus(), "ok"));
    }

    private String message(Throwable e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        m = urls.redact(m);
        return m.length() <= MAX_MESSAGE ? m : m.substring(0, MAX_MESSAGE) + "...";
    }

    private void record(String key, String route, CallbackOutcome.State state, String message, boolean newDelivery) {
        synchronized (outcomes) {
            CallbackOutcome previous = outcomes.remove(key);
            int deliveries = (previous == null ? 0 : previous.deliveries()) + (newDelivery ? 1 : 0);
            outcomes.put(key, new CallbackOutcome(key, route, state, message, deliveries, clock.instant()));
            Iterator<String> oldest = outcomes.keySet().iterator();
            while (outcomes.size() > maxOutcomes) {
                oldest.next();
                oldest.remove();
            }
        }
    }

    /** Builds a {@link CallbackDispatcher}. */
    public static final class Builder {
        private final CallbackUrls urls;
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();
        private SeenStore seen = SeenStore.inMemory();
        private long maxBodyBytes = 1L << 20;
        private Clock clock = Clock.systemUTC();
        private int maxOutcomes = 10_000;
        private Duration closeTimeout = Duration.ofSeconds(30);
        private ExecutorService executor;
        private int backgroundThreads = 4;
        private int backgroundQueue = 1000;

        private Builder(CallbackUrls urls) {
            this.urls = ClientValidationException.requireNonNull("urls", urls);
        }

        /** Handles {@code endpoint}'s events with {@code handler}; one handler per route. */
        public <E extends CallbackEvent> Builder on(CallbackEndpoint<E> endpoint, CallbackHandler<? super E> handler) {
            ClientValidationException.requireNonNull("endpoint", endpoint);
            ClientValidationException.requireNonNull("handler", handler);
            ClientValidationException.require(!routes.containsKey(endpoint.route()), "endpoint",
                    "route '" + endpoint.route() + "' already has a handler");
            routes.put(endpoint.route(), new Route<>(endpoint, handler));
            return this;
        }

        /** Where handled keys are remembered (default: in memory, 100,000 keys for 7 days). */
        public Builder seenStore(SeenStore store) {
            this.seen = ClientValidationException.requireNonNull("seenStore", store);
            return this;
        }

        /** Largest body handled (default 1 MiB); larger ones are answered 413. */
        public Builder maxBodyBytes(long bytes) {
            ClientValidationException.require(bytes > 0, "maxBodyBytes", "must be positive, got " + bytes);
            this.maxBodyBytes = bytes;
            return this;
        }

        /** The clock of the outcomes' timestamps. */
        public Builder clock(Clock clock) {
            this.clock = ClientValidationException.requireNonNull("clock", clock);
            return this;
        }

        /** How many outcomes are remembered (default 10,000; the oldest are forgotten). */
        public Builder maxOutcomes(int max) {
            ClientValidationException.require(max > 0, "maxOutcomes", "must be positive, got " + max);
            this.maxOutcomes = max;
            return this;
        }

        /** How long {@link CallbackDispatcher#close()} waits for background handlers (default 30 s). */
        public Builder closeTimeout(Duration timeout) {
            ClientValidationException.requireNonNull("closeTimeout", timeout);
            ClientValidationException.require(!timeout.isNegative(), "closeTimeout", "must not be negative");
            this.closeTimeout = timeout;
            return this;
        }

        /**
         * Runs background handlers on {@code executor} (yours: the dispatcher does not shut it down) instead of its
         * own pool.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = ClientValidationException.requireNonNull("executor", executor);
            return this;
        }

        /** Size of the own background pool (default 4 threads, 1000 queued events; more are answered 503). */
        public Builder backgroundPool(int threads, int queue) {
            ClientValidationException.require(threads > 0, "threads", "must be positive, got " + threads);
            ClientValidationException.require(queue > 0, "queue", "must be positive, got " + queue);
            this.backgroundThreads = threads;
            this.backgroundQueue = queue;
            return this;
        }

        /**
         * The dispatcher.
         *
         * @throws ClientValidationException naming {@code endpoint} when no handler was registered
         */
        public CallbackDispatcher build() {
            ClientValidationException.require(!routes.isEmpty(), "endpoint", "register at least one with on(...)");
            return new CallbackDispatcher(this);
        }
    }
}
