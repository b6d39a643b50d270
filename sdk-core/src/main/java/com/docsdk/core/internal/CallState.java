package com.docsdk.core.internal;

/**
 * Per-call bookkeeping shared by the interceptors of one call across its retries: how many attempts were made and,
 * when the SDK stopped retrying early, why. Carried as a request tag; one call runs on one thread at a time.
 */
public final class CallState {
    private int attempts;
    private String stopReason;
    private long deadlineNanos;
    private boolean hasDeadline;

    /** Records when the call's timeout, started just before execution, expires ({@link System#nanoTime()}). */
    public void deadline(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        this.hasDeadline = true;
    }

    /** True when the call had a timeout and it has passed. */
    boolean deadlinePassed() {
        return hasDeadline && System.nanoTime() - deadlineNanos >= 0;
    }

    boolean hasDeadline() {
        return hasDeadline;
    }

    int nextAttempt() {
        return ++attempts;
    }

    public int attempts() {
        return Math.max(1, attempts);
    }

    void stopReason(String reason) {
        this.stopReason = reason;
    }

    String stopReason() {
        return stopReason;
    }

    /** The call's state, creating it on a request that has none (a client built around our interceptors by hand). */
    public static CallState of(okhttp3.Request request) {
        CallState state = request.tag(CallState.class);
        return state != null ? state : new CallState();
    }
}
