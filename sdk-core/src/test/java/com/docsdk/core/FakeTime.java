package com.docsdk.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only moves when something sleeps on it: waits take no real time. Shared with the vendor modules' tests
 * through sdk-core's test jar.
 */
public final class FakeTime extends Clock implements Sleeper {
    /** Every wait requested, in order. */
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private volatile Instant now;

    public FakeTime(Instant start) {
        this.now = start;
    }

    /** Starting at 2024-09-01T08:00:00Z. */
    public FakeTime() {
        this(Instant.parse("2024-09-01T08:00:00Z"));
    }

    /** Moves the clock without recording a wait (time passing outside the client). */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        sleeps.add(duration);
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
