package com.docsdk.webadmit;

import com.docsdk.core.Redactor;
import com.docsdk.webadmit.model.ExportFile;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An export file whose run finished successfully: {@code Available}, {@code Success With Errors} (a file, but
 * flagged so you can warn) or {@code Empty List} (nothing to download). Immutable.
 *
 * <pre>{@code
 * CompletedExportFile done = client.awaitExportFile(exportId, exportFileId);
 * if (done.hasErrors()) {
 *     log.warn("export {} finished with errors", exportFileId);
 * }
 * if (done.hasFile()) {
 *     client.downloadExportFile(exportId, exportFileId, Path.of("export.csv"));
 * }
 * }</pre>
 */
public final class CompletedExportFile {
    private final ExportFile exportFile;
    private final ExportFileStatus status;
    private final int polls;
    private final Duration elapsed;

    CompletedExportFile(ExportFile exportFile, int polls, Duration elapsed) {
        this.exportFile = Objects.requireNonNull(exportFile, "exportFile");
        this.status = ExportFileStatus.of(exportFile);
        this.polls = polls;
        this.elapsed = elapsed;
    }

    /** The export file as the last poll returned it. */
    public ExportFile exportFile() {
        return exportFile;
    }

    /** The final status: {@code AVAILABLE}, {@code SUCCESS_WITH_ERRORS} or {@code EMPTY_LIST}. */
    public ExportFileStatus status() {
        return status;
    }

    /** The status exactly as WebAdMIT sent it (e.g. {@code "Available"} or {@code "available"}). */
    public String statusText() {
        return exportFile.getStatus() == null ? "" : exportFile.getStatus();
    }

    /** True for {@code Success With Errors}: the file exists but some records had errors. */
    public boolean hasErrors() {
        return status == ExportFileStatus.SUCCESS_WITH_ERRORS;
    }

    /** True for {@code Empty List}: the run succeeded but produced no file. */
    public boolean isEmptyList() {
        return status == ExportFileStatus.EMPTY_LIST;
    }

    /** True when there is a file to download. */
    public boolean hasFile() {
        return status.hasFile();
    }

    /** The short-lived (under 30 s) download URL of the last poll, when it carried one. */
    public Optional<String> downloadUrl() {
        return Optional.ofNullable(exportFile.getDownloadUrl()).filter(u -> !u.isBlank());
    }

    /** How many status calls the wait made. */
    public int polls() {
        return polls;
    }

    /** How long the wait took. */
    public Duration elapsed() {
        return elapsed;
    }

    @Override
    public String toString() {
        return "CompletedExportFile{id=" + exportFile.getId() + ", exportId=" + exportFile.getExportId()
                + ", status=" + Redactor.text(statusText()) + ", polls=" + polls + ", elapsed=" + elapsed + '}';
    }
}
