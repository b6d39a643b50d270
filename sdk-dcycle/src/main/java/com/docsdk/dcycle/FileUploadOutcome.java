package com.docsdk.dcycle;

import com.docsdk.core.Redactor;
import com.docsdk.core.error.SdkException;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one file of {@link DcycleClient#uploadFiles(java.util.List)}.
 *
 * <pre>{@code
 * FileUploadOutcome o = result.files().get(0);
 * if (o.succeeded()) {
 *     System.out.println(o.fileId().orElseThrow() + " stored at " + o.url().orElse("?"));
 * }
 * }</pre>
 */
public final class FileUploadOutcome {
    private final FileUpload upload;
    private final String fileId;
    private final String url;
    private final boolean bytesUploaded;
    private final FileUploadState state;
    private final SdkException failure;

    FileUploadOutcome(FileUpload upload, String fileId, String url, boolean bytesUploaded, FileUploadState state,
            SdkException failure) {
        this.upload = Objects.requireNonNull(upload, "upload");
        this.fileId = fileId;
        this.url = url;
        this.bytesUploaded = bytesUploaded;
        this.state = Objects.requireNonNull(state, "state");
        this.failure = failure;
    }

    /** The file as requested. */
    public FileUpload upload() {
        return upload;
    }

    /** The Dcycle file id; empty when Dcycle created no record for this file. */
    public Optional<String> fileId() {
        return Optional.ofNullable(fileId);
    }

    /** The final S3-backed URL Dcycle gave the file, when it gave one. */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** True when the bytes reached storage (the presigned PUT succeeded). */
    public boolean bytesUploaded() {
        return bytesUploaded;
    }

    /** Where the file ended. */
    public FileUploadState state() {
        return state;
    }

    /** True when the file is stored and confirmed ({@link FileUploadState#UPLOADED}). */
    public boolean succeeded() {
        return state == FileUploadState.UPLOADED;
    }

    /** Why the file did not succeed (the failed PUT, or the failed confirmation); empty on success. */
    public Optional<SdkException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return "FileUploadOutcome{file=" + Redactor.field("file", upload.file()) + ", fileId="
                + Redactor.field("fileId", fileId) + ", state=" + state + ", bytesUploaded=" + bytesUploaded
                + (failure == null ? "" : ", failure=" + Redactor.text(failure.getMessage())) + '}';
    }
}
