package com.docsdk.fileai;

import com.docsdk.fileai.model.FileInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a sync run keeps what it did, so that nothing is handed over twice or lost: one worker's checkpoint
 * ({@link CheckpointLedger}) or the integration store every worker shares ({@link SharedLedger}).
 */
interface SyncLedger {
    /** What to do with a listed file. */
    sealed interface Decision permits Skip, Run, Resume {
    }

    /** Already reported (or being handled by another worker): nothing to do. */
    record Skip() implements Decision {
    }

    /**
     * Hand it to the handler.
     *
     * @param takenOver the file was claimed by a worker whose claim expired: its handler may have run already
     */
    record Run(boolean takenOver) implements Decision {
    }

    /** Report this outcome, recorded by a run that ended before reporting it, without calling the handler. */
    record Resume(ExportOutcome.Kind kind, List<String> messages) implements Decision {
    }

    /** Where the listing starts. */
    Optional<Instant> watermark();

    /** Outcomes an earlier run recorded but did not report, to report before listing (by file id). */
    Map<String, Resume> pending();

    /** What to do with a listed file. */
    Decision begin(FileInfo file);

    /** Records an outcome before it is reported; false when this worker no longer holds the file (skip the report). */
    boolean outcome(String fileId, ExportOutcome.Kind kind, List<String> messages);

    /** The final status was reported to fileAI at {@code at} (fileAI's time when it said, else ours). */
    void reported(String fileId, String status, Instant at);

    /** fileAI no longer knows the file (404): nothing more to report. */
    void gone(String fileId);

    /** The handler deferred the file: it is handed over again by a later run. */
    void deferred(String fileId);

    /**
     * Moves the watermark to {@code next} at most (never backwards from {@code from}, never past a file not finished
     * yet), forgetting reports too old to be listed again.
     *
     * @return the watermark afterwards
     */
    Optional<Instant> advance(Instant from, Instant next);
}
