package com.docsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.testkit.FileAiSimulator;
import com.docsdk.testkit.SimulatedFault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight worker processes (JVMs) on one fileAI account through one PostgreSQL store, killed at random with
 * {@code SIGKILL} and restarted, with 5xx storms: afterwards every file was reported {@code completed} exactly once
 * and the handler ran again only for files a killed process had in hand or a claim lost meanwhile.
 */
class MultiProcessSyncTest {
    static final int FILES = Integer.getInteger("docsdk.sync.processFiles", 300);
    static final int WORKERS = 8;

    private final List<Process> processes = new ArrayList<>();
    private FileAiSimulator fileAi;

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        if (fileAi != null) {
            fileAi.stop();
        }
    }

    @Test
    void eightProcessesKilledAtRandomExportEveryFileOnce() throws Exception {
        fileAi = FileAiSimulator.create().expectApiKey("test-key").noRateLimit().validateRequests(false).start();
        for (int i = 0; i < FILES; i++) {
            fileAi.addFile("invoice-" + i + ".pdf", "application/pdf");
        }
        String jdbcUrl = Databases.postgres().getJdbcUrl("postgres", "postgres");
        JdbcIntegrationStore store = JdbcIntegrationStore.builder(Databases.postgresDataSource()).build();
        store.createSchema();
        String scope = "processes-" + System.nanoTime();
        List<Path> logs = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            processes.add(start(jdbcUrl, scope, logs));
        }
        Random random = new Random(7);
        int kills = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline && !allCompleted()) {
            Thread.sleep(500);
            if (kills < 6 && random.nextInt(2) == 0) {
                int victim = random.nextInt(processes.size());
                processes.get(victim).destroyForcibly().waitFor();
                processes.set(victim, start(jdbcUrl, scope, logs));
                kills++;
            }
            if (random.nextInt(3) == 0) {
                fileAi.injectFaults(SimulatedFault.SERVICE_UNAVAILABLE, 1 + random.nextInt(10));
            }
        }
        processes.forEach(Process::destroyForcibly);
        for (Process p : processes) {
            p.waitFor();
        }
        Map<String, Integer> handled = new HashMap<>();
        int lost = 0;
        boolean completed = allCompleted();
        if (!completed) {
            Path out = dir.resolve(logs.get(0).getFileName() + ".out");
            System.out.println("not all completed; the first worker's output:\n"
                    + (Files.exists(out) ? Files.readString(out) : "(none)"));
        }
        assertTrue(completed, "every file completed before the deadline");
        for (Path log : logs) {
            if (!Files.exists(log)) {
                continue; // killed before its first file
            }
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith("handled ")) {
                    handled.merge(line.substring(8), 1, Integer::sum);
                } else if (line.startsWith("lost ")) {
                    lost++;
                }
            }
        }
        List<String> notOnce = new ArrayList<>();
        int rerun = 0;
        for (String id : fileAi.fileIds()) {
            List<String> history = fileAi.exportStatusHistory(id);
            if (history.stream().filter("completed"::equals).count() != 1) {
                notOnce.add(id + " " + history);
            }
            rerun += Math.max(0, handled.getOrDefault(id, 0) - 1);
            assertTrue(handled.getOrDefault(id, 0) >= 1, "the handler never saw " + id);
        }
        System.out.printf("processes: %d files, %d workers, %d kills, %d handler re-runs, %d lost claims%n", FILES,
                WORKERS, kills, rerun, lost);
        assertEquals(List.of(), notOnce.subList(0, Math.min(10, notOnce.size())),
                notOnce.size() + " files not reported completed exactly once");
        assertTrue(rerun <= kills + lost, rerun + " re-runs for " + kills + " kills and " + lost + " lost claims");
    }

    private Process start(String jdbcUrl, String scope, List<Path> logs) throws Exception {
        Path log = dir.resolve("worker-" + logs.size() + ".log");
        logs.add(log);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), SyncWorkerMain.class.getName(), fileAi.baseUrl(), jdbcUrl,
                scope, log.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(log.getFileName() + ".out").toFile()).start();
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
