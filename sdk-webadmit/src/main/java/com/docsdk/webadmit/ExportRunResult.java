package com.docsdk.webadmit;

import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.Redactor;
import com.docsdk.webadmit.model.ExportFile;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link WebAdmitClient#exportToFile(ExportRunRequest)} did: the final status, whether it finished with errors
 * ({@code Success With Errors}) or with nothing to download ({@code Empty List}), the file written with its size and
 * SHA-256, how often an expired download URL was replaced, and how many status polls the wait took. Immutable.
 *
 * <pre>{@code
 * ExportRunResult r = client.exportToFile(24567L, 29897L, Path.of("export.csv"));
 * if (r.hasErrors()) {
 *     log.warn("WebAdMIT finished export file {} with errors", r.exportFileId());
 * }
 * r.file().ifPresent(f -> log.info("{} bytes to {}, sha256 {}", r.bytes(), f, r.sha256().orElseThrow()));
 * }</pre>
 */
public final class ExportRunResult {
    private final CompletedExportFile completed;
    private final DownloadResult download;

    ExportRunResult(CompletedExportFile completed, DownloadResult download) {
        this.completed = Objects.requireNonNull(completed, "completed");
        this.download = download;
    }

    /** The export file as the last status call returned it. */
    public ExportFile exportFile() {
        return completed.exportFile();
    }

    /** The id of the export file (the run). */
    public Long exportFileId() {
        return completed.exportFile().getId();
    }

    /** The final status: {@code AVAILABLE}, {@code SUCCESS_WITH_ERRORS} or {@code EMPTY_LIST}. */
    public ExportFileStatus status() {
        return completed.status();
    }

    /** The final status exactly as WebAdMIT sent it. */
    public String statusText() {
        return completed.statusText();
    }

    /** True for {@code Success With Errors}: the file was downloaded, but WebAdMIT reported errors; warn about it. */
    public boolean hasErrors() {
        return completed.hasErrors();
    }

    /** True for {@code Empty List}: the run succeeded with nothing to download; no file was written. */
    public boolean isEmptyList() {
        return completed.isEmptyList();
    }

    /** The file written; empty for an empty list. */
    public Optional<Path> file() {
        return download == null ? Optional.empty() : download.file();
    }

    /** Bytes written; 0 for an empty list. */
    public long bytes() {
        return download == null ? 0L : download.bytes();
    }

    /** Lowercase hex SHA-256 of the file; empty for an empty list. */
    public Optional<String> sha256() {
        return download == null ? Optional.empty() : Optional.of(download.sha256());
    }

    /** The download's {@code Content-Type}, when the storage host sent one. */
    public Optional<String> contentType() {
        return download == null ? Optional.empty() : download.contentType();
    }

    /** How often an expired download URL was replaced by a fresh one from the status endpoint. */
    public int urlRefreshes() {
        return download == null ? 0 : download.urlRefreshes();
    }

    /** How many status calls the wait made. */
    public int polls() {
        return completed.polls();
    }

    /** The wait's outcome. */
    public CompletedExportFile completed() {
        return completed;
    }

    /** The download's details; empty for an empty list. */
    public Optional<DownloadResult> download() {
        return Optional.ofNullable(download);
    }

    @Override
    public String toString() {
        return "ExportRunResult{exportFileId=" + exportFileId() + ", status=" + Redactor.text(statusText()) + ", file="
                + file().map(Path::toString).map(Redactor::text).orElse("none") + ", bytes=" + bytes() + ", sha256="
                + sha256().map(Redactor::text).orElse("none") + ", urlRefreshes=" + urlRefreshes() + ", polls="
                + polls() + '}';
    }
}
