package com.docsdk.core.retry;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token bucket shared by every call of a client (or of several clients given the same instance), as in the AWS SDK:
 * each retry withdraws tokens, each success puts one back. During a sustained outage the bucket empties, retries stop
 * multiplying the load, and calls fail at once with their first error until successes refill it.
 *
 * <pre>{@code
 * RetryBudget shared = RetryBudget.standard();
 * FileAiClient a = FileAiClient.builder().retryBudget(shared)...build();
 * WebAdmitClient b = WebAdmitClient.builder().retryBudget(shared)...build();
 * }</pre>
 */
public final class RetryBudget {
    private final int capacity;
    private final int retryCost;
    private final int timeoutRetryCost;
    private final int successRefill;
    private final AtomicInteger available;

    private RetryBudget(int capacity, int retryCost, int timeoutRetryCost, int successRefill) {
        if (capacity < 0 || retryCost < 0 || timeoutRetryCost < 0 || successRefill < 0) {
            throw new IllegalArgumentException("retry budget figures must not be negative");
        }
        this.capacity = capacity;
        this.retryCost = retryCost;
        this.timeoutRetryCost = timeoutRetryCost;
        this.successRefill = successRefill;
        this.available = new AtomicInteger(capacity);
    }

    /** The AWS SDK's standard figures: 500 tokens, 5 per retry, 10 per retry after a timeout, 1 back per success. */
    public static RetryBudget standard() {
        return new RetryBudget(500, 5, 10, 1);
    }

    /** A custom bucket. */
    public static RetryBudget of(int capacity, int retryCost, int timeoutRetryCost, int successRefill) {
        return new RetryBudget(capacity, retryCost, timeoutRetryCost, successRefill);
    }

    /** No budget: retries are limited by the {@link RetryPolicy} alone. */
    public static RetryBudget unlimited() {
        return new RetryBudget(0, 0, 0, 0);
    }

    public boolean tryAcquire(boolean afterTimeout) {
        int cost = afterTimeout ? timeoutRetryCost : retryCost;
        while (true) { // a cost of 0 (an unlimited budget) always succeeds
            int now = available.get();
            if (now < cost) {
                return false;
            }
            if (available.compareAndSet(now, now - cost)) {
                return true;
            }
        }
    }

    public void onSuccess() {
        available.getAndUpdate(v -> Math.min(capacity, v + successRefill));
    }

    /** Tokens left now. */
    public int available() {
        return available.get();
    }

    @Override
    public String toString() {
        return "RetryBudget{available=" + available.get() + "/" + capacity + ", retryCost=" + retryCost
                + ", timeoutRetryCost=" + timeoutRetryCost + ", successRefill=" + successRefill + '}';
    }
}
