package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.wait.PollScheduler;
import com.docsdk.core.wait.Poller;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * The SDK's own poll threads never keep an application alive (daemon threads), and {@code close()} stops them: a wait
 * in progress is interrupted and no new wait can start. A scheduler on the application's executors leaves them alone.
 */
class PollSchedulerTest {
    private static final Duration BOUND = Duration.ofSeconds(30); // a hang guard: each wait below returns at once

    /** A poller whose every poll is a GET of {@code path}; "done" ends the wait. */
    private static Poller.Builder<String> poller(Transport transport, String url) {
        return Poller.<String>builder("export 7")
                .pollResponse(() -> transport.execute(new Request.Builder().url(url).build(), RequestOptions.none(),
                        ResponseReader.string()))
                .status(s -> s)
                .succeededOn("done").inProgressOn("running")
                .options(PollOptions.builder().interval(Duration.ofMillis(1)).backoffMultiplier(1.0).build());
    }

    @Test
    void theClientsOwnPollThreadsAreDaemonsAndCloseStopsThem() throws Exception {
        List<Thread> pollThreads = new CopyOnWriteArrayList<>();
        CountDownLatch polling = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Reply.status(200, "text/plain",
                r.path().equals("/jobs/1") ? "done" : "running"));
                Transport transport = TestHttp.transport(server.baseUrl(), Credentials.none()).build()) {
            Poller<String> quick = poller(transport, server.url("/jobs/1")).runtime(transport)
                    .listener(o -> pollThreads.add(Thread.currentThread())).build();
            // Started from a non-daemon thread: the scheduler's threads are daemons because it makes them so.
            assertEquals("done", TransferEdgesTest.onNonDaemonThread(() -> quick.awaitAsync())
                    .get(BOUND.toSeconds(), TimeUnit.SECONDS));
            assertEquals(1, pollThreads.size());
            assertTrue(pollThreads.get(0).isDaemon(), pollThreads.get(0).getName() + " would keep the JVM alive");
            assertTrue(pollThreads.get(0).getName().startsWith("docsdk-poll-"), pollThreads.get(0).getName());

            PollScheduler scheduler = transport.pollScheduler();
            Poller<String> blocked = poller(transport, server.url("/jobs/2")).runtime(transport)
                    .listener(o -> {
                        polling.countDown();
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            interrupted.countDown();
                            Thread.currentThread().interrupt();
                        }
                    }).build();
            CompletableFuture<String> waiting = blocked.awaitAsync();
            assertTrue(polling.await(BOUND.toSeconds(), TimeUnit.SECONDS));

            scheduler.close();
            assertTrue(interrupted.await(BOUND.toSeconds(), TimeUnit.SECONDS), "close() stops a poll in progress");
            ExecutionException late = assertThrows(ExecutionException.class, () -> poller(transport,
                    server.url("/jobs/1")).scheduler(scheduler).build().awaitAsync()
                    .get(BOUND.toSeconds(), TimeUnit.SECONDS));
            assertTrue(late.getCause().getMessage().contains("shut down"), late.getCause().getMessage());
            ExecutionException stopped = assertThrows(ExecutionException.class,
                    () -> waiting.get(BOUND.toSeconds(), TimeUnit.SECONDS));
            assertTrue(stopped.getCause().getMessage().contains("shut down"), stopped.getCause().getMessage());
        }
    }

    @Test
    void closingTheTransportStopsTheSchedulerItCreated() throws Exception {
        try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Reply.status(200, "text/plain", "done"))) {
            Transport transport = TestHttp.transport(server.baseUrl(), Credentials.none()).build();
            PollScheduler own = transport.pollScheduler();
            assertEquals("done", poller(transport, server.url("/jobs/1")).runtime(transport).build().awaitAsync()
                    .get(BOUND.toSeconds(), TimeUnit.SECONDS));
            transport.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> poller(transport,
                    server.url("/jobs/1")).scheduler(own).build().awaitAsync().get(BOUND.toSeconds(),
                    TimeUnit.SECONDS));
            assertInstanceOf(SdkException.class, e.getCause());
        }
    }

    @Test
    void aSchedulerOnTheApplicationsExecutorsLeavesThemRunningOnClose() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Reply.status(200, "text/plain", "done"));
                Transport transport = TestHttp.transport(server.baseUrl(), Credentials.none())
                        .pollScheduler(PollScheduler.using(timer, workers)).build()) {
            PollScheduler given = transport.pollScheduler();
            assertEquals("done", poller(transport, server.url("/jobs/1")).runtime(transport).build().awaitAsync()
                    .get(BOUND.toSeconds(), TimeUnit.SECONDS));
            given.close();
            transport.close();
            assertFalse(timer.isShutdown());
            assertFalse(workers.isShutdown());
        } finally {
            timer.shutdownNow();
            workers.shutdownNow();
        }
    }

    @Test
    void aWaitWhoseWorkersWereShutDownFailsInsteadOfHangingForever() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(1);
        workers.shutdown(); // the application stopped its workers but not its timer
        try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Reply.status(200, "text/plain", "done"));
                Transport transport = TestHttp.transport(server.baseUrl(), Credentials.none()).build()) {
            CompletableFuture<String> f = poller(transport, server.url("/jobs/1"))
                    .scheduler(PollScheduler.using(timer, workers)).build().awaitAsync();
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(BOUND.toSeconds(),
                    TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("shut down"), e.getCause().getMessage());
            assertEquals(0, server.requests().size());
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aSchedulerNeedsAWorker() {
        ClientValidationException e = assertThrows(ClientValidationException.class, () -> PollScheduler.create(0));
        assertEquals("workerThreads", e.field());
        try (PollScheduler one = PollScheduler.create(1)) {
            assertTrue(one.toString().contains("owned=true"), one.toString());
        }
    }

    @Test
    void closingATransportLeavesASchedulerItWasGivenRunning() throws Exception {
        try (PollScheduler given = PollScheduler.create(1)) {
            Transport t = TestHttp.transport("https://api.example.com", Credentials.none()).pollScheduler(given)
                    .build();
            assertEquals(given, t.pollScheduler());
            t.close();
            assertEquals("done", Poller.<String>builder("x").poll(() -> "done").status(s -> s).succeededOn("done")
                    .scheduler(given).build().awaitAsync().get(BOUND.toSeconds(), TimeUnit.SECONDS));
        }
    }
}
