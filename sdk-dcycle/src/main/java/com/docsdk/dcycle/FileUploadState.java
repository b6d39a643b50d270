package com.docsdk.dcycle;

/**
 * Where one file of an upload ended, as far as Dcycle knows.
 *
 * <pre>{@code
 * for (FileUploadOutcome o : result.files()) {
 *     if (o.state() == FileUploadState.ERROR) {
 *         log.warn("{} failed: {}", o.upload().file(), o.failure().map(Throwable::getMessage).orElse("?"));
 *     }
 * }
 * }</pre>
 */
public enum FileUploadState {
    /** The bytes are stored and the file was confirmed {@code uploaded}; Dcycle classifies it next. */
    UPLOADED,
    /** The bytes could not be stored; the file was marked {@code error} on Dcycle. */
    ERROR,
    /**
     * Confirming the file ({@code PATCH /v1/files/batch-update}) failed, so it is still {@code pending} on Dcycle;
     * only found in a {@link DcycleUploadException}. {@link FileUploadOutcome#bytesUploaded()} says whether the bytes
     * reached storage: confirm it again with the file id.
     */
    PENDING,
    /** Dcycle returned no file record (or none that could be matched) for this file: nothing was uploaded. */
    NOT_CREATED
}
