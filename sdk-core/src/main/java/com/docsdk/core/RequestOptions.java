package com.docsdk.core;

import com.docsdk.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Settings for one call that override the client's: an overall timeout, a retry policy, extra headers, and whether a
 * non-idempotent request may be retried after an I/O failure.
 *
 * <pre>{@code
 * RequestOptions patient = RequestOptions.builder()
 *         .timeout(Duration.ofMinutes(2))
 *         .retryPolicy(RetryPolicy.none())
 *         .header("X-Trace", traceId)
 *         .build();
 * client.listFiles(query, patient);
 * }</pre>
 */
public final class RequestOptions {
    private static final RequestOptions NONE = builder().build();

    private final Duration timeout;
    private final RetryPolicy retryPolicy;
    private final Map<String, String> headers;
    private final Boolean idempotent;

    private RequestOptions(Builder b) {
        this.timeout = b.timeout;
        this.retryPolicy = b.retryPolicy;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.idempotent = b.idempotent;
    }

    /** No overrides: the client's settings apply. */
    public static RequestOptions none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The overall time budget of the call, retries and waits included. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    public Optional<RetryPolicy> retryPolicy() {
        return Optional.ofNullable(retryPolicy);
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Whether the request is safe to repeat; empty means "decided by the HTTP method". */
    public Optional<Boolean> idempotent() {
        return Optional.ofNullable(idempotent);
    }

    /**
     * These options with {@code overrides} laid over them: each setting {@code overrides} makes wins, headers are
     * combined (the override's value wins for the same name).
     */
    public RequestOptions mergedWith(RequestOptions overrides) {
        Objects.requireNonNull(overrides, "overrides");
        if (overrides == NONE || overrides.equals(NONE)) {
            return this;
        }
        if (this == NONE) {
            return overrides;
        }
        Builder b = toBuilder();
        overrides.timeout().ifPresent(b::timeout);
        overrides.retryPolicy().ifPresent(b::retryPolicy);
        overrides.headers().forEach(b::header);
        overrides.idempotent().ifPresent(b::idempotent);
        return b.build();
    }

    /** These options, with {@code idempotent} as the default when they do not say whether the call may repeat. */
    public RequestOptions withDefaultIdempotent(boolean idempotent) {
        return this.idempotent != null ? this : toBuilder().idempotent(idempotent).build();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.timeout = timeout;
        b.retryPolicy = retryPolicy;
        b.headers.putAll(headers);
        b.idempotent = idempotent;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RequestOptions)) {
            return false;
        }
        RequestOptions other = (RequestOptions) o;
        return Objects.equals(timeout, other.timeout) && Objects.equals(retryPolicy, other.retryPolicy)
                && headers.equals(other.headers) && Objects.equals(idempotent, other.idempotent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, retryPolicy, headers, idempotent);
    }

    @Override
    public String toString() {
        String hs = headers.entrySet().stream()
                .map(e -> Redactor.text(e.getKey()) + "=" + Redactor.headerValue(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        return "RequestOptions{timeout=" + timeout + ", retryPolicy=" + retryPolicy + ", headers=" + hs
                + ", idempotent=" + idempotent + '}';
    }

    /** Builds {@link RequestOptions}. */
    public static final class Builder {
        private Duration timeout;
        private RetryPolicy retryPolicy;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Boolean idempotent;

        private Builder() {
        }

        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Adds a header to this call (replacing one of the same name set by the SDK). */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            headers.put(name, value);
            return this;
        }

        /** Marks the call as safe (or not) to repeat after an I/O failure or a 500/502/504. */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
