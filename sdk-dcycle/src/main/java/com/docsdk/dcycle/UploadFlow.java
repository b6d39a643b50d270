package com.docsdk.dcycle;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.transfer.UploadRequest;
import com.docsdk.core.transfer.Uploader;
import com.docsdk.dcycle.model.FileBatchUpdateRequest;
import com.docsdk.dcycle.model.PresignedUpload;
import com.docsdk.dcycle.model.PresignedUrlRequestItem;
import com.docsdk.dcycle.model.UploadConfirmationStatus;
import com.docsdk.dcycle.service.UploadsService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three-step upload: {@code uploads().create} ({@code POST /v1/files/presigned-urls}) for the batch, a streamed
 * PUT of each file to its presigned URL with its exact MIME type, then {@code uploads().update}
 * ({@code PATCH /v1/files/batch-update}, idempotent by the spec) marking the stored files {@code uploaded} and the
 * others {@code error}, so no file is left {@code pending} silently.
 */
final class UploadFlow {
    private static final Logger LOG = LoggerFactory.getLogger("com.docsdk.dcycle");

    private final UploadsService uploads;
    private final Uploader uploader;

    UploadFlow(UploadsService uploads, Uploader uploader) {
        this.uploads = uploads;
        this.uploader = uploader;
    }

    UploadBatchResult upload(List<FileUpload> files, UploadOptions options) {
        ClientValidationException.requireNonNull("files", files);
        ClientValidationException.require(!files.isEmpty(), "files", "must hold at least one file");
        for (int i = 0; i < files.size(); i++) {
            ClientValidationException.requireNonNull("files[" + i + "]", files.get(i));
        }
        ClientValidationException.requireNonNull("uploadOptions", options);
        RequestOptions requestOptions = options.requestOptions();

        List<PresignedUrlRequestItem> items = files.stream().map(FileUpload::toRequestItem).toList();
        List<PresignedUpload> created = uploads.create(items, requestOptions);
        List<PresignedUpload> presigned = created == null ? List.of() : created;
        if (presigned.size() != files.size()) {
            throw unmatched(files, presigned, requestOptions);
        }

        List<Attempt> attempts = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            attempts.add(put(files.get(i), presigned.get(i), requestOptions));
        }
        return confirm(attempts, options);
    }

    /** Step 2 for one file; never throws: a failure is recorded in the attempt. */
    private Attempt put(FileUpload file, PresignedUpload record, RequestOptions options) {
        String id = blankToNull(record == null ? null : record.getId());
        String url = record == null ? null : record.getUrl();
        if (id == null) {
            return new Attempt(file, null, url, false, new SdkException("Dcycle returned no file id for "
                    + file.file()));
        }
        String target = blankToNull(record.getPresignedUrl());
        if (target == null) {
            return new Attempt(file, id, url, false, new SdkException("Dcycle returned no presigned_url for file "
                    + id + " (" + file.file() + ")"));
        }
        try {
            uploader.upload(UploadRequest.toUrl(target).file(file.file()).contentType(file.mimeType())
                    .options(withoutHeaders(options)).build());
            return new Attempt(file, id, url, true, null);
        } catch (SdkException e) {
            return new Attempt(file, id, url, false, e);
        } catch (RuntimeException e) {
            return new Attempt(file, id, url, false, new SdkException("uploading " + file.file() + " failed: " + e, e));
        }
    }

    /** Step 3: marks the stored files {@code uploaded} and the others {@code error}; both are always tried. */
    private UploadBatchResult confirm(List<Attempt> attempts, UploadOptions options) {
        List<String> stored = attempts.stream().filter(a -> a.stored).map(a -> a.fileId).toList();
        List<String> failed = attempts.stream().filter(a -> !a.stored && a.fileId != null).map(a -> a.fileId)
                .toList();
        SdkException storedFailure = trySetStatus(stored, UploadConfirmationStatus.UPLOADED,
                options.projectId().orElse(null), options.requestOptions());
        SdkException failedFailure = trySetStatus(failed, UploadConfirmationStatus.ERROR, null,
                options.requestOptions());

        List<FileUploadOutcome> outcomes = new ArrayList<>(attempts.size());
        for (Attempt a : attempts) {
            SdkException confirmation = a.stored ? storedFailure : failedFailure;
            FileUploadState state;
            if (a.fileId == null) {
                state = FileUploadState.NOT_CREATED;
            } else if (confirmation != null) {
                state = FileUploadState.PENDING;
            } else {
                state = a.stored ? FileUploadState.UPLOADED : FileUploadState.ERROR;
            }
            SdkException failure = a.failure != null ? a.failure : confirmation;
            outcomes.add(new FileUploadOutcome(a.file, a.fileId, a.url, a.stored, state, failure));
        }
        if (storedFailure == null && failedFailure == null) {
            return new UploadBatchResult(outcomes);
        }
        SdkException cause = storedFailure != null ? storedFailure : failedFailure;
        DcycleUploadException e = new DcycleUploadException(confirmationMessage(outcomes, cause), outcomes,
                List.of(), cause);
        if (storedFailure != null && failedFailure != null) {
            e.addSuppressed(failedFailure);
        }
        throw e;
    }

    private SdkException trySetStatus(List<String> ids, UploadConfirmationStatus status, String projectId,
            RequestOptions options) {
        if (ids.isEmpty()) {
            return null;
        }
        try {
            uploads.update(new FileBatchUpdateRequest().fileIds(new ArrayList<>(ids)).status(status)
                    .projectId(projectId), options);
            return null;
        } catch (SdkException e) {
            LOG.warn("marking Dcycle files {} as {} failed: {}", ids, status.getValue(), e.getMessage());
            return e;
        }
    }

    /** Dcycle answered with a different number of records than files asked for: no safe pairing exists. */
    private DcycleUploadException unmatched(List<FileUpload> files, List<PresignedUpload> presigned,
            RequestOptions options) {
        List<String> ids = presigned.stream().filter(Objects::nonNull).map(PresignedUpload::getId)
                .map(UploadFlow::blankToNull).filter(Objects::nonNull).toList();
        SdkException marking = trySetStatus(ids, UploadConfirmationStatus.ERROR, null, options);
        String problem = "Dcycle returned " + presigned.size() + " upload URL(s) for " + files.size()
                + " file(s); nothing was uploaded";
        SdkException failure = new SdkException(problem);
        List<FileUploadOutcome> outcomes = files.stream()
                .map(f -> new FileUploadOutcome(f, null, null, false, FileUploadState.NOT_CREATED, failure))
                .toList();
        String message = problem + (ids.isEmpty() ? "" : marking == null
                ? "; the file records it created " + ids + " were marked error"
                : "; marking the file records it created " + ids + " as error failed too, they are still pending: "
                        + marking.getMessage());
        return new DcycleUploadException(message, outcomes, ids, marking);
    }

    private static String confirmationMessage(List<FileUploadOutcome> outcomes, SdkException cause) {
        List<String> pending = outcomes.stream().filter(o -> o.state() == FileUploadState.PENDING)
                .map(o -> o.fileId().orElseThrow() + (o.bytesUploaded() ? " (stored)" : " (not stored)")).toList();
        return "confirming the upload on Dcycle failed; these files are still pending: " + pending + ": "
                + cause.getMessage();
    }

    /** {@code options} without its extra headers: for requests to storage hosts, which sign what they accept. */
    private static RequestOptions withoutHeaders(RequestOptions options) {
        RequestOptions.Builder b = RequestOptions.builder();
        options.timeout().ifPresent(b::timeout);
        options.retryPolicy().ifPresent(b::retryPolicy);
        options.idempotent().ifPresent(b::idempotent);
        return b.build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Step 2's result for one file. */
    private record Attempt(FileUpload file, String fileId, String url, boolean stored, SdkException failure) {
    }
}
