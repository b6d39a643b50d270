package com.docsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.docsdk.testkit.FileAiSimulator;
import com.docsdk.testkit.SimulatedFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Eight workers (threads) on one fileAI account through one integration store, with workers killed at random
 * between their handler and the outcome record, and 5xx storms: afterwards every file was reported
 * {@code completed} exactly once, none is left without a final report, and the handler ran once per file except
 * for the files a killed worker had in hand (each run again exactly once per kill).
 */
class MultiWorkerSyncTest {
    static final int FILES = Integer.getInteger("docsdk.sync.files", 2_000);
    static final int WORKERS = 8;

    private FileAiSimulator fileAi;

    @BeforeEach
    void seed() {
        fileAi = FileAiSimulator.create().expectApiKey("test-key").noRateLimit().validateRequests(false).start();
        for (int i = 0; i < FILES; i++) {
            fileAi.addFile("invoice-" + i + ".pdf", "application/pdf");
        }
    }

    @AfterEach
    void stop() {
        fileAi.stop();
    }

    @Test
    void eightThreadWorkersOnPostgresExportEveryFileOnce() throws Exception {
        runWorkers(Databases.postgresDataSource(), "pg-threads");
    }

    @Test
    void eightThreadWorkersOnH2ExportEveryFileOnce() throws Exception {
        runWorkers(Databases.h2(), "h2-threads");
    }

    private void runWorkers(DataSource db, String name) throws Exception {
        String scope = name + "-" + System.nanoTime();
        JdbcIntegrationStore store = JdbcIntegrationStore.builder(db).maxClockSkew(Duration.ofMillis(100)).build();
        store.createSchema();
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> killed = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<SyncWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            SyncWorker worker = new SyncWorker(fileAi.baseUrl(), store, scope, 0.002, w, Duration.ofSeconds(5),
                    (id, kill) -> {
                        calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                        if (kill) {
                            killed.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                        }
                    }, stop);
            workers.add(worker);
            Thread t = new Thread(worker, "sync-worker-" + w);
            threads.add(t);
            t.start();
        }
        Random storms = new Random(42);
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        int stormCount = 0;
        while (System.nanoTime() < deadline && !allCompleted()) {
            Thread.sleep(200);
            if (storms.nextInt(15) == 0) {
                fileAi.injectFaults(storms.nextBoolean() ? SimulatedFault.SERVICE_UNAVAILABLE
                        : SimulatedFault.INTERNAL_SERVER_ERROR, 1 + storms.nextInt(8));
                stormCount++;
            }
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join(30_000);
        }
        int kills = workers.stream().mapToInt(w -> w.kills).sum();
        int takenOver = workers.stream().mapToInt(w -> w.takenOver).sum();
        Map<String, Integer> lost = new ConcurrentHashMap<>();
        workers.forEach(w -> w.lost.forEach(id -> lost.merge(id, 1, Integer::sum)));
        List<String> notOnce = new ArrayList<>();
        List<String> handledTwice = new ArrayList<>();
        int rerun = 0;
        for (String id : fileAi.fileIds()) {
            List<String> history = fileAi.exportStatusHistory(id);
            long completed = history.stream().filter("completed"::equals).count();
            if (completed != 1 || !"completed".equals(history.get(history.size() - 1))) {
                notOnce.add(id + " " + history);
            }
            int ran = calls.getOrDefault(id, new AtomicInteger()).get();
            int expected = 1 + killed.getOrDefault(id, new AtomicInteger()).get() + lost.getOrDefault(id, 0);
            if (ran != expected) {
                handledTwice.add(id + ": handler ran " + ran + " times, expected " + expected);
            }
            rerun += ran - 1;
        }
        System.out.printf("%s: %d files, %d workers, %d runs, %d kills, %d lost claims, %d taken over, %d storms,"
                + " %d failed runs, %d handler re-runs, %d not completed once%n", name, FILES, WORKERS,
                workers.stream().mapToInt(w -> w.runs).sum(), kills, lost.values().stream().mapToInt(i -> i).sum(),
                takenOver, stormCount, workers.stream().mapToInt(w -> w.failures).sum(), rerun, notOnce.size());
        workers.stream().filter(w -> w.firstFailure != null).findFirst().ifPresent(w -> System.out.println(
                "first failed run: " + w.firstFailure));
        assertEquals(List.of(), notOnce.subList(0, Math.min(10, notOnce.size())),
                notOnce.size() + " files not reported completed exactly once");
        assertEquals(List.of(), handledTwice.subList(0, Math.min(10, handledTwice.size())),
                handledTwice.size() + " files handled more often than kills and lost claims explain");
        assertEquals(FILES, fileAi.fileIds().size());
        assertEquals(Optional.empty(), store.oldestUnfinished(scope));
    }

    private boolean allCompleted() {
        for (String id : fileAi.fileIds()) {
            if (!fileAi.exportStatus(id).map("completed"::equals).orElse(false)) {
                return false;
            }
        }
        return true;
    }
}
