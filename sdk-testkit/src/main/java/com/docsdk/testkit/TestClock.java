package com.docsdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that only moves when told to, for expiring simulated URLs and tokens without waiting.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2025-06-15T12:00:00Z"));
 * webAdmit.clock(clock).downloadUrlLifetime(Duration.ofSeconds(25));
 * // ... get a download URL ...
 * clock.advance(Duration.ofSeconds(30)); // the URL has now expired
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock standing at {@code instant}, in UTC. */
    public static TestClock at(Instant instant) {
        return new TestClock(new AtomicReference<>(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
    }

    /** A clock standing at the current system time, in UTC. */
    public static TestClock atSystemTime() {
        return at(Instant.now());
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public TestClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        now.updateAndGet(instant -> instant.plus(duration));
        return this;
    }

    /** Sets the clock to {@code instant}. */
    public TestClock set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(now, zone);
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + "]";
    }
}
