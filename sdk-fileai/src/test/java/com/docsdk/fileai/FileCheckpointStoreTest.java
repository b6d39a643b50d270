package com.docsdk.fileai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.SdkException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-based checkpoint store: atomic replacement, no leftovers, and a checkpoint that survives a round trip. */
class FileCheckpointStoreTest {
    @TempDir
    Path dir;

    @Test
    void readsNothingBeforeTheFirstWriteThenTheLatestWrite() {
        ExportCheckpointStore store = ExportCheckpointStore.file(dir.resolve("a/b/checkpoint.json"));
        assertEquals(Optional.empty(), store.read());

        store.write("{\"format\":1}");
        store.write("{\"format\":1,\"watermark\":\"2025-06-01T08:58:00Z\"}");

        assertEquals(Optional.of("{\"format\":1,\"watermark\":\"2025-06-01T08:58:00Z\"}"), store.read());
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws IOException {
        Path file = dir.resolve("checkpoint.json");
        ExportCheckpointStore store = ExportCheckpointStore.file(file);
        for (int i = 0; i < 20; i++) {
            store.write("{\"n\":" + i + "}");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFailedWriteKeepsThePreviousCheckpoint() throws IOException {
        Path file = dir.resolve("checkpoint.json");
        ExportCheckpointStore store = ExportCheckpointStore.file(file);
        store.write("{\"kept\":true}");
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");

        ExportCheckpointStore broken = ExportCheckpointStore.file(blocker.resolve("checkpoint.json"));
        SdkException e = assertThrows(SdkException.class, () -> broken.write("{}"));

        assertTrue(e.getMessage().contains("cannot write the export checkpoint"), e.getMessage());
        assertEquals(Optional.of("{\"kept\":true}"), store.read());
    }

    @Test
    void theCheckpointSurvivesARoundTrip() {
        ExportCheckpoint cp = new ExportCheckpoint();
        cp.watermark(Instant.parse("2025-06-01T08:58:00Z"));
        cp.reported().put("f1", new ExportCheckpoint.Reported("completed", Instant.parse("2025-06-01T09:00:00Z")));
        cp.pending().put("f2", new ExportCheckpoint.Pending(ExportOutcome.Kind.FAILED, List.of("bad \"quote\"")));

        ExportCheckpoint back = ExportCheckpoint.fromJson(cp.toJson());

        assertEquals(cp.watermark(), back.watermark());
        assertEquals(cp.reported(), back.reported());
        assertEquals(cp.pending(), back.pending());
    }

    @Test
    void aCheckpointOfAnotherFormatIsRefused() {
        SdkException e = assertThrows(SdkException.class, () -> ExportCheckpoint.fromJson("{\"format\": 2}"));
        assertTrue(e.getMessage().contains("not readable"), e.getMessage());
        assertThrows(SdkException.class, () -> ExportCheckpoint.fromJson("[]"));
    }

    @Test
    void theInMemoryStoreKeepsTheLatestCheckpoint() {
        ExportCheckpointStore store = ExportCheckpointStore.inMemory();
        assertEquals(Optional.empty(), store.read());
        store.write("one");
        store.write("two");
        assertEquals(Optional.of("two"), store.read());
        assertEquals("file", assertThrows(ClientValidationException.class,
                () -> ExportCheckpointStore.file(null)).field());
    }
}
