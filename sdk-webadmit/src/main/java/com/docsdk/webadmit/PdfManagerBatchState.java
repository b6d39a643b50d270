package com.docsdk.webadmit;

import com.docsdk.core.wait.PollStatus;
import com.docsdk.webadmit.model.Batch;
import com.docsdk.webadmit.model.PdfManagerBatch;

/**
 * The state of a PDF Manager batch ({@code initializing}... {@code failed}, lowercase snake_case) or of a v2 batch
 * ({@code Queued}... {@code Failed}, Title Case). Parsed as {@link ExportFileStatus} is: case, spaces, underscores and
 * hyphens alike, so {@code success_with_errors}, {@code Success With Errors} and {@code SUCCESS-WITH-ERRORS} are one
 * state; anything else is {@link #UNKNOWN} and counts as still running.
 */
public enum PdfManagerBatchState {
    INITIALIZING("initializing"),
    QUEUED("queued"),
    IN_PROGRESS("in_progress"),
    /** Finished; the zips are in {@code download_hrefs}. */
    AVAILABLE("available"),
    /** Finished with errors; the zips that were made are in {@code download_hrefs}. */
    SUCCESS_WITH_ERRORS("success_with_errors"),
    /** Finished with nothing to put in a zip. */
    EMPTY_LIST("empty_list"),
    FAILED("failed"),
    /** Absent or not documented: still running. */
    UNKNOWN(null);

    private final String documentedValue;

    PdfManagerBatchState(String documentedValue) {
        this.documentedValue = documentedValue;
    }

    /** The state a text names, in any casing; {@link #UNKNOWN} for null, blank or undocumented text. */
    public static PdfManagerBatchState parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String key = ExportFileStatus.normalize(text);
        for (PdfManagerBatchState s : values()) {
            if (s.documentedValue != null && s.documentedValue.equals(key)) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** The state of a PDF Manager batch ({@link #UNKNOWN} for null). */
    public static PdfManagerBatchState of(PdfManagerBatch batch) {
        return batch == null ? UNKNOWN : parse(batch.getState());
    }

    /** The status of a v2 batch (custom field answers, designations), Title Case on the wire. */
    public static PdfManagerBatchState of(Batch batch) {
        return batch == null ? UNKNOWN : parse(batch.getStatus());
    }

    /** The value as the PDF Manager documents it ({@code success_with_errors}); empty for {@link #UNKNOWN}. */
    public String documentedValue() {
        return documentedValue == null ? "" : documentedValue;
    }

    /** True once the batch has finished, whatever the outcome. */
    public boolean isTerminal() {
        return this == AVAILABLE || this == SUCCESS_WITH_ERRORS || this == EMPTY_LIST || this == FAILED;
    }

    PollStatus pollStatus() {
        switch (this) {
            case AVAILABLE:
            case SUCCESS_WITH_ERRORS:
            case EMPTY_LIST:
                return PollStatus.SUCCEEDED;
            case FAILED:
                return PollStatus.FAILED;
            case UNKNOWN:
                return null;
            default:
                return PollStatus.IN_PROGRESS;
        }
    }
}
