package com.docsdk.core.transfer;

import com.docsdk.core.Transport;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.error.TransportException;
import com.docsdk.core.internal.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * PUTs a file or stream to a presigned URL: streamed (never held in memory), with exactly the signed
 * {@code Content-Type}, without SDK credentials (they go to the API host only), retried on 5xx and I/O failures
 * (a PUT is idempotent), with progress.
 *
 * <pre>{@code
 * new Uploader(transport).upload(UploadRequest.toUrl(presigned).file(path).contentType("application/pdf").build());
 * }</pre>
 */
public final class Uploader {
    private static final int CHUNK = 64 * 1024;

    private final Transport transport;

    public Uploader(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Uploads, blocking until done.
     *
     * @throws SdkHttpException when the storage service rejects the upload
     * @throws TransportException when it kept failing at the network level
     */
    public UploadResult upload(UploadRequest request) {
        Objects.requireNonNull(request, "request");
        HttpUrl url = HttpUrl.get(request.url());
        transport.requireSecure(url, "url");
        long length = length(request);
        Request.Builder rb = new Request.Builder().url(url).put(new StreamingBody(request, length));
        request.headers().forEach(rb::header);
        Request sent = rb.build();
        try (Response response = transport.newCall(sent, request.options()).execute()) {
            return new UploadResult(response.code(), Optional.ofNullable(response.header("ETag")), length);
        } catch (IOException e) {
            throw Failures.transport(sent, e, 1, null, transport.secrets());
        }
    }

    private static long length(UploadRequest request) {
        if (request.file() == null) {
            return request.length();
        }
        try {
            return Files.size(request.file());
        } catch (IOException e) {
            throw new ClientValidationException("file", "cannot read the size of " + request.file() + ": "
                    + e.getMessage());
        }
    }

    /** Streams the source on every write, so retries resend it from the start. */
    private static final class StreamingBody extends RequestBody {
        private final UploadRequest request;
        private final long length;
        private final MediaType mediaType;

        StreamingBody(UploadRequest request, long length) {
            this.request = request;
            this.length = length;
            this.mediaType = MediaType.get(request.contentType());
        }

        @Override
        public MediaType contentType() {
            return mediaType;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            try (Source source = open()) {
                long sent = 0;
                long n;
                OptionalLong total = OptionalLong.of(length);
                while ((n = source.read(sink.getBuffer(), CHUNK)) != -1) {
                    sink.emitCompleteSegments();
                    sent += n;
                    request.progress().onProgress(sent, total);
                }
                if (sent != length) {
                    throw new IOException("the source held " + sent + " bytes, not the declared " + length);
                }
            }
        }

        private Source open() throws IOException {
            if (request.file() != null) {
                return Okio.source(request.file());
            }
            InputStream in;
            try {
                in = request.stream().get();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (in == null) {
                throw new IOException("the stream opener returned no stream");
            }
            return Okio.source(in);
        }
    }
}
