package com.docsdk.fileai;

/**
 * Where the processing of an upload stands, as {@link UploadProgress#state()} reads it from the processing steps.
 *
 * <pre>{@code
 * if (client.uploadProgress(uploadId).state() == UploadState.FINISHED) { ... }
 * }</pre>
 */
public enum UploadState {
    /** Steps are still running (or the steps reported are not known to this SDK). */
    PROCESSING,
    /** Processing finished ({@code processing_finished} completed) for the file, or for every file of a ZIP. */
    FINISHED,
    /** A ZIP upload finished, but some of its files failed (HTTP 207, or failed and finished entries). */
    PARTIALLY_FAILED,
    /** A step failed (for a ZIP: every file failed). */
    FAILED;

    /** Whether processing is over (finished, partially failed or failed). */
    public boolean isTerminal() {
        return this != PROCESSING;
    }
}
