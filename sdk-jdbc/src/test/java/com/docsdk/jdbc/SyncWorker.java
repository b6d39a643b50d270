package com.docsdk.jdbc;

import com.docsdk.core.error.SdkException;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.store.IntegrationStore;
import com.docsdk.fileai.ExportOutcome;
import com.docsdk.fileai.ExportSyncOptions;
import com.docsdk.fileai.ExportSyncResult;
import com.docsdk.fileai.FileAiClient;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * One worker of a multi-worker fileAI sync: runs {@code syncExports} on the shared store again and again until told
 * to stop. A "kill" (the handler throwing {@link Kill}, as a crash between the handler and the outcome record would
 * end a process) starts the worker over under a new id, as a restarted replica would; any other failure (a 5xx storm
 * outlasting the retries, the database away) makes the same worker run again.
 */
final class SyncWorker implements Runnable {
    /** Ends a run as a crash would: not an {@code Exception}, so the sync does not catch it. */
    static final class Kill extends Error {
        private static final long serialVersionUID = 1L;

        Kill() {
            super("killed", null, false, false);
        }
    }

    private final FileAiClient client;
    private final IntegrationStore store;
    private final String scope;
    private final double killRate;
    private final Random random;
    private final BiConsumer<String, Boolean> handled;
    private final AtomicBoolean stop;
    private final Duration claimTtl;
    int runs;
    int kills;
    int failures;
    volatile SdkException firstFailure;
    int takenOver;
    final java.util.List<String> lost = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param handled told of each handler call: the file id, and whether the call was killed
     */
    SyncWorker(String baseUrl, IntegrationStore store, String scope, double killRate, long seed, Duration claimTtl,
            BiConsumer<String, Boolean> handled, AtomicBoolean stop) {
        this.client = FileAiClient.builder().apiKey("test-key").baseUrl(baseUrl)
                .retryPolicy(RetryPolicy.builder().maxRetries(4).baseDelay(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(20)).build())
                .build();
        this.store = store;
        this.scope = scope;
        this.killRate = killRate;
        this.random = new Random(seed);
        this.claimTtl = claimTtl;
        this.handled = handled;
        this.stop = stop;
    }

    @Override
    public void run() {
        String worker = IntegrationStore.newWorkerId();
        try (client) {
            while (!stop.get()) {
                runs++;
                try {
                    ExportSyncResult r = client.syncExports(store, file -> {
                        boolean kill = random.nextDouble() < killRate;
                        handled.accept(file.getFileId(), kill);
                        if (kill) {
                            throw new Kill();
                        }
                        return ExportOutcome.completed();
                    }, ExportSyncOptions.builder().scope(scope).workerId(worker).claimTtl(claimTtl).pageSize(100).build());
                    takenOver += r.takenOver().size();
                    lost.addAll(r.lostClaims());
                    if (r.completed().isEmpty() && r.resumed().isEmpty()) {
                        Thread.sleep(20); // nothing left for this worker right now
                    }
                } catch (Kill k) {
                    kills++;
                    worker = IntegrationStore.newWorkerId();
                } catch (SdkException e) {
                    if (failures++ == 0) {
                        firstFailure = e;
                    }
                    Thread.sleep(10);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
