package com.docsdk.fileai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.error.ServerException;
import com.docsdk.testkit.FileAiSimulator;
import com.docsdk.testkit.SimulatedFault;
import com.docsdk.testkit.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole fileAI workflow against the sdk-testkit simulator (stateful, validating every request against the spec):
 * upload, wait for processing, then the pull integration with a crash between an export and its report.
 */
class PullIntegrationFlowTest {
    private static final TestClock CLOCK = TestClock.at(Instant.parse("2025-06-11T10:00:00Z"));

    @RegisterExtension
    static FileAiSimulator fileAi = FileAiSimulator.create().expectApiKey("test-key").pollsUntilProcessed(2)
            .clock(CLOCK);

    @TempDir
    Path dir;

    private FileAiClient client() {
        return FileAiClient.builder().apiKey("test-key").baseUrl(fileAi.baseUrl()).clock(CLOCK)
                .sleeper(CLOCK::advance).retryPolicy(RetryPolicy.none()).build();
    }

    @Test
    void uploadWaitThenExportEachDocumentOnceAcrossACrash() throws Exception {
        Path invoice = Files.writeString(dir.resolve("invoice.pdf"), "%PDF-1.7 invoice");
        String uploadedId;
        try (FileAiClient client = client()) {
            UploadReceipt receipt = client.upload(FileUpload.file(invoice).build());
            assertArrayEquals(Files.readAllBytes(invoice), fileAi.uploadedBytes(receipt.uploadId()).orElseThrow());

            UploadProgress done = client.awaitUpload(receipt.uploadId(), PollOptions.builder()
                    .interval(Duration.ofSeconds(5)).build());
            assertEquals(UploadState.FINISHED, done.state());
            uploadedId = done.fileIds().get(0);
        }
        String other = fileAi.addFile("receipt.png", "image/png");
        CLOCK.advance(Duration.ofMinutes(1));
        ExportCheckpointStore store = ExportCheckpointStore.file(dir.resolve("checkpoint.json"));
        List<String> exported = new ArrayList<>();

        // run 1: the report of the first export meets a 503 (the process gives up there)
        assertThrows(ServerException.class, () -> {
            try (FileAiClient client = client()) {
                client.syncExports(store, file -> {
                    exported.add(file.getFileId());
                    fileAi.injectFaults(SimulatedFault.SERVICE_UNAVAILABLE, 1); // hits the "completed" report
                    return ExportOutcome.completed("Imported to ERP");
                });
            }
        });
        assertEquals(List.of(uploadedId), exported);
        assertEquals(Optional.of("exporting"), fileAi.exportStatus(uploadedId));

        // run 2: the decided outcome is reported without exporting again, then the other file is exported
        CLOCK.advance(Duration.ofMinutes(5));
        ExportSyncResult second;
        try (FileAiClient client = client()) {
            second = client.syncExports(store, file -> {
                exported.add(file.getFileId());
                return ExportOutcome.completed("Imported to ERP");
            });
        }
        assertEquals(List.of(uploadedId), second.resumed());
        assertEquals(List.of(uploadedId, other), exported);
        assertEquals(Optional.of("completed"), fileAi.exportStatus(uploadedId));
        assertEquals(Optional.of("completed"), fileAi.exportStatus(other));
        assertEquals(List.of("Imported to ERP"), fileAi.exportMessages(other));

        // run 3: nothing new
        CLOCK.advance(Duration.ofMinutes(5));
        try (FileAiClient client = client()) {
            ExportSyncResult third = client.syncExports(store, file -> {
                exported.add(file.getFileId());
                return ExportOutcome.completed();
            });
            assertTrue(third.completed().isEmpty());
        }
        assertEquals(List.of(uploadedId, other), exported);
    }
}
