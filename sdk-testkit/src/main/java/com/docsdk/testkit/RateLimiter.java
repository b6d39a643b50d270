package com.docsdk.testkit;

import java.time.Duration;
import java.time.Instant;

/** A fixed-window request counter: {@code limit} requests per {@code window}, the window opening at its first request. */
final class RateLimiter {
    /** The outcome for one request, with what the rate-limit headers report. */
    record Decision(boolean allowed, int limit, int remaining, Instant resetAt, long retryAfterSeconds) {
    }

    private final int limit;
    private final Duration window;
    private Instant windowStart;
    private int used;

    RateLimiter(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        this.limit = limit;
        this.window = window;
    }

    Decision acquire(Instant now) {
        if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            used = 0;
        }
        Instant resetAt = windowStart.plus(window);
        long retryAfter = Math.max(1, (long) Math.ceil(Duration.between(now, resetAt).toMillis() / 1000.0));
        if (used >= limit) {
            return new Decision(false, limit, 0, resetAt, retryAfter);
        }
        used++;
        return new Decision(true, limit, limit - used, resetAt, retryAfter);
    }

    void reset() {
        windowStart = null;
        used = 0;
    }
}
