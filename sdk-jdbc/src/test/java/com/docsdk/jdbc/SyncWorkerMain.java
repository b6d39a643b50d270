package com.docsdk.jdbc;

import com.docsdk.core.error.SdkException;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.store.IntegrationStore;
import com.docsdk.fileai.ExportOutcome;
import com.docsdk.fileai.ExportSyncOptions;
import com.docsdk.fileai.ExportSyncResult;
import com.docsdk.fileai.FileAiClient;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A worker process of {@link MultiProcessSyncTest}: syncs fileAI through a PostgreSQL store until killed, writing
 * {@code handled <id>} before each handler returns and {@code lost <id>} for each lost claim to a log file.
 * Arguments: fileAI base URL, JDBC URL, scope, log file.
 */
public final class SyncWorkerMain {
    private SyncWorkerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(args[1]);
        db.setUser("postgres");
        IntegrationStore store = JdbcIntegrationStore.builder(db).maxClockSkew(Duration.ofMillis(100)).build();
        String worker = IntegrationStore.newWorkerId();
        try (PrintStream log = new PrintStream(new FileOutputStream(args[3], true), true, StandardCharsets.UTF_8);
                FileAiClient client = FileAiClient.builder().apiKey("test-key").baseUrl(args[0])
                        .retryPolicy(RetryPolicy.builder().maxRetries(3).baseDelay(Duration.ofMillis(5))
                                .maxBackoff(Duration.ofMillis(20)).build()).build()) {
            while (true) {
                try {
                    ExportSyncResult r = client.syncExports(store, file -> {
                        log.println("handled " + file.getFileId());
                        return ExportOutcome.completed();
                    }, ExportSyncOptions.builder().scope(args[2]).workerId(worker)
                            .claimTtl(Duration.ofSeconds(5)).build());
                    r.lostClaims().forEach(id -> log.println("lost " + id));
                    if (r.completed().isEmpty() && r.resumed().isEmpty()) {
                        Thread.sleep(20);
                    }
                } catch (SdkException e) {
                    Thread.sleep(10);
                }
            }
        }
    }
}
