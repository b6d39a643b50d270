package com.docsdk.core.wait;

import com.docsdk.core.error.SdkException;
import java.time.Duration;
import java.util.Optional;

/**
 * A wait on a long-running operation ended without the operation succeeding. Carries what the waiter last saw.
 *
 * <pre>{@code
 * try {
 *     client.awaitExport(id);
 * } catch (WaitTimeoutException e) {
 *     log.warn("still {} after {} ({} polls)", e.lastStatus().orElse("?"), e.elapsed(), e.polls());
 * }
 * }</pre>
 */
public abstract class WaitException extends SdkException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final String lastStatus;
    private final Duration elapsed;
    private final int polls;

    WaitException(String message, Throwable cause, String operation, String lastStatus, Duration elapsed, int polls) {
        super(message, cause, polls);
        this.operation = operation;
        this.lastStatus = lastStatus;
        this.elapsed = elapsed;
        this.polls = polls;
    }

    /** What was waited on, e.g. {@code "WebAdMIT export 42"}. */
    public String operation() {
        return operation;
    }

    /** The vendor's last observed status string, if a poll completed. */
    public Optional<String> lastStatus() {
        return Optional.ofNullable(lastStatus);
    }

    /** How long the wait lasted. */
    public Duration elapsed() {
        return elapsed;
    }

    /** How many polls completed. */
    public int polls() {
        return polls;
    }
}
