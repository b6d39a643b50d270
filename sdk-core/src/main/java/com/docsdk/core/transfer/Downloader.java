package com.docsdk.core.transfer;

import com.docsdk.core.Redactor;
import com.docsdk.core.Transport;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.error.TransportException;
import com.docsdk.core.internal.DownloadTarget;
import com.docsdk.core.internal.Failures;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a URL to a file or stream with memory independent of the file's size.
 *
 * <ul>
 *   <li>To a file: atomically (temporary file in the same folder, then a move); on any failure nothing is left.</li>
 *   <li>Credentials go only to the client's API host: a presigned S3 or Azure URL gets none.</li>
 *   <li>An expired URL (HTTP 400, 403, 410 from the download host) is replaced by a fresh one from the request's URL
 *       source, a bounded number of times.</li>
 *   <li>A transfer broken mid-body resumes with {@code Range} when the server supports it, else restarts; bounded.</li>
 *   <li>The result gives the bytes written and their SHA-256, hashed on the calling thread as the bytes pass
 *       (no second thread: on few cores a hand-off costs more than the hash).</li>
 *   <li>Memory is one buffer of 256 KiB per download, whatever the file's size; to a file it is a direct buffer that
 *       the socket's bytes are copied into once and written from without another copy.</li>
 * </ul>
 *
 * <pre>{@code
 * DownloadResult r = new Downloader(transport).download(
 *         DownloadRequest.fromUrl(url).toFile(Path.of("export.zip")).build());
 * }</pre>
 */
public final class Downloader {
    private static final Logger LOG = LoggerFactory.getLogger("com.docsdk.transfer");
    private static final int BUFFER_SIZE = 256 * 1024;

    private final Transport transport;

    public Downloader(Transport transport) {
        this.transport = Objects.requireNonNull(transport, "transport");
    }

    /**
     * Downloads, blocking until done.
     *
     * @throws SdkHttpException for an error status (after URL refreshes, when allowed)
     * @throws TransportException when the transfer kept failing
     */
    public DownloadResult download(DownloadRequest request) {
        Objects.requireNonNull(request, "request");
        HttpUrl url = resolve(request.urlSource().get());
        Transfer t = new Transfer(request, url);
        try (DownloadTarget target = DownloadTarget.of(request)) {
            t.buffer = target.buffer(BUFFER_SIZE);
            t.run(target);
            String sha256 = HexFormat.of().formatHex(t.digest.digest());
            Optional<java.nio.file.Path> file = target.commit();
            LOG.debug("downloaded {} bytes from {} (refreshes {}, resumes {})", t.offset, transport.secrets().url(t.url),
                    t.refreshes, t.resumes);
            return new DownloadResult(file, t.offset, sha256, Optional.ofNullable(t.contentType), t.refreshes,
                    t.resumes);
        } catch (IOException e) {
            throw Failures.transport(new Request.Builder().url(t.url).build(), e, t.resumes + 1, null,
                    transport.secrets());
        }
    }

