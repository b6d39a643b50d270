package com.docsdk.core.retry;

import com.docsdk.core.RateLimit;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.RateLimitException;
import com.docsdk.core.error.ServerException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before trying a request again. Immutable; set per client and overridable per call.
 *
 * <ul>
 *   <li>429 and 503 are retried for every method: the server refused the work before doing it.</li>
 *   <li>500, 502, 504 and I/O failures are retried only for idempotent requests (GET, HEAD, PUT, DELETE, OPTIONS, and
 *       any request marked {@linkplain RequestOptions.Builder#idempotent(boolean) idempotent}); a connection that
 *       could not be made (the request provably never left) is retried for any method. A POST the server may have
 *       read (a connection reset or closed after it was written, pooled or not) is never re-sent.</li>
 *   <li>Every re-send is this policy's decision: the HTTP client's own silent retries (OkHttp's
 *       {@code retryOnConnectionFailure}, its immediate repeat of a {@code 503} with {@code Retry-After: 0}) are
 *       switched off, so at most {@code maxRetries + 1} attempts go on the wire and the exception counts them. The
 *       one replay outside {@code maxRetries}: a {@code 401} from the API with a refreshing token is sent once more
 *       with a fresh token (the server refused it before doing any work); it is counted as an attempt.</li>
 *   <li>The wait is the server's {@code Retry-After} (seconds or HTTP-date), else its {@code X-RateLimit-Reset}, else
 *       exponential backoff with full jitter: a random wait between 0 and {@code min(maxBackoff, baseDelay * 2^n)}.</li>
 *   <li>A server-requested wait longer than {@link #maxServerDelay()} is not slept: the call fails at once with a
 *       {@link RateLimitException} (or {@link ServerException}) carrying the server's retry-after.</li>
 * </ul>
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder().maxRetries(6).maxBackoff(Duration.ofSeconds(30)).build();
 * FileAiClient client = FileAiClient.builder().retryPolicy(patient)...build();
 * }</pre>
 */
public final class RetryPolicy {
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxRetries(0).build();

    private final int maxRetries;
    private final Duration baseDelay;
    private final Duration maxBackoff;
    private final Duration maxServerDelay;
    private final DoubleSupplier jitter;

    private RetryPolicy(Builder b) {
        this.maxRetries = b.maxRetries;
        this.baseDelay = b.baseDelay;
        this.maxBackoff = b.maxBackoff;
        this.maxServerDelay = b.maxServerDelay;
        this.jitter = b.jitter;
    }

    /** 3 retries, base 0.5 s, backoff cap 20 s, server waits up to 60 s honoured. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** Never retry. */
    public static RetryPolicy none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxRetries = maxRetries;
        b.baseDelay = baseDelay;
        b.maxBackoff = maxBackoff;
        b.maxServerDelay = maxServerDelay;
        b.jitter = jitter;
        return b;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration baseDelay() {
        return baseDelay;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The longest server-requested wait ({@code Retry-After}) the SDK sleeps before giving up at once. */
    public Duration maxServerDelay() {
        return maxServerDelay;
    }

    /** True when the HTTP status may be retried for a request with this idempotency. */
    public boolean isRetryableStatus(int status, boolean idempotent) {
        if (status == 429 || status == 503) {
            return true;
        }
        return idempotent && (status == 500 || status == 502 || status == 504);
    }

    /** True when the I/O failure may be retried for a request with this idempotency. */
    public boolean isRetryableFailure(IOException e, boolean idempotent) {
        if (failedBeforeSending(e)) {
            return true;
        }
        if (e instanceof UnknownHostException) {
            return false;
        }
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
            return false; // cancelled or call timeout
        }
        return idempotent;
    }

    /**
     * True when the failure proves the request never left: no connection could be made, so no byte of it was
     * written. A failure that carries another, suppressed failure (an earlier try inside the HTTP client) proves
     * nothing about that earlier try unless it is a connect failure too.
     */
    static boolean failedBeforeSending(IOException e) {
        if (!isConnectFailure(e)) {
            return false;
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (!(suppressed instanceof IOException io) || !isConnectFailure(io)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isConnectFailure(IOException e) {
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return true;
        }
        return e instanceof SocketTimeoutException && e.getMessage() != null
                && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("connect");
    }

    public static boolean isIdempotentMethod(String method) {
        return IDEMPOTENT_METHODS.contains(method);
    }

    /** Full-jitter exponential backoff for the given retry (1 for the first retry). */
    public Duration backoff(int retry) {
        // In doubles: base * 2^(retry-1) cannot overflow (it saturates), and the cap bounds it.
        double ceiling = Math.min(maxBackoff.toMillis(), baseDelay.toMillis() * Math.pow(2, retry - 1));
        return Duration.ofMillis((long) (jitter.getAsDouble() * ceiling));
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxRetries=" + maxRetries + ", baseDelay=" + baseDelay + ", maxBackoff=" + maxBackoff
                + ", maxServerDelay=" + maxServerDelay + '}';
    }

    /** Builds a {@link RetryPolicy}; every setting has a default. */
    public static final class Builder {
        private int maxRetries = 3;
        private Duration baseDelay = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(20);
        private Duration maxServerDelay = Duration.ofSeconds(60);
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /** Retries after the first attempt; 0 disables retrying. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = positive(baseDelay, "baseDelay");
            return this;
        }

        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = positive(maxBackoff, "maxBackoff");
            return this;
        }

        /** The longest {@code Retry-After} that is slept; a longer one fails the call at once. */
        public Builder maxServerDelay(Duration maxServerDelay) {
            this.maxServerDelay = positive(maxServerDelay, "maxServerDelay");
            return this;
        }

        /**
         * The source of jitter, a number in [0, 1): the backoff is this fraction of its ceiling. For tests;
         * {@code () -> 1.0} makes backoff deterministic at its ceiling.
         */
        public Builder jitter(DoubleSupplier jitter) {
            this.jitter = Objects.requireNonNull(jitter, "jitter");
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return d;
        }
    }
}
