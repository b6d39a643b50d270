package com.docsdk.core.wait;

import com.docsdk.core.error.ClientValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * Timing of a {@link Poller}: first poll after {@code initialDelay}, then every {@code interval}, growing by
 * {@code backoffMultiplier} up to {@code maxInterval}, for at most {@code timeout} in all. A {@code Retry-After} on a
 * poll response replaces the next interval. Immutable.
 *
 * <pre>{@code
 * PollOptions patient = PollOptions.builder()
 *         .interval(Duration.ofSeconds(5)).maxInterval(Duration.ofMinutes(1)).timeout(Duration.ofHours(1)).build();
 * }</pre>
 */
public final class PollOptions {
    private static final PollOptions DEFAULTS = builder().build();

    private final Duration initialDelay;
    private final Duration interval;
    private final double backoffMultiplier;
    private final Duration maxInterval;
    private final Duration timeout;

    private PollOptions(Builder b) {
        this.initialDelay = b.initialDelay;
        this.interval = b.interval;
        this.backoffMultiplier = b.backoffMultiplier;
        this.maxInterval = b.maxInterval;
        this.timeout = b.timeout;
    }

    /** First poll at once, then every 1 s growing by 1.5x up to 30 s; give up after 15 minutes. */
    public static PollOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().initialDelay(initialDelay).interval(interval).backoffMultiplier(backoffMultiplier)
                .maxInterval(maxInterval).timeout(timeout);
    }

    public Duration initialDelay() {
        return initialDelay;
    }

    public Duration interval() {
        return interval;
    }

    public double backoffMultiplier() {
        return backoffMultiplier;
    }

    public Duration maxInterval() {
        return maxInterval;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The wait before poll {@code n + 1}, after poll {@code n} (from 1). */
    Duration intervalAfter(int poll) {
        double factor = Math.pow(backoffMultiplier, Math.max(0, poll - 1));
        double millis = Math.min(maxInterval.toMillis(), interval.toMillis() * factor);
        return Duration.ofMillis((long) millis);
    }

    @Override
    public String toString() {
        return "PollOptions{initialDelay=" + initialDelay + ", interval=" + interval + ", backoffMultiplier="
                + backoffMultiplier + ", maxInterval=" + maxInterval + ", timeout=" + timeout + '}';
    }

    /** Builds {@link PollOptions}; every setting has a default. */
    public static final class Builder {
        private Duration initialDelay = Duration.ZERO;
        private Duration interval = Duration.ofSeconds(1);
        private double backoffMultiplier = 1.5;
        private Duration maxInterval = Duration.ofSeconds(30);
        private Duration timeout = Duration.ofMinutes(15);

        private Builder() {
        }

        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = nonNegative(initialDelay, "initialDelay");
            return this;
        }

        public Builder interval(Duration interval) {
            this.interval = nonNegative(interval, "interval");
            return this;
        }

        /** Growth of the interval after each poll; 1.0 keeps it fixed. */
        public Builder backoffMultiplier(double multiplier) {
            ClientValidationException.require(multiplier >= 1.0 && Double.isFinite(multiplier), "backoffMultiplier",
                    "must be a finite number >= 1.0");
            this.backoffMultiplier = multiplier;
            return this;
        }

        public Builder maxInterval(Duration maxInterval) {
            this.maxInterval = nonNegative(maxInterval, "maxInterval");
            return this;
        }

        /** The longest the whole wait may take. */
        public Builder timeout(Duration timeout) {
            this.timeout = nonNegative(timeout, "timeout");
            return this;
        }

        public PollOptions build() {
            ClientValidationException.require(maxInterval.compareTo(interval) >= 0, "maxInterval",
                    "must not be shorter than interval");
            return new PollOptions(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            ClientValidationException.requireNonNull(name, d);
            ClientValidationException.require(!d.isNegative(), name, "must not be negative");
            return d;
        }
    }
}
