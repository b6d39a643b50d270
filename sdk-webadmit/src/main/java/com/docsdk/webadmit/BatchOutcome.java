package com.docsdk.webadmit;

import com.docsdk.webadmit.model.Batch;
import com.docsdk.webadmit.model.BatchResult;
import java.util.List;
import java.util.Objects;

/**
 * A finished v2 batch (custom field answers or designations): every change's result, and those that failed (their
 * {@code errors} say why, per applicant).
 *
 * @param batch the batch as last polled
 */
public record BatchOutcome(Batch batch) {
    public BatchOutcome {
        Objects.requireNonNull(batch, "batch");
    }

    /** The batch's final status. */
    public PdfManagerBatchState status() {
        return PdfManagerBatchState.of(batch);
    }

    /** Every change with its result; empty when WebAdMIT gave none. */
    public List<BatchResult> results() {
        return batch.getResults() == null ? List.of()
                : batch.getResults().stream().filter(Objects::nonNull).toList();
    }

    /** The changes that failed: those whose {@code errors} is not null. */
    public List<BatchResult> failures() {
        return results().stream().filter(r -> r.getErrors() != null).toList();
    }

    /** True when every change succeeded. */
    public boolean succeeded() {
        return failures().isEmpty() && status() == PdfManagerBatchState.AVAILABLE;
    }
}
