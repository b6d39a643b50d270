package com.docsdk.fileai;

import com.docsdk.core.error.ClientValidationException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@link FileAiClient#syncExports(ExportCheckpointStore, FileExportHandler)} keeps its checkpoint between runs:
 * how far it got and which files it reported. The checkpoint is an opaque text (JSON) written by the SDK; a store only
 * keeps the latest one. The SDK writes after every step, so a crash loses nothing.
 *
 * <p>Implement it to keep checkpoints in your database; {@link #write(String)} must replace the previous checkpoint
 * atomically (all or nothing), e.g. one row updated in one transaction. One store serves one worker: do not run
 * two syncs on the same store at the same time. For several workers on one integration, share an
 * {@link com.docsdk.core.store.IntegrationStore} instead
 * ({@link FileAiClient#syncExports(com.docsdk.core.store.IntegrationStore, FileExportHandler, ExportSyncOptions)}).
 *
 * <pre>{@code
 * ExportCheckpointStore onDisk = ExportCheckpointStore.file(Path.of("/var/lib/erp-sync/fileai-checkpoint.json"));
 * ExportCheckpointStore inDb = new ExportCheckpointStore() {
 *     public Optional<String> read() { return jdbc.queryForOptional("select cp from sync where name='fileai'"); }
 *     public void write(String cp) { jdbc.update("update sync set cp = ? where name='fileai'", cp); }
 * };
 * }</pre>
 */
public interface ExportCheckpointStore {
    /** The latest checkpoint written, or empty before the first run. */
    Optional<String> read();

    /** Replaces the checkpoint, atomically. */
    void write(String checkpoint);

    /**
     * A store in one file, replaced atomically on every write (written to a temporary file in the same folder,
     * flushed to disk, then moved over the old one): a crash leaves either the old or the new checkpoint.
     */
    static ExportCheckpointStore file(Path file) {
        return new FileCheckpointStore(ClientValidationException.requireNonNull("file", file));
    }

    /** A store in memory, for tests and one-off runs: the checkpoint is lost with the process. */
    static ExportCheckpointStore inMemory() {
        return new InMemoryCheckpointStore();
    }
}
