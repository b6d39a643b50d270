package com.docsdk.dcycle;

import com.docsdk.core.error.SdkException;
import java.util.List;

/**
 * An upload could not be brought to a known end: confirming the files ({@code PATCH /v1/files/batch-update}) failed,
 * or Dcycle's answer to {@code POST /v1/files/presigned-urls} could not be matched to the requested files. Nothing is
 * lost: {@link #outcomes()} holds every requested file's outcome (ids, whether its bytes were stored, and
 * {@link FileUploadState#PENDING} for a file still pending on Dcycle), {@link #unmatchedFileIds()} the ids of records
 * Dcycle created that could not be matched (they were marked {@code error} when possible). The cause is the failure
 * of the confirmation, when there was one.
 *
 * <pre>{@code
 * try {
 *     dcycle.uploadFiles(files);
 * } catch (DcycleUploadException e) {
 *     List<String> stored = e.outcomes().stream()
 *             .filter(o -> o.state() == FileUploadState.PENDING && o.bytesUploaded())
 *             .map(o -> o.fileId().orElseThrow()).toList();
 *     dcycle.uploads().update(new FileBatchUpdateRequest()              // try the confirmation again later
 *             .fileIds(stored).status(UploadConfirmationStatus.UPLOADED));
 * }
 * }</pre>
 */
public class DcycleUploadException extends SdkException {
    private static final long serialVersionUID = 1L;

    private final transient List<FileUploadOutcome> outcomes;
    private final List<String> unmatchedFileIds;

    DcycleUploadException(String message, List<FileUploadOutcome> outcomes, List<String> unmatchedFileIds,
            Throwable cause) {
        super(message, cause);
        this.outcomes = List.copyOf(outcomes);
        this.unmatchedFileIds = List.copyOf(unmatchedFileIds);
    }

    /** Every requested file's outcome, in the order requested. */
    public List<FileUploadOutcome> outcomes() {
        return outcomes == null ? List.of() : outcomes;
    }

    /** Ids of file records Dcycle created that could not be matched to a requested file; usually empty. */
    public List<String> unmatchedFileIds() {
        return unmatchedFileIds;
    }
}
