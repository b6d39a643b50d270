package com.docsdk.core;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import okhttp3.Headers;

/**
 * A parsed value together with the HTTP exchange it came from: status, headers (rate-limit headers in particular)
 * and the vendor's request id.
 *
 * <pre>{@code
 * SdkResponse<FileList> r = fileAi.withResponse().listFiles(query);
 * int status = r.statusCode();
 * Optional<String> requestId = r.requestId();
 * Optional<RateLimit> rateLimit = r.rateLimit();
 * FileList files = r.value();
 * }</pre>
 *
 * @param <T> the parsed body type
 */
public final class SdkResponse<T> {
    private final T value;
    private final int statusCode;
    private final Headers headers;
    private final String requestId;
    private final RateLimit rateLimit;

    private SdkResponse(T value, int statusCode, Headers headers, String requestId, RateLimit rateLimit) {
        this.value = value;
        this.statusCode = statusCode;
        this.headers = headers;
        this.requestId = requestId;
        this.rateLimit = rateLimit;
    }

    /** Builds a response view; {@code requestIdHeaders} are tried in order. */
    public static <T> SdkResponse<T> of(T value, int statusCode, Headers headers, List<String> requestIdHeaders,
            Clock clock) {
        String requestId = null;
        for (String name : requestIdHeaders) {
            String v = headers.get(name);
            if (v != null && !v.isBlank()) {
                requestId = v;
                break;
            }
        }
        return new SdkResponse<>(value, statusCode, headers, requestId, RateLimit.from(headers, clock).orElse(null));
    }

    /** The same exchange with another value (for example after unwrapping an envelope). */
    public <U> SdkResponse<U> withValue(U newValue) {
        return new SdkResponse<>(newValue, statusCode, headers, requestId, rateLimit);
    }

    /** The parsed body; for operations without a body, the SDK's representation of "nothing" (never null). */
    public T value() {
        return value;
    }

    public int statusCode() {
        return statusCode;
    }

    /** All response headers. Credential-bearing headers are never sent back by our vendors, but print with care. */
    public Headers headers() {
        return headers;
    }

    /** The first value of a response header, case-insensitively. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The vendor's request id from the response headers, when it sent one. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The rate-limit state the response reported, when it reported any. */
    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }

    @Override
    public String toString() {
        return "SdkResponse{status=" + statusCode + ", requestId=" + Redactor.field("requestId", requestId)
                + ", rateLimit=" + rateLimit + ", value=" + Redactor.field("value", value) + '}';
    }
}
