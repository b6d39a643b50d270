package com.docsdk.core.transfer;

import com.docsdk.core.Redactor;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.ClientValidationException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * A PUT of a file or stream to a presigned URL, with the exact {@code Content-Type} the vendor signed.
 *
 * <pre>{@code
 * UploadRequest req = UploadRequest.toUrl(presignedUrl)
 *         .file(Path.of("invoice.pdf"))
 *         .contentType("application/pdf")
 *         .progress((sent, total) -> log.info("{} of {}", sent, total.getAsLong()))
 *         .build();
 * UploadResult r = new Uploader(transport).upload(req);
 * }</pre>
 */
public final class UploadRequest {
    private final String url;
    private final Path file;
    private final Supplier<InputStream> stream;
    private final long length;
    private final String contentType;
    private final Map<String, String> headers;
    private final TransferProgress progress;
    private final RequestOptions options;

    private UploadRequest(Builder b) {
        this.url = b.url;
        this.file = b.file;
        this.stream = b.stream;
        this.length = b.length;
        this.contentType = b.contentType;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.progress = b.progress;
        this.options = b.options;
    }

    /** An upload to {@code url} (usually presigned: its signature is never logged). */
    public static Builder toUrl(String url) {
        return new Builder(ClientValidationException.requireNonBlank("url", url));
    }

    String url() {
        return url;
    }

    Path file() {
        return file;
    }

    Supplier<InputStream> stream() {
        return stream;
    }

    long length() {
        return length;
    }

    String contentType() {
        return contentType;
    }

    Map<String, String> headers() {
        return headers;
    }

    TransferProgress progress() {
        return progress;
    }

    RequestOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "UploadRequest{url=" + Redactor.url(url) + ", from="
                + (file != null ? Redactor.field("file", file) : "stream") + ", length=" + length + ", contentType="
                + Redactor.field("contentType", contentType) + '}';
    }

    /** Builds an {@link UploadRequest}; a source (file or stream) and the content type are required. */
    public static final class Builder {
        private final String url;
        private Path file;
        private Supplier<InputStream> stream;
        private long length = -1;
        private String contentType;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private TransferProgress progress = TransferProgress.NONE;
        private RequestOptions options = RequestOptions.none();

        private Builder(String url) {
            this.url = url;
        }

        /** Uploads a file, streamed from disk (replayable, so retried on 5xx and I/O failures). */
        public Builder file(Path file) {
            this.file = Objects.requireNonNull(file, "file");
            this.stream = null;
            return this;
        }

        /**
         * Uploads {@code length} bytes from streams {@code opener} returns; it is called again for each retry, so it
         * must return a fresh stream over the same bytes each time.
         */
        public Builder stream(Supplier<InputStream> opener, long length) {
            this.stream = Objects.requireNonNull(opener, "opener");
            ClientValidationException.require(length >= 0, "length", "must not be negative");
            this.length = length;
            this.file = null;
            return this;
        }

        /** The {@code Content-Type} exactly as the presigned URL was signed for, e.g. {@code application/pdf}. */
        public Builder contentType(String contentType) {
            this.contentType = ClientValidationException.requireNonBlank("contentType", contentType);
            return this;
        }

        /** A header the URL was signed with (Azure's {@code x-ms-blob-type: BlockBlob}, S3 {@code x-amz-*}). */
        public Builder header(String name, String value) {
            ClientValidationException.requireNonBlank("headerName", name);
            ClientValidationException.require(!name.equalsIgnoreCase("Content-Type"), "headerName",
                    "set the content type with contentType(...)");
            headers.put(name, Objects.requireNonNull(value, name));
            return this;
        }

        public Builder progress(TransferProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public Builder options(RequestOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        public UploadRequest build() {
            HttpUrl parsed = HttpUrl.parse(url);
            ClientValidationException.require(parsed != null, "url", "not an http(s) URL: " + Redactor.url(url));
            ClientValidationException.require(file != null || stream != null, "source",
                    "a source is required: file(path) or stream(opener, length)");
            ClientValidationException.requireNonBlank("contentType", contentType);
            ClientValidationException.require(MediaType.parse(contentType) != null, "contentType",
                    "not a media type: " + contentType);
            if (file != null) {
                ClientValidationException.require(Files.isRegularFile(file), "file", "not a file: " + file);
                ClientValidationException.require(Files.isReadable(file), "file", "not readable: " + file);
            }
            return new UploadRequest(this);
        }
    }
}
