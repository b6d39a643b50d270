package com.docsdk.core.error;

import com.docsdk.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.Optional;

/**
 * The server refused the work because of a rate limit (429), and either the retries ran out or the server asked for a
 * wait longer than the {@link RetryPolicy#maxServerDelay() policy allows} (then the SDK fails at once instead of
 * hanging). {@link #retryAfter()} says when the server expects the next call.
 *
 * <pre>{@code
 * } catch (RateLimitException e) {
 *     Duration wait = e.retryAfter().orElse(Duration.ofMinutes(1));
 *     scheduler.schedule(job, wait.toSeconds(), TimeUnit.SECONDS);
 * }
 * }</pre>
 */
public class RateLimitException extends SdkHttpException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitException(HttpErrorContext context) {
        super(context);
        this.retryAfter = context.retryAfter();
    }

    /** How long the server asked the client to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
