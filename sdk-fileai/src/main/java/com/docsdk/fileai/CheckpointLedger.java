package com.docsdk.fileai;

import com.docsdk.fileai.model.FileInfo;
import com.docsdk.fileai.model.IntegrationExportStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SyncLedger} of one worker: the JSON checkpoint in an {@link ExportCheckpointStore}, saved after each step. */
final class CheckpointLedger implements SyncLedger {
    private final ExportCheckpointStore store;
    private final ExportCheckpoint checkpoint;
    private final Duration echoWindow;

    CheckpointLedger(ExportCheckpointStore store, Duration echoWindow) {
        this.store = store;
        this.checkpoint = store.read().map(ExportCheckpoint::fromJson).orElseGet(ExportCheckpoint::new);
        this.echoWindow = echoWindow;
    }

    @Override
    public Optional<Instant> watermark() {
        return checkpoint.watermark();
    }

    @Override
    public Map<String, Resume> pending() {
        Map<String, Resume> out = new LinkedHashMap<>();
        checkpoint.pending().forEach((id, p) -> out.put(id, new Resume(p.kind(), p.messages())));
        return out;
    }

    @Override
    public Decision begin(FileInfo file) {
        ExportCheckpoint.Reported done = checkpoint.reported().get(file.getFileId());
        OffsetDateTime updated = file.getUpdatedAt();
        Instant updatedAt = updated == null ? null : updated.toInstant();
        boolean echo = done != null && (updatedAt == null || !updatedAt.isAfter(done.at().plus(echoWindow)));
        if (echo || file.getIntegrationExportStatus() == IntegrationExportStatus.COMPLETED) {
            return new Skip();
        }
        return new Run(false);
    }

    @Override
    public boolean outcome(String fileId, ExportOutcome.Kind kind, List<String> messages) {
        checkpoint.pending().put(fileId, new ExportCheckpoint.Pending(kind, messages));
        save();
        return true;
    }

    @Override
    public void reported(String fileId, String status, Instant at) {
        checkpoint.pending().remove(fileId);
        checkpoint.reported().put(fileId, new ExportCheckpoint.Reported(status, at));
        save();
    }

    @Override
    public void gone(String fileId) {
        checkpoint.pending().remove(fileId);
        save();
    }

    @Override
    public void deferred(String fileId) {
        // nothing recorded: the watermark stays before the file, so the next run lists it again
    }

    @Override
    public Optional<Instant> advance(Instant from, Instant next) {
        Instant watermark = from != null && next.isBefore(from) ? from : next;
        checkpoint.watermark(watermark);
        checkpoint.reported().values().removeIf(r -> r.at().plus(echoWindow).isBefore(watermark));
        save();
        return checkpoint.watermark();
    }

    private void save() {
        store.write(checkpoint.toJson());
    }
}