    private HttpUrl resolve(String url) {
        if (url == null || url.isBlank()) {
            throw new ClientValidationException("url", "the URL source returned no URL");
        }
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new ClientValidationException("url", "not an http(s) URL: " + Redactor.url(url));
        }
        transport.requireSecure(parsed, "url");
        return parsed;
    }

    private static boolean looksExpired(int status) {
        return status == 400 || status == 403 || status == 410;
    }

    /** The state of one download across refreshes and resumes. */
    private final class Transfer {
        private final DownloadRequest request;
        private final MessageDigest digest = sha256();
        private ByteBuffer buffer;
        private IOException pendingFailure;
        private HttpUrl url;
        private long offset;
        private String etag;
        private boolean rangesSupported;
        private String contentType;
        private int refreshes;
        private int resumes;

        Transfer(DownloadRequest request, HttpUrl url) {
            this.request = request;
            this.url = url;
        }

        void run(DownloadTarget target) throws IOException {
            while (true) {
                interruptionPoint();
                Request.Builder rb = new Request.Builder().url(url).get();
                if (offset > 0) {
                    rb.header("Range", "bytes=" + offset + "-");
                    if (etag != null) {
                        rb.header("If-Range", etag);
                    }
                }
                Request sent = rb.build();
                try (Response response = transport.newRawCall(sent, request.options()).execute()) {
                    int code = response.code();
                    if (looksExpired(code) && request.refreshable() && refreshes < request.maxUrlRefreshes()) {
                        refreshes++;
                        LOG.debug("download URL {} answered {}: asking the source for a fresh one ({} of {})",
                                transport.secrets().url(url), code, refreshes, request.maxUrlRefreshes());
                        url = resolve(request.urlSource().get());
                        continue;
                    }
                    if (code >= 300) {
                        throw httpError(response);
                    }
                    if (code == 206 && !startsAt(response, offset) && !startsAt(response, 0)) {
                        // A range other than the one asked for: its bytes belong neither at the offset nor at the
                        // start. Start over without Range, as a resume (bounded by maxResumes).
                        if (resumes >= request.maxResumes()) {
                            throw new IOException("the server answered " + response.header("Content-Range")
                                    + " to a request for bytes " + offset + "-");
                        }
                        resumes++;
                        restart(target);
                        pause();
                        continue;
                    }
                    if (offset != 0 && !(code == 206 && startsAt(response, offset))) {
                        // The whole body again: a 200 (If-Range no longer matched, or no range support), or a 206
                        // from the first byte.
                        restart(target);
                    }
                    if (code == 200) {
                        etag = response.header("ETag");
                        rangesSupported = "bytes".equalsIgnoreCase(response.header("Accept-Ranges"));
                        contentType = response.header("Content-Type");
                    }
                    if (copy(response.body(), target)) {
                        return;
                    }
                }
            }
        }

        /** Copies the body; returns false when it broke and the transfer should go on from {@link #offset}. */
        private boolean copy(ResponseBody body, DownloadTarget target) throws IOException {
            long length = body.contentLength();
            OptionalLong total = length == -1 ? OptionalLong.empty() : OptionalLong.of(offset + length);
            try (BufferedSource in = body.source()) {
                while (true) {
                    interruptionPoint();
                    buffer.clear();
                    int n = fill(in, buffer);
                    if (n == -1) {
                        break;
                    }
                    buffer.flip();
                    digest.update(buffer);
                    buffer.rewind();
                    try {
                        target.write(buffer);
                    } catch (IOException e) {
                        throw new DiskException(e);
                    }
                    offset += n;
                    request.progress().onProgress(offset, total);
                }
                // A body shorter than its Content-Length never gets here: OkHttp fails that read ("unexpected end of
                // stream"), which resumes like any other broken transfer.
            } catch (DiskException e) {
                throw (IOException) e.getCause();
            } catch (IOException e) {
                if (resumes >= request.maxResumes() || (!rangesSupported && !target.canRestart())
                        || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                resumes++;
                LOG.debug("download from {} broke after {} bytes ({}); {} ({} of {})", transport.secrets().url(url),
                        offset,
                        e.getClass().getSimpleName(), rangesSupported ? "resuming" : "restarting", resumes,
                        request.maxResumes());
                if (!rangesSupported) {
                    restart(target);
                }
                pause();
                return false;
            }
            return true;
        }

        /**
         * Reads until the buffer is full or the stream ends; -1 at the end. Bytes read before a failure are returned
         * first and the failure is thrown by the next call, so nothing already received is lost.
         */
        private int fill(BufferedSource in, ByteBuffer buffer) throws IOException {
            if (pendingFailure != null) {
                IOException e = pendingFailure;
                pendingFailure = null;
                throw e;
            }
            int filled = 0;
            while (buffer.hasRemaining()) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    if (filled == 0) {
                        throw e;
                    }
                    pendingFailure = e;
                    return filled;
                }
                if (n == -1) {
                    return filled == 0 ? -1 : filled;
                }
                filled += n;
            }
            return filled;
        }

        private void restart(DownloadTarget target) throws IOException {
            if (!target.canRestart()) {
                throw new IOException("the server cannot resume and the caller's stream already holds " + offset
                        + " bytes");
            }
            target.restart();
            digest.reset();
            offset = 0;
        }

        private void pause() throws IOException {
            try {
                transport.sleeper().sleep(transport.retryPolicy().backoff(resumes));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while waiting to resume a download");
            }
        }

        private SdkHttpException httpError(Response response) {
            return transport.errors().toException(response, 1,
                    refreshes > 0 ? "after " + refreshes + " fresh URL(s)" : null);
        }
    }

    /** Ends the download, before any more I/O, when the calling thread was interrupted (the flag stays set). */
    private static void interruptionPoint() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static boolean startsAt(Response response, long offset) {
        String range = response.header("Content-Range");
        return range != null && range.trim().startsWith("bytes " + offset + "-");
    }

    /** A failure writing the target (disk full...): not a network fault, so never resumed. */
    private static final class DiskException extends IOException {
        private static final long serialVersionUID = 1L;

        DiskException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
