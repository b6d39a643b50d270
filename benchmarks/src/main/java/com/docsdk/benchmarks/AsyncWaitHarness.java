package com.docsdk.benchmarks;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.wait.Poller;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.ResponseReader;
import com.docsdk.core.SdkModule;
import com.docsdk.core.Transport;
import com.google.gson.Gson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Starts 1,000 concurrent asynchronous waits ({@link Poller#awaitAsync()}) on jobs of a loopback server that turn
 * final at random moments within a few seconds, and reports the threads used, the polls made and the delay between
 * a job turning final and its future completing (p50, p99, max).
 *
 * <p>Arguments: {@code [waits] [pollIntervalMillis]}.
 */
public final class AsyncWaitHarness {
    private AsyncWaitHarness() {
    }

    record Job(String id, String status) {
    }

    public static void main(String[] args) throws Exception {
        int waits = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long intervalMillis = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Gson gson = new Gson();
        try (LoopbackServer server = new LoopbackServer();
                Transport transport = Transport.builder(SdkModule.CORE).baseUrl(server.baseUrl())
                        .okHttpClient(new OkHttpClient.Builder()
                                .connectionPool(new ConnectionPool(16, 1, TimeUnit.MINUTES)).build())
                        .credentials(Credentials.apiKey("x-api-key", "benchmark-key")).build()) {
            int threadsBefore = threads.getThreadCount();
            threads.resetPeakThreadCount();
            Random random = new Random(1);
            long start = System.nanoTime();
            long[] finish = new long[waits];
            long[] done = new long[waits];
            AtomicInteger polls = new AtomicInteger();
            java.util.concurrent.atomic.AtomicLong pollNanos = new java.util.concurrent.atomic.AtomicLong();
            PollOptions options = PollOptions.builder().interval(Duration.ofMillis(intervalMillis))
                    .backoffMultiplier(1.0).timeout(Duration.ofMinutes(2)).build();
            List<CompletableFuture<Job>> futures = new ArrayList<>();
            for (int i = 0; i < waits; i++) {
                String id = "job-" + i;
                finish[i] = start + TimeUnit.MILLISECONDS.toNanos(500 + random.nextInt(4500));
                server.job(id, finish[i]);
                Request request = new Request.Builder().url(server.baseUrl() + "/jobs/" + id).build();
                int index = i;
                futures.add(Poller.<Job>builder("job " + id)
                        .pollResponse(() -> {
                            polls.incrementAndGet();
                            long t0 = System.nanoTime();
                            try {
                                return transport.execute(request, RequestOptions.none(),
                                        ResponseReader.json(gson, Job.class));
                            } finally {
                                pollNanos.addAndGet(System.nanoTime() - t0);
                            }
                        })
                        .status(Job::status).succeededOn("available").inProgressOn("in_progress")
                        .options(options).runtime(transport).build()
                        .awaitAsync()
                        .whenComplete((job, error) -> done[index] = System.nanoTime()));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
            long totalMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            double[] lag = new double[waits];
            for (int i = 0; i < waits; i++) {
                lag[i] = (done[i] - finish[i]) / 1e6;
            }
            Arrays.sort(lag);
            System.out.printf(Locale.ROOT, "%d async waits, poll interval %d ms, all done in %d ms%n", waits,
                    intervalMillis, totalMillis);
            System.out.printf(Locale.ROOT, "threads: %d before, peak %d (+%d), SDK poll threads %d%n", threadsBefore,
                    threads.getPeakThreadCount(), threads.getPeakThreadCount() - threadsBefore,
                    Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().startsWith("docsdk-poll")).count());
            System.out.printf(Locale.ROOT, "polls: %d (%.1f per wait), mean poll call %.2f ms%n", polls.get(),
                    polls.get() / (double) waits, pollNanos.get() / 1e6 / polls.get());
            System.out.printf(Locale.ROOT, "final-to-complete delay: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    lag[waits / 2], lag[(int) Math.ceil(waits * 0.99) - 1], lag[waits - 1]);
        }
    }
}
