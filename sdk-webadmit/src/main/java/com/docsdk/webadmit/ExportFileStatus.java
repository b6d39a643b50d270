package com.docsdk.webadmit;

import com.docsdk.core.wait.PollStatus;
import com.docsdk.webadmit.model.ExportFile;
import java.util.Locale;

/**
 * The status of a WebAdMIT export file, read from whatever casing the API sends. The vendor's current documentation
 * lists Title Case values ({@code "In Progress"}), the older seed documentation lower snake case
 * ({@code "in_progress"}); both, and any mix of case, spaces, dashes and underscores, parse to the same constant. A
 * value this SDK version does not know parses to {@link #UNKNOWN} and counts as still running.
 *
 * <pre>{@code
 * ExportFile file = client.exportFiles().get(exportId, exportFileId);
 * if (ExportFileStatus.of(file).hasFile()) {
 *     client.downloadExportFile(exportId, exportFileId, Path.of("export.csv"));
 * }
 * }</pre>
 */
public enum ExportFileStatus {
    /** {@code Initializing}: the run was just created. */
    INITIALIZING("Initializing"),
    /** {@code Queued}: waiting for a worker. */
    QUEUED("Queued"),
    /** {@code In Progress}: being generated. */
    IN_PROGRESS("In Progress"),
    /** {@code Available}: the file is ready; {@code download_url} gives a short-lived URL. */
    AVAILABLE("Available"),
    /** {@code Success With Errors}: a file is ready but some records had errors; callers should warn. */
    SUCCESS_WITH_ERRORS("Success With Errors"),
    /** {@code Empty List}: the run finished but the list was empty, so there is no file to download. */
    EMPTY_LIST("Empty List"),
    /** {@code Failed}: the run failed. */
    FAILED("Failed"),
    /** A status this SDK version does not know (or none at all): treated as still running. */
    UNKNOWN(null);

    private final String documentedValue;

    ExportFileStatus(String documentedValue) {
        this.documentedValue = documentedValue;
    }

    /**
     * The status a string names, ignoring case and treating spaces, dashes and underscores alike; {@link #UNKNOWN}
     * for {@code null}, blank or unknown text. Never {@code null}.
     */
    public static ExportFileStatus parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String key = normalize(text);
        for (ExportFileStatus s : values()) {
            if (s.documentedValue != null && normalize(s.documentedValue).equals(key)) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** The status of an export file (see {@link #parse(String)}). */
    public static ExportFileStatus of(ExportFile exportFile) {
        return exportFile == null ? UNKNOWN : parse(exportFile.getStatus());
    }

    /** The value as the vendor's current documentation spells it, e.g. {@code "In Progress"}; empty for UNKNOWN. */
    public String documentedValue() {
        return documentedValue == null ? "" : documentedValue;
    }

    /** True once the run has finished, one way or another. */
    public boolean isTerminal() {
        return this == AVAILABLE || this == SUCCESS_WITH_ERRORS || this == EMPTY_LIST || this == FAILED;
    }

    /** True when there is a file to download: {@link #AVAILABLE} or {@link #SUCCESS_WITH_ERRORS}. */
    public boolean hasFile() {
        return this == AVAILABLE || this == SUCCESS_WITH_ERRORS;
    }

    /** How a wait treats this status; {@code null} for UNKNOWN (the poller logs it once, then keeps waiting). */
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

    static String normalize(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
    }
}
