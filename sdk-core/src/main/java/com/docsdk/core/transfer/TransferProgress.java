package com.docsdk.core.transfer;

import java.util.OptionalLong;

/**
 * Progress of a download or upload. Called from the transferring thread after each chunk: keep it quick. When a
 * transfer restarts from the beginning, {@code bytesSoFar} starts again from 0.
 *
 * <pre>{@code
 * TransferProgress bar = (done, total) -> System.out.printf("%d of %s bytes%n", done,
 *         total.isPresent() ? total.getAsLong() : "?");
 * }</pre>
 */
@FunctionalInterface
public interface TransferProgress {
    TransferProgress NONE = (bytesSoFar, totalBytes) -> { };

    /**
     * @param bytesSoFar bytes transferred so far
     * @param totalBytes the total, when the server announced it
     */
    void onProgress(long bytesSoFar, OptionalLong totalBytes);
}
