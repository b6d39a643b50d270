package com.docsdk.benchmarks;

import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.store.IntegrationStore;
import com.docsdk.fileai.ExportCheckpointStore;
import com.docsdk.fileai.ExportOutcome;
import com.docsdk.fileai.ExportSyncOptions;
import com.docsdk.fileai.ExportSyncResult;
import com.docsdk.fileai.FileAiClient;
import com.docsdk.jdbc.JdbcIntegrationStore;
import com.docsdk.testkit.FileAiSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Files per second of the fileAI pull sync against the simulator with 1, 2, 4 and 8 workers (threads) sharing a
 * {@link JdbcIntegrationStore} on a real PostgreSQL, and the store's cost per file: the same sync of one worker on
 * that store, on the in-memory store and on a file checkpoint, in the same run, rounds interleaved, median of the
 * rounds.
 *
 * <p>Arguments: {@code [files] [rounds]} (default 2,000 and 3).
 */
public final class SyncWorkersHarness {
    private SyncWorkersHarness() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            JdbcIntegrationStore jdbc = JdbcIntegrationStore.builder(pg.getPostgresDatabase()).build();
            jdbc.createSchema();
            int[] workerCounts = {1, 2, 4, 8};
            double[][] rates = new double[workerCounts.length][rounds];
            double[][] single = new double[3][rounds];
            run(files, 1, () -> jdbc, null); // warm-up
            for (int r = 0; r < rounds; r++) {
                for (int w = 0; w < workerCounts.length; w++) {
                    rates[w][r] = run(files, workerCounts[w], () -> jdbc, null);
                }
                single[0][r] = run(files, 1, () -> jdbc, null);
                single[1][r] = run(files, 1, IntegrationStore::inMemory, null);
                single[2][r] = run(files, 1, null, ExportCheckpointStore.inMemory());
            }
            System.out.printf(Locale.ROOT, "sync of %,d fileAI files against the simulator, median of %d rounds%n",
                    files, rounds);
            for (int w = 0; w < workerCounts.length; w++) {
                System.out.printf(Locale.ROOT, "  %d worker(s) on PostgreSQL: %,.0f files/s (%s)%n", workerCounts[w],
                        median(rates[w]), range(rates[w]));
            }
            double pgPerFile = 1e6 / median(single[0]);
            double memPerFile = 1e6 / median(single[1]);
            double cpPerFile = 1e6 / median(single[2]);
            System.out.printf(Locale.ROOT, "  one worker: PostgreSQL store %,.0f µs/file, in-memory store %,.0f µs/file,"
                    + " file checkpoint %,.0f µs/file%n", pgPerFile, memPerFile, cpPerFile);
            System.out.printf(Locale.ROOT, "  the PostgreSQL store's cost per file: %,.0f µs%n", pgPerFile - memPerFile);
        }
    }

    /** Files per second of one complete sync of {@code files} new files by {@code workers} threads. */
    private static double run(int files, int workers, Supplier<IntegrationStore> shared,
            ExportCheckpointStore checkpoint) throws Exception {
        try (FileAiSimulator fileAi = FileAiSimulator.create().expectApiKey("k").noRateLimit()
                .validateRequests(false).start()) {
            for (int i = 0; i < files; i++) {
                fileAi.addFile("f" + i + ".pdf", "application/pdf");
            }
            IntegrationStore store = shared == null ? null : shared.get();
            String scope = "bench-" + System.nanoTime();
            AtomicBoolean done = new AtomicBoolean();
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            for (int w = 0; w < workers; w++) {
                Thread t = new Thread(() -> {
                    try (FileAiClient client = FileAiClient.builder().apiKey("k").baseUrl(fileAi.baseUrl())
                            .retryPolicy(RetryPolicy.none()).build()) {
                        ExportSyncOptions options = ExportSyncOptions.builder().scope(scope).build();
                        while (!done.get()) {
                            ExportSyncResult r = store != null
                                    ? client.syncExports(store, f -> ExportOutcome.completed(), options)
                                    : client.syncExports(checkpoint, f -> ExportOutcome.completed(), options);
                            if (r.completed().isEmpty()) {
                                done.set(true);
                            }
                        }
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (String id : fileAi.fileIds()) {
                if (!fileAi.exportStatus(id).map("completed"::equals).orElse(false)) {
                    throw new IllegalStateException("file " + id + " was not exported");
                }
            }
            return files / seconds;
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static String range(double[] values) {
        return String.format(Locale.ROOT, "%,.0f-%,.0f", Arrays.stream(values).min().orElse(0),
                Arrays.stream(values).max().orElse(0));
    }
}
