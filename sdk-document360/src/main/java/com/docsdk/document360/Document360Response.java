package com.docsdk.document360;

import com.docsdk.core.RateLimit;
import com.docsdk.core.Redactor;
import com.docsdk.core.SdkException;
import com.docsdk.core.SdkResponse;
import com.docsdk.document360.generated.model.ApiWarning;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A Document360 payload unwrapped from its {@code {data, success, request_id, errors, warnings}} wrapper, with the
 * vendor's non-fatal warnings and the HTTP exchange it came from. Immutable.
 *
 * <pre>{@code
 * Document360Response<ExportTask> r = client.startExportWithResponse(projectId, request, RequestOptions.none());
 * r.warnings().forEach(w -> log.info("{}: {}", w.getCode(), w.getMessage()));
 * String traceId = r.requestId().orElse("-");
 * ExportTask task = r.value();
 * }</pre>
 *
 * @param <T> the payload type (a generated model)
 */
public final class Document360Response<T> {
    private final T value;
    private final List<ApiWarning> warnings;
    private final String requestId;
    private final SdkResponse<?> http;

    Document360Response(T value, List<ApiWarning> warnings, String requestId, SdkResponse<?> http) {
        this.value = value;
        this.warnings = List.copyOf(warnings);
        this.requestId = requestId == null || requestId.isBlank() ? http.requestId().orElse(null) : requestId;
        this.http = http;
    }

    /** The single resource of a response; a 2xx without {@code data} is an {@link SdkException}. */
    static <T> Document360Response<T> single(SdkResponse<Envelope<T>> r, String what) {
        Envelope<T> e = r.value();
        if (e.data() == null) {
            throw new SdkException("Document360 answered HTTP " + r.statusCode() + " without data for " + what
                    + (e.requestId() == null ? "" : " [request id " + e.requestId() + "]"));
        }
        return new Document360Response<>(e.data(), e.warnings(), e.requestId(), r);
    }

    /** The payload ({@code data}); never null. */
    public T value() {
        return value;
    }

    /** The vendor's non-fatal warnings, in order; empty when none (they are also logged at WARN). */
    public List<ApiWarning> warnings() {
        return warnings;
    }

    /** The body's {@code request_id} (else a request-id response header), for support requests. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The HTTP status (200 or 202). */
    public int statusCode() {
        return http.statusCode();
    }

    /** All response headers. */
    public Headers headers() {
        return http.headers();
    }

    /** The {@code X-RateLimit-*} state the response reported, when it reported any. */
    public Optional<RateLimit> rateLimit() {
        return http.rateLimit();
    }

    @Override
    public String toString() {
        return "Document360Response{status=" + http.statusCode() + ", requestId="
                + Redactor.field("requestId", requestId) + ", warnings=" + warnings.size() + ", value="
                + Redactor.field("value", value) + '}';
    }
}
