package com.docsdk.core.transfer;

import com.docsdk.core.Redactor;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A completed download.
 *
 * @param file the file written, when the target was a file
 * @param bytes bytes written
 * @param sha256 lowercase hex SHA-256 of the content
 * @param contentType the server's {@code Content-Type}, when it sent one
 * @param urlRefreshes how often an expired URL was replaced
 * @param resumes how often a broken transfer was resumed or restarted
 */
public record DownloadResult(Optional<Path> file, long bytes, String sha256, Optional<String> contentType,
        int urlRefreshes, int resumes) {
    @Override
    public String toString() {
        return "DownloadResult[file=" + Redactor.field("file", file) + ", bytes=" + bytes + ", sha256="
                + Redactor.field("sha256", sha256) + ", contentType=" + Redactor.field("contentType", contentType)
                + ", urlRefreshes=" + urlRefreshes + ", resumes=" + resumes + ']';
    }
}
