package com.docsdk.fileai;

import com.docsdk.core.Redactor;
import com.docsdk.fileai.model.FileUploadResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * A document whose bytes reached fileAI's storage: its {@code uploadId} (to follow processing with
 * {@link FileAiClient#uploadProgress(String)} or {@link FileAiClient#awaitUpload(String)}), its storage path and
 * the upload options fileAI echoed.
 *
 * <pre>{@code
 * UploadReceipt receipt = client.upload(FileUpload.file(Path.of("invoice.pdf")).build());
 * UploadProgress done = client.awaitUpload(receipt.uploadId());
 * }</pre>
 *
 * @param uploadId the id of the upload
 * @param bytes the bytes sent to storage
 * @param response fileAI's answer to the upload request (its presigned URL is short-lived; never log it)
 */
public record UploadReceipt(String uploadId, long bytes, FileUploadResponse response) {
    public UploadReceipt {
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(response, "response");
    }

    /** The storage path ({@code s3://...}), usable with {@link com.docsdk.fileai.service.FilesService#createPreview(com.docsdk.fileai.model.FilePreviewRequest) files().createPreview}. */
    public Optional<String> s3Path() {
        return Optional.ofNullable(response.getS3Path());
    }

    @Override
    public String toString() {
        return "UploadReceipt{uploadId=" + Redactor.field("uploadId", uploadId) + ", bytes=" + bytes + ", s3Path="
                + Redactor.field("s3Path", response.getS3Path()) + '}';
    }
}
