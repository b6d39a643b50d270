package com.docsdk.core;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.Headers;

/**
 * The rate-limit state a response reported in {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and
 * {@code X-RateLimit-Reset} (or their {@code RateLimit-*} equivalents).
 *
 * <pre>{@code
 * SdkResponse<ExportFile> r = webadmit.withResponse().getExportFile(exportId, fileId);
 * r.rateLimit().ifPresent(rl -> log.info("{} of {} calls left", rl.remaining(), rl.limit()));
 * }</pre>
 */
public final class RateLimit {
    /** Values at or above this are epoch seconds; below it, seconds from now (2001-09-09 in epoch seconds). */
    static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;

    private final OptionalLong limit;
    private final OptionalLong remaining;
    private final Instant reset;

    private RateLimit(OptionalLong limit, OptionalLong remaining, Instant reset) {
        this.limit = limit;
        this.remaining = remaining;
        this.reset = reset;
    }

    /** Reads the rate-limit headers; empty when none of them is present and numeric. */
    public static Optional<RateLimit> from(Headers headers, Clock clock) {
        OptionalLong limit = number(headers, "X-RateLimit-Limit", "RateLimit-Limit");
        OptionalLong remaining = number(headers, "X-RateLimit-Remaining", "RateLimit-Remaining");
        OptionalLong resetValue = number(headers, "X-RateLimit-Reset", "RateLimit-Reset");
        if (limit.isEmpty() && remaining.isEmpty() && resetValue.isEmpty()) {
            return Optional.empty();
        }
        Instant reset = resetValue.isPresent() ? resetInstant(resetValue.getAsLong(), clock) : null;
        return Optional.of(new RateLimit(limit, remaining, reset));
    }

    /**
     * Interprets an {@code X-RateLimit-Reset} value: vendors send either epoch seconds (Document360) or seconds from
     * now. A value that is a plausible epoch time (at or after 2001) is taken as epoch seconds, a smaller one as a
     * delta; epoch milliseconds are recognised too.
     */
    public static Instant resetInstant(long value, Clock clock) {
        if (value >= EPOCH_SECONDS_THRESHOLD * 1000L) {
            return Instant.ofEpochMilli(value);
        }
        if (value >= EPOCH_SECONDS_THRESHOLD) {
            return Instant.ofEpochSecond(value);
        }
        return clock.instant().plusSeconds(Math.max(0, value));
    }

    private static OptionalLong number(Headers headers, String... names) {
        for (String name : names) {
            String v = headers.get(name);
            if (v != null) {
                try {
                    return OptionalLong.of(Long.parseLong(v.trim()));
                } catch (NumberFormatException ignored) {
                    // fall through: a non-numeric value is treated as absent
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The number of calls allowed in the current window, when the server said. */
    public OptionalLong limit() {
        return limit;
    }

    /** The number of calls left in the current window, when the server said. */
    public OptionalLong remaining() {
        return remaining;
    }

    /** When the window resets, when the server said. */
    public Optional<Instant> reset() {
        return Optional.ofNullable(reset);
    }

    @Override
    public String toString() {
        return "RateLimit{limit=" + (limit.isPresent() ? limit.getAsLong() : "?")
                + ", remaining=" + (remaining.isPresent() ? remaining.getAsLong() : "?")
                + ", reset=" + (reset == null ? "?" : reset) + '}';
    }
}
