package com.docsdk.webadmit;

import com.docsdk.core.Redactor;
import com.docsdk.webadmit.model.PdfManagerBatch;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A finished PDF Manager batch and the zip files downloaded from it: each file with its size and SHA-256. An
 * {@code empty_list} batch has no files.
 *
 * @param batch the batch as last polled
 * @param files the downloaded zips, in the order of {@code download_hrefs}
 */
public record PdfManagerBatchResult(PdfManagerBatch batch, List<ZipFileDownload> files) {
    public PdfManagerBatchResult {
        Objects.requireNonNull(batch, "batch");
        files = List.copyOf(files);
    }

    /** One downloaded zip: where it is, the href it came from, its size and SHA-256 (lower-case hex). */
    public record ZipFileDownload(Path file, String href, long bytes, String sha256) {
        @Override
        public String toString() {
            return "ZipFileDownload[file=" + Redactor.field("file", file) + ", href=" + Redactor.field("href", href)
                    + ", bytes=" + bytes + ", sha256=" + Redactor.field("sha256", sha256) + "]";
        }
    }

    /** The batch's final state. */
    public PdfManagerBatchState state() {
        return PdfManagerBatchState.of(batch);
    }

    /** True for {@code success_with_errors}: the files were made, with errors. */
    public boolean hasErrors() {
        return state() == PdfManagerBatchState.SUCCESS_WITH_ERRORS;
    }

    /** True for {@code empty_list}: nothing to download. */
    public boolean isEmptyList() {
        return state() == PdfManagerBatchState.EMPTY_LIST;
    }

    /** The total size of the files. */
    public long bytes() {
        return files.stream().mapToLong(ZipFileDownload::bytes).sum();
    }

    @Override
    public String toString() {
        return "PdfManagerBatchResult[id=" + batch.getId() + ", state=" + Redactor.field("state", batch.getState())
                + ", files=" + files + "]";
    }
}
