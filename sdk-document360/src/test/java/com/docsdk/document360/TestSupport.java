package com.docsdk.document360;

import com.docsdk.core.RetryPolicy;
import com.docsdk.core.Sleeper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A recording sleeper, a hand-moved clock and a client builder aimed at WireMock. */
final class TestSupport {
    static final String TOKEN = "d360-portal-token";
    static final Instant START = Instant.parse("2026-05-12T10:00:00Z");

    private TestSupport() {
    }

    /** Records waits instead of waiting, and moves {@link #clock} by them. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> sleeps = new CopyOnWriteArrayList<>();
        final MutableClock clock;

        RecordingSleeper(MutableClock clock) {
            this.clock = clock;
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            clock.advance(duration);
        }
    }

    /** A clock the test (or the sleeper) moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now = START;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a test clock has one zone");
        }
    }

    /** A bearer-token client for {@code wm} that never really waits; retries without jitter. */
    static Document360Client.Builder builder(WireMockExtension wm, RecordingSleeper sleeper) {
        return Document360Client.builder()
                .baseUrl(wm.baseUrl())
                .bearerToken(TOKEN)
                .clock(sleeper.clock)
                .sleeper(sleeper)
                .retryPolicy(RetryPolicy.builder().jitter(() -> 1.0).build());
    }
}
