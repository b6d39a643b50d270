package com.docsdk.fileai;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.PollOptions;
import com.docsdk.core.PollStatus;
import com.docsdk.core.Poller;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkException;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.UploadRequest;
import com.docsdk.core.UploadResult;
import com.docsdk.core.Uploader;
import com.docsdk.fileai.generated.model.FileUploadResponse;
import com.docsdk.fileai.generated.model.UploadStatus;
import java.util.Locale;

/** Uploads through presigned URLs and the tracking of their processing. */
final class UploadOperations {
    private final GeneratedApis apis;

    UploadOperations(GeneratedApis apis) {
        this.apis = apis;
    }

    UploadReceipt upload(FileUpload upload, RequestOptions options) {
        ClientValidationException.requireNonNull("upload", upload);
        ClientValidationException.requireNonNull("options", options);
        FileUploadResponse created = apis.transport.execute(
                () -> apis.uploads.createFileUploadCall(upload.toRequest(), null), options,
                GeneratedApis.json(FileUploadResponse.class)).value();
        String uploadId = created.getUploadId();
        String url = created.getPresignedUploadURL();
        if (uploadId == null || uploadId.isBlank() || url == null || url.isBlank()) {
            throw new SdkException("fileAI accepted the upload of " + upload.fileName()
                    + " but sent no uploadId or presignedUploadURL");
        }
        UploadRequest.Builder put = UploadRequest.toUrl(url).contentType(upload.fileType())
                .progress(upload.progress()).options(options);
        if (upload.path().isPresent()) {
            put.file(upload.path().get());
        } else {
            put.stream(upload.stream(), upload.length());
        }
        UploadResult sent = new Uploader(apis.transport).upload(put.build());
        return new UploadReceipt(uploadId, sent.bytes(), created);
    }

    SdkResponse<UploadProgress> progress(String uploadId, RequestOptions options) {
        String id = requireUploadId(uploadId);
        ClientValidationException.requireNonNull("options", options);
        SdkResponse<UploadStatus> r = apis.transport.execute(() -> apis.uploads.getUploadStatusCall(id, null),
                options, GeneratedApis.json(UploadStatus.class));
        UploadStatus body = r.value() != null ? r.value() : new UploadStatus();
        return r.withValue(new UploadProgress(body, r.statusCode()));
    }

    Poller<UploadProgress> poller(String uploadId, PollOptions pollOptions, RequestOptions options) {
        String id = requireUploadId(uploadId);
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
        ClientValidationException.requireNonNull("options", options);
        return Poller.<UploadProgress>builder("fileAI upload " + id)
                .pollResponse(() -> progress(id, options))
                .status(p -> p.state().name().toLowerCase(Locale.ROOT))
                .classifier(p -> switch (p.state()) {
                    case PROCESSING -> PollStatus.IN_PROGRESS;
                    case FINISHED, PARTIALLY_FAILED -> PollStatus.SUCCEEDED;
                    case FAILED -> PollStatus.FAILED;
                })
                .failureMessages(UploadProgress::failureMessages)
                .options(pollOptions)
                .runtime(apis.transport)
                .build();
    }

    private static String requireUploadId(String uploadId) {
        return ClientValidationException.requireNonBlank("uploadId", uploadId).trim();
    }
}
