package com.docsdk.core.wait;

import com.docsdk.core.SdkResponse;
import com.docsdk.core.Sleeper;
import com.docsdk.core.Transport;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.internal.ServerDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits on a long-running operation (an export, a processing job) by polling it until it succeeds, fails or the
 * wait times out. Modelled on AWS SDK v2 waiters and Azure's {@code SyncPoller}.
 *
 * <ul>
 *   <li>The vendor's status string is mapped to {@link PollStatus} case-insensitively ({@code "Available"},
 *       {@code "AVAILABLE"} and {@code "available"} are the same). A status never seen before counts as in progress
 *       and is logged once at WARN: a new vendor status never crashes a wait.</li>
 *   <li>Timing comes from {@link PollOptions}; a {@code Retry-After} on a poll response replaces the next interval.</li>
 *   <li>{@link #await()} blocks (interruptible); {@link #awaitAsync()} returns a future driven by the client's
 *       {@link PollScheduler}, so a thousand waits share a handful of threads. Cancelling the future stops polling.</li>
 * </ul>
 *
 * <pre>{@code
 * Poller<ExportStatus> poller = Poller.<ExportStatus>builder("WebAdMIT export " + id)
 *         .pollResponse(() -> exports.statusWithResponse(id))
 *         .status(ExportStatus::getStatus)
 *         .succeededOn("available").failedOn("failed", "error").inProgressOn("queued", "in_progress")
 *         .options(PollOptions.builder().timeout(Duration.ofMinutes(30)).build())
 *         .listener(o -> System.out.println(o.statusText()))
 *         .runtime(transport)
 *         .build();
 * ExportStatus done = poller.await();
 * }</pre>
 *
 * @param <T> the polled resource
 */
public final class Poller<T> {
    private static final Logger LOG = LoggerFactory.getLogger("com.docsdk.poll");

    private final String operation;
    private final Supplier<SdkResponse<T>> poll;
    private final Function<T, String> status;
    private final Function<T, PollStatus> classifier;
    private final Function<T, List<String>> failureMessages;
    private final PollOptions options;
    private final Consumer<PollObservation<T>> listener;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Supplier<PollScheduler> scheduler;

    private Poller(Builder<T> b) {
        this.operation = b.operation;
        this.poll = b.poll;
        this.status = b.status;
        this.classifier = b.classifier;
        this.failureMessages = b.failureMessages;
        this.options = b.options;
        this.listener = b.listener;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.scheduler = b.scheduler;
    }

    /** A poller builder; {@code operation} names what is waited on in messages and logs. */
    public static <T> Builder<T> builder(String operation) {
        return new Builder<>(operation);
    }

    /**
     * Polls until the operation finishes, on the calling thread.
     *
     * @return the resource in its succeeded state
     * @throws WaitFailedException when it failed
     * @throws WaitTimeoutException when it did not finish in time
     * @throws WaitInterruptedException when the thread was interrupted (the flag is restored)
     */
    public T await() {
        Wait wait = new Wait();
        try {
            sleeper.sleep(options.initialDelay());
            while (true) {
                Step<T> step = wait.pollOnce();
                if (step.done()) {
                    return step.value();
                }
                sleeper.sleep(step.delay());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterruptedException(operation, wait.lastStatus, wait.elapsed(), wait.polls, e);
        }
    }

    /**
     * Polls in the background on the {@link PollScheduler}; the future completes with the succeeded resource or
     * exceptionally with the exceptions {@link #await()} throws. Cancelling it stops polling.
     */
    public CompletableFuture<T> awaitAsync() {
        if (scheduler == null) {
            throw new IllegalStateException("this poller has no PollScheduler: build it with runtime(transport)"
                    + " or scheduler(...)");
        }
        return new AsyncWait(scheduler.get()).start();
    }

    /** The outcome of one poll: done with a value, or wait {@code delay} and poll again. */
    private record Step<T>(boolean done, T value, Duration delay) {
    }

    /** The state of one wait. */
    private final class Wait {
        private final Instant start = clock.instant();
        private final Map<String, Boolean> unknownLogged = new HashMap<>();
        private volatile String lastStatus;
        private volatile int polls;

        Duration elapsed() {
            Duration d = Duration.between(start, clock.instant());
            return d.isNegative() ? Duration.ZERO : d;
        }

        Step<T> pollOnce() {
            SdkResponse<T> response = poll.get();
            if (response == null || response.value() == null) {
                throw new SdkException("polling " + operation + " returned no resource");
            }
            T resource = response.value();
            int n = ++polls;
            String text = Optional.ofNullable(status.apply(resource)).orElse("");
            lastStatus = text;
            PollStatus classified = classifier.apply(resource);
            if (classified == null) {
                if (unknownLogged.putIfAbsent(text, Boolean.TRUE) == null) {
                    LOG.warn("{}: status '{}' is not known to this SDK version; treating it as in progress",
                            operation, text);
                }
                classified = PollStatus.IN_PROGRESS;
            }
            Duration elapsed = elapsed();
            if (listener != null) {
                listener.accept(new PollObservation<>(resource, classified, text, n, elapsed));
            }
            LOG.debug("{}: poll {} status '{}' ({}) after {} ms", operation, n, text, classified, elapsed.toMillis());
            if (classified == PollStatus.SUCCEEDED) {
                return new Step<>(true, resource, Duration.ZERO);
            }
            if (classified == PollStatus.FAILED) {
                List<String> messages = failureMessages.apply(resource);
                throw new WaitFailedException(operation, text, messages == null ? List.of() : messages, resource,
                        elapsed, n);
            }
            Duration remaining = options.timeout().minus(elapsed);
            if (remaining.isNegative() || remaining.isZero()) {
                throw new WaitTimeoutException(operation, text, elapsed, n, options.timeout());
            }
            Duration next = response.header("Retry-After")
                    .flatMap(v -> ServerDelay.parseRetryAfter(v, clock))
                    .orElseGet(() -> options.intervalAfter(n));
            return new Step<>(false, null, next.compareTo(remaining) > 0 ? remaining : next);
        }
    }

    /** An asynchronous wait: each poll runs on a worker, each delay on the timer. */
    private final class AsyncWait {
        private final CompletableFuture<T> future = new CompletableFuture<>();
        private final Wait wait = new Wait();
        private final PollScheduler scheduler;
        private volatile Future<?> pending;

        AsyncWait(PollScheduler scheduler) {
            this.scheduler = scheduler;
        }

        CompletableFuture<T> start() {
            future.whenComplete((v, e) -> {
                Future<?> p = pending;
                if (future.isCancelled() && p != null) {
                    p.cancel(true);
                }
            });
            schedule(options.initialDelay());
            return future;
        }

        private void schedule(Duration delay) {
            if (future.isDone()) {
                return;
            }
            try {
                pending = scheduler.timer().schedule(() -> {
                    if (!future.isDone()) {
                        try {
                            pending = scheduler.workers().submit(this::step);
                        } catch (RejectedExecutionException e) {
                            shutDown(e); // the workers stopped while the timer still runs
                        }
                    }
                }, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                shutDown(e);
            }
        }

        private void shutDown(RejectedExecutionException e) {
            future.completeExceptionally(new SdkException("cannot wait for " + operation
                    + ": the client's poll scheduler is shut down", e));
        }

        private void step() {
            if (future.isDone()) {
                return;
            }
            try {
                Step<T> step = wait.pollOnce();
                if (step.done()) {
                    future.complete(step.value());
                } else {
                    schedule(step.delay());
                }
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }
    }

    /** Builds a {@link Poller}; {@code poll}, {@code status} and a status mapping (or a classifier) are required. */
    public static final class Builder<T> {
        private final String operation;
        private Supplier<SdkResponse<T>> poll;
        private Function<T, String> status;
        private Function<T, PollStatus> classifier;
        private final Map<String, PollStatus> mapping = new HashMap<>();
        private Function<T, List<String>> failureMessages = r -> List.of();
        private PollOptions options = PollOptions.defaults();
        private Consumer<PollObservation<T>> listener;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private Supplier<PollScheduler> scheduler;

        private Builder(String operation) {
            this.operation = ClientValidationException.requireNonBlank("operation", operation);
        }

        /** How to fetch the resource once. */
        public Builder<T> poll(Supplier<T> poll) {
            Objects.requireNonNull(poll, "poll");
            this.poll = () -> {
                T value = poll.get();
                return value == null ? null : SdkResponse.of(value, 200, okhttp3.Headers.of(), List.of(), clock);
            };
            return this;
        }

        /** How to fetch the resource once, with the response headers (so {@code Retry-After} is honoured). */
        public Builder<T> pollResponse(Supplier<SdkResponse<T>> poll) {
            this.poll = Objects.requireNonNull(poll, "poll");
            return this;
        }

        /** The vendor's status string of a resource. */
        public Builder<T> status(Function<T, String> status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /** Status strings meaning success (case-insensitive; spaces and dashes count as underscores). */
        public Builder<T> succeededOn(String... statuses) {
            return map(PollStatus.SUCCEEDED, statuses);
        }

        /** Status strings meaning failure. */
        public Builder<T> failedOn(String... statuses) {
            return map(PollStatus.FAILED, statuses);
        }

        /** Status strings meaning "still running"; others not mapped are logged once and treated the same. */
        public Builder<T> inProgressOn(String... statuses) {
            return map(PollStatus.IN_PROGRESS, statuses);
        }

        /**
         * Classifies a resource directly, for statuses that are more than a string (counts, flags). Return
         * {@code null} for "not known": it is logged once and treated as in progress. Replaces the string mapping.
         */
        public Builder<T> classifier(Function<T, PollStatus> classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** The vendor's messages on a failed resource. */
        public Builder<T> failureMessages(Function<T, List<String>> failureMessages) {
            this.failureMessages = Objects.requireNonNull(failureMessages, "failureMessages");
            return this;
        }

        public Builder<T> options(PollOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** Sees every observation (for progress output). Runs on the polling thread: keep it quick. */
        public Builder<T> listener(Consumer<PollObservation<T>> listener) {
            this.listener = listener;
            return this;
        }

        /** Clock, sleeper and async scheduler of a client's transport. */
        public Builder<T> runtime(Transport transport) {
            this.clock = transport.clock();
            this.sleeper = transport.sleeper();
            this.scheduler = transport::pollScheduler; // threads start only when a wait goes async
            return this;
        }

        public Builder<T> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder<T> sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public Builder<T> scheduler(PollScheduler scheduler) {
            Objects.requireNonNull(scheduler, "scheduler");
            this.scheduler = () -> scheduler;
            return this;
        }

        public Poller<T> build() {
            ClientValidationException.requireNonNull("poll", poll);
            ClientValidationException.requireNonNull("status", status);
            if (classifier == null) {
                ClientValidationException.require(!mapping.isEmpty(), "succeededOn",
                        "a status mapping (succeededOn/failedOn/inProgressOn) or a classifier is required");
                Map<String, PollStatus> copy = Map.copyOf(mapping);
                Function<T, String> statusOf = status;
                classifier = r -> {
                    String s = statusOf.apply(r);
                    return s == null ? null : copy.get(normalize(s));
                };
            }
            return new Poller<>(this);
        }

        private Builder<T> map(PollStatus to, String... statuses) {
            List<String> list = new ArrayList<>(List.of(statuses));
            for (String s : list) {
                mapping.put(normalize(ClientValidationException.requireNonBlank("status", s)), to);
            }
            return this;
        }

        static String normalize(String s) {
            return s.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        }
    }
}
