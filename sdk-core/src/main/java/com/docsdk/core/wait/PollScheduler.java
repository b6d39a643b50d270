package com.docsdk.core.wait;

import com.docsdk.core.error.ClientValidationException;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads behind asynchronous waits ({@link Poller#awaitAsync()}): one timer thread that schedules the next poll and a
 * small pool of workers that run the (blocking) polls. A thousand concurrent waits use these few threads, not a
 * thousand. Each client owns one unless given a shared one; sharing across clients is fine.
 *
 * <pre>{@code
 * PollScheduler shared = PollScheduler.create(8);
 * WebAdmitClient a = WebAdmitClient.builder().pollScheduler(shared)...build();
 * // ... shared.close() at shutdown
 * }</pre>
 */
public final class PollScheduler implements AutoCloseable {
    /** Worker threads of a scheduler a client creates for itself. */
    public static final int DEFAULT_WORKERS = 4;

    private final ScheduledExecutorService timer;
    private final ExecutorService workers;
    private final boolean owned;

    private PollScheduler(ScheduledExecutorService timer, ExecutorService workers, boolean owned) {
        this.timer = timer;
        this.workers = workers;
        this.owned = owned;
    }

    /** A scheduler with its own daemon threads: one timer and {@code workerThreads} workers. */
    public static PollScheduler create(int workerThreads) {
        ClientValidationException.require(workerThreads > 0, "workerThreads", "must be at least 1");
        return new PollScheduler(Executors.newSingleThreadScheduledExecutor(daemon("docsdk-poll-timer")),
                Executors.newFixedThreadPool(workerThreads, daemon("docsdk-poll-worker")), true);
    }

    /** A scheduler on the application's executors; {@link #close()} leaves them running. */
    public static PollScheduler using(ScheduledExecutorService timer, ExecutorService workers) {
        return new PollScheduler(Objects.requireNonNull(timer, "timer"), Objects.requireNonNull(workers, "workers"),
                false);
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    ExecutorService workers() {
        return workers;
    }

    /** Stops the threads this scheduler created; pending async waits are left incomplete. */
    @Override
    public void close() {
        if (owned) {
            timer.shutdownNow();
            workers.shutdownNow();
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "PollScheduler{owned=" + owned + '}';
    }
}
