package com.docsdk.fileai;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.Redactor;
import com.docsdk.fileai.model.IntegrationExportStatus;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@link FileExportHandler} did with a file: exported it ({@code completed}), failed ({@code error}), or
 * cannot tell yet (deferred: nothing final is reported and the file comes back on the next run). Immutable.
 *
 * <pre>{@code
 * return ExportOutcome.completed("Imported to SAP as " + docNo);
 * return ExportOutcome.failed("Validation failed: Invoice number format invalid", "Expected format: INV-YYYY-NNNN");
 * return ExportOutcome.deferred();                  // e.g. the file is still being processed
 * }</pre>
 */
public final class ExportOutcome {
    private static final ExportOutcome DEFERRED = new ExportOutcome(Kind.DEFERRED, List.of());

    private final Kind kind;
    private final List<String> messages;

    private ExportOutcome(Kind kind, List<String> messages) {
        this.kind = kind;
        this.messages = messages;
    }

    /** Exported: reported as {@code completed} with these messages (none is fine). */
    public static ExportOutcome completed(String... messages) {
        return completed(Arrays.asList(ClientValidationException.requireNonNull("messages", messages)));
    }

    /** Exported: reported as {@code completed} with these messages (none is fine). */
    public static ExportOutcome completed(List<String> messages) {
        return new ExportOutcome(Kind.COMPLETED, ExportStatusRules.requireReport(IntegrationExportStatus.COMPLETED,
                messages));
    }

    /** Not exported: reported as {@code error}; at least one message says why (users see it in fileAI). */
    public static ExportOutcome failed(String... messages) {
        return failed(Arrays.asList(ClientValidationException.requireNonNull("messages", messages)));
    }

    /** Not exported: reported as {@code error}; at least one message says why (users see it in fileAI). */
    public static ExportOutcome failed(List<String> messages) {
        return new ExportOutcome(Kind.FAILED, ExportStatusRules.requireReport(IntegrationExportStatus.ERROR, messages));
    }

    /**
     * Not decided yet: the export status is cleared ({@code empty}) and the file is handed over again by the next
     * run. A deferred file holds the checkpoint back, so do not defer a file forever.
     */
    public static ExportOutcome deferred() {
        return DEFERRED;
    }

    public Kind kind() {
        return kind;
    }

    /** The messages reported with the status. */
    public List<String> messages() {
        return messages;
    }

    @Override
    public String toString() {
        return "ExportOutcome{" + kind + ", messages=" + Redactor.field("messages", messages) + '}';
    }

    /** The three outcomes. */
    public enum Kind {
        /** Reported as {@code completed}. */
        COMPLETED,
        /** Reported as {@code error}. */
        FAILED,
        /** Nothing final reported; handed over again on the next run. */
        DEFERRED;

        /** The final status this outcome is reported as ({@code completed} or {@code error}). */
        IntegrationExportStatus status() {
            if (this == DEFERRED) {
                throw new IllegalStateException("a deferred outcome has no final status");
            }
            return this == COMPLETED ? IntegrationExportStatus.COMPLETED : IntegrationExportStatus.ERROR;
        }
    }
}
