package com.docsdk.dcycle;

import java.util.List;

/**
 * The outcome of {@link DcycleClient#uploadFiles(java.util.List)}: one {@link FileUploadOutcome} per requested file,
 * in the order requested. Every file is either {@link FileUploadState#UPLOADED} or marked
 * {@link FileUploadState#ERROR} on Dcycle (or was never created): none is left {@code pending}.
 *
 * <pre>{@code
 * UploadBatchResult result = dcycle.uploadFiles(List.of(FileUpload.of(a), FileUpload.of(b)));
 * result.succeeded().forEach(o -> System.out.println("uploaded " + o.fileId().orElseThrow()));
 * result.failed().forEach(o -> System.err.println("failed " + o.upload().file() + ": " + o.failure().orElseThrow()));
 * }</pre>
 */
public final class UploadBatchResult {
    private final List<FileUploadOutcome> files;

    UploadBatchResult(List<FileUploadOutcome> files) {
        this.files = List.copyOf(files);
    }

    /** Every file's outcome, in the order requested. */
    public List<FileUploadOutcome> files() {
        return files;
    }

    /** The files stored and confirmed. */
    public List<FileUploadOutcome> succeeded() {
        return files.stream().filter(FileUploadOutcome::succeeded).toList();
    }

    /** The files that did not make it. */
    public List<FileUploadOutcome> failed() {
        return files.stream().filter(o -> !o.succeeded()).toList();
    }

    /** True when every file was stored and confirmed. */
    public boolean allSucceeded() {
        return files.stream().allMatch(FileUploadOutcome::succeeded);
    }

    @Override
    public String toString() {
        return "UploadBatchResult{" + succeeded().size() + " of " + files.size() + " uploaded, files=" + files + '}';
    }
}
