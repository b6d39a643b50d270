package com.docsdk.core.transfer;

import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.ClientValidationException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What to download and where. The URL comes either fixed or from a source that can issue a fresh one (WebAdMIT's
 * download URLs live under 30 seconds: the source calls the status endpoint again).
 *
 * <pre>{@code
 * DownloadRequest req = DownloadRequest.fromSource(() -> exports.status(id).getDownloadUrl())
 *         .toFile(Path.of("out/export.csv"))
 *         .progress((done, total) -> log.info("{} bytes", done))
 *         .build();
 * DownloadResult result = client.downloader().download(req);
 * }</pre>
 */
public final class DownloadRequest {
    private final Supplier<String> urlSource;
    private final boolean refreshable;
    private final Path file;
    private final OutputStream stream;
    private final TransferProgress progress;
    private final int maxUrlRefreshes;
    private final int maxResumes;
    private final RequestOptions options;
    private final boolean syncToDisk;

    private DownloadRequest(Builder b) {
        this.syncToDisk = b.syncToDisk;
        this.urlSource = b.urlSource;
        this.refreshable = b.refreshable;
        this.file = b.file;
        this.stream = b.stream;
        this.progress = b.progress;
        this.maxUrlRefreshes = b.maxUrlRefreshes;
        this.maxResumes = b.maxResumes;
        this.options = b.options;
    }

    /** A download of one fixed URL. */
    public static Builder fromUrl(String url) {
        ClientValidationException.requireNonBlank("url", url);
        return new Builder(() -> url, false);
    }

    /**
     * A download whose URL may expire: {@code source} is called for the first URL and again for a fresh one when the
     * download host rejects the URL as expired (HTTP 400, 403 or 410).
     */
    public static Builder fromSource(Supplier<String> source) {
        Objects.requireNonNull(source, "source");
        return new Builder(source, true);
    }

    Supplier<String> urlSource() {
        return urlSource;
    }

    boolean refreshable() {
        return refreshable;
    }

    public Path file() {
        return file;
    }

    public OutputStream stream() {
        return stream;
    }

    TransferProgress progress() {
        return progress;
    }

    int maxUrlRefreshes() {
        return maxUrlRefreshes;
    }

    int maxResumes() {
        return maxResumes;
    }

    RequestOptions options() {
        return options;
    }

    public boolean syncToDisk() {
        return syncToDisk;
    }

    @Override
    public String toString() {
        return "DownloadRequest{to=" + (file != null ? file : "stream") + ", refreshable=" + refreshable
                + ", maxUrlRefreshes=" + maxUrlRefreshes + ", maxResumes=" + maxResumes + '}';
    }

    /** Builds a {@link DownloadRequest}; a target (file or stream) is required. */
    public static final class Builder {
        private final Supplier<String> urlSource;
        private final boolean refreshable;
        private Path file;
        private OutputStream stream;
        private TransferProgress progress = TransferProgress.NONE;
        private int maxUrlRefreshes = 3;
        private int maxResumes = 3;
        private RequestOptions options = RequestOptions.none();
        private boolean syncToDisk;

        private Builder(Supplier<String> urlSource, boolean refreshable) {
            this.urlSource = urlSource;
            this.refreshable = refreshable;
        }

        /**
         * Writes to {@code file} atomically: into a temporary file in the same folder, moved into place only when
         * complete. An existing file is replaced only on success; on failure nothing is left behind.
         */
        public Builder toFile(Path file) {
            this.file = Objects.requireNonNull(file, "file");
            this.stream = null;
            return this;
        }

        /** Writes to {@code stream} (not closed). A restart after a failure is only possible before the first byte. */
        public Builder toStream(OutputStream stream) {
            this.stream = Objects.requireNonNull(stream, "stream");
            this.file = null;
            return this;
        }

        public Builder progress(TransferProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** How often an expired URL may be replaced by a fresh one from the source; default 3. */
        public Builder maxUrlRefreshes(int max) {
            ClientValidationException.require(max >= 0, "maxUrlRefreshes", "must not be negative");
            this.maxUrlRefreshes = max;
            return this;
        }

        /** How often a transfer broken mid-body is resumed (or restarted); default 3. */
        public Builder maxResumes(int max) {
            ClientValidationException.require(max >= 0, "maxResumes", "must not be negative");
            this.maxResumes = max;
            return this;
        }

        public Builder options(RequestOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Forces the file's bytes to the storage device before it is moved into place, so it survives a power loss or
         * kernel crash as well as a process crash. Off by default: it costs about 1.5 s per GiB on a typical disk.
         * Without it the move is still atomic: readers see the old file or the complete new one, never a part.
         */
        public Builder syncToDisk(boolean syncToDisk) {
            this.syncToDisk = syncToDisk;
            return this;
        }

        public DownloadRequest build() {
            ClientValidationException.require(file != null || stream != null, "target",
                    "a target is required: toFile(path) or toStream(out)");
            if (file != null) {
                Path abs = file.toAbsolutePath();
                ClientValidationException.require(!Files.isDirectory(abs), "file", "is a directory: " + file);
                Path dir = abs.getParent();
                ClientValidationException.require(dir != null && Files.isDirectory(dir), "file",
                        "the folder " + dir + " does not exist");
                ClientValidationException.require(Files.isWritable(dir), "file", "the folder " + dir
                        + " is not writable");
            }
            return new DownloadRequest(this);
        }
    }
}
