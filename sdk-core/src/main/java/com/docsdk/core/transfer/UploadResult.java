package com.docsdk.core.transfer;

import com.docsdk.core.Redactor;
import java.util.Optional;

/**
 * A completed upload.
 *
 * @param statusCode the storage service's status (200 or 201)
 * @param etag the stored object's {@code ETag}, when the service sent one
 * @param bytes bytes sent
 */
public record UploadResult(int statusCode, Optional<String> etag, long bytes) {
    @Override
    public String toString() {
        return "UploadResult[statusCode=" + statusCode + ", etag=" + Redactor.field("etag", etag) + ", bytes=" + bytes
                + ']';
    }
}
