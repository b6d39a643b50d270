package com.docsdk.fileai;

import com.docsdk.core.Redactor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one run of {@link FileAiClient#syncExports(ExportCheckpointStore, FileExportHandler)} did.
 *
 * <pre>{@code
 * ExportSyncResult r = client.syncExports(store, handler);
 * log.info("exported {}, failed {}, deferred {}, next run from {}", r.completed().size(), r.failed().size(),
 *         r.deferred().size(), r.watermark().orElse(null));
 * }</pre>
 *
 * @param completed ids reported {@code completed} in this run (including pending reports re-sent)
 * @param failed ids reported {@code error} in this run (including pending reports re-sent)
 * @param deferred ids the handler deferred: handed over again next run
 * @param alreadyReported how many listed files were skipped because their final status was already reported
 * @param resumed ids whose outcome, decided by an interrupted earlier run, was reported without calling the handler
 * @param gone ids fileAI no longer knows (HTTP 404 on the status report): nothing to report
 * @param watermark where the next run starts listing (files updated on or after it); empty: from the beginning
 * @param takenOver with an integration store: ids this worker took over from a worker whose claim expired before it
 *     recorded an outcome (it crashed, or its handler outlived the claim), so the handler may have run twice
 * @param lostClaims with an integration store: ids whose claim expired while this worker's handler ran and was taken
 *     over by another worker, which reports them (the handler ran twice)
 */
public record ExportSyncResult(List<String> completed, List<String> failed, List<String> deferred,
        int alreadyReported, List<String> resumed, List<String> gone, Optional<Instant> watermark,
        List<String> takenOver, List<String> lostClaims) {
    /** A result without claims (one worker's checkpoint). */
    public ExportSyncResult(List<String> completed, List<String> failed, List<String> deferred, int alreadyReported,
            List<String> resumed, List<String> gone, Optional<Instant> watermark) {
        this(completed, failed, deferred, alreadyReported, resumed, gone, watermark, List.of(), List.of());
    }

    /** Copies the lists. */
    public ExportSyncResult {
        takenOver = List.copyOf(takenOver);
        lostClaims = List.copyOf(lostClaims);
        completed = List.copyOf(completed);
        failed = List.copyOf(failed);
        deferred = List.copyOf(deferred);
        resumed = List.copyOf(resumed);
        gone = List.copyOf(gone);
    }

    @Override
    public String toString() {
        return "ExportSyncResult[completed=" + Redactor.field("completed", completed) + ", failed="
                + Redactor.field("failed", failed) + ", deferred=" + Redactor.field("deferred", deferred)
                + ", alreadyReported=" + alreadyReported + ", resumed=" + Redactor.field("resumed", resumed) + ", gone="
                + Redactor.field("gone", gone) + ", watermark=" + watermark + ", takenOver="
                + Redactor.field("takenOver", takenOver) + ", lostClaims=" + Redactor.field("lostClaims", lostClaims)
                + ']';
    }
}
