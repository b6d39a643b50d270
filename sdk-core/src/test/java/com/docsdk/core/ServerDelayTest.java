package com.docsdk.core;

import com.docsdk.core.internal.ServerDelay;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How long the server asked us to wait: Retry-After (seconds or HTTP-date), else the rate-limit reset. */
class ServerDelayTest {
    private static Optional<Duration> delay(String... namesAndValues) {
        return ServerDelay.from(Headers.of(namesAndValues), TestHttp.FIXED_CLOCK);
    }

    private static String httpDate(Duration fromNow) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(TestHttp.NOW.plus(fromNow), ZoneOffset.UTC));
    }

    @Test
    void retryAfterInSeconds() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), delay("Retry-After", "120"));
        assertEquals(Optional.of(Duration.ZERO), delay("Retry-After", "0"));
        assertEquals(Optional.of(Duration.ofSeconds(3)), delay("Retry-After", " 3 "));
    }

    @Test
    void fractionalSecondsRoundUpToTheMillisecond() {
        assertEquals(Optional.of(Duration.ofMillis(1500)), delay("Retry-After", "1.5"));
        assertEquals(Optional.of(Duration.ofMillis(1)), delay("Retry-After", "0.0001"));
    }

    @Test
    void retryAfterAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(45)), delay("Retry-After", httpDate(Duration.ofSeconds(45))));
        assertEquals(Optional.of(Duration.ofSeconds(45)), ServerDelay.parseRetryAfter(
                "Mon, 23 Nov 2026 10:00:45 GMT", TestHttp.FIXED_CLOCK));
    }

    @Test
    void anHttpDateInThePastMeansNoWait() {
        assertEquals(Optional.of(Duration.ZERO), delay("Retry-After", httpDate(Duration.ofHours(-1))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "", "-1", "NaN", "Infinity", "12s", "2026-11-23T10:00:45Z"})
    void anUnreadableRetryAfterIsNoDelay(String value) {
        assertEquals(Optional.empty(), ServerDelay.parseRetryAfter(value, TestHttp.FIXED_CLOCK));
        assertEquals(Optional.empty(), delay("Retry-After", value));
    }

    @Test
    void withoutRetryAfterTheRateLimitResetIsUsedAsDeltaEpochSecondsOrEpochMillis() {
        assertEquals(Optional.of(Duration.ofSeconds(8)), delay("X-RateLimit-Reset", "8"));
        assertEquals(Optional.of(Duration.ofSeconds(9)),
                delay("X-RateLimit-Reset", String.valueOf(TestHttp.NOW.getEpochSecond() + 9)));
        assertEquals(Optional.of(Duration.ofMillis(2500)),
                delay("RateLimit-Reset", String.valueOf(TestHttp.NOW.toEpochMilli() + 2500)));
    }

    @Test
    void aResetInThePastMeansNoWait() {
        assertEquals(Optional.of(Duration.ZERO),
                delay("X-RateLimit-Reset", String.valueOf(TestHttp.NOW.getEpochSecond() - 30)));
    }

    @Test
    void retryAfterWinsOverTheResetAndAGarbageRetryAfterFallsBackToIt() {
        assertEquals(Optional.of(Duration.ofSeconds(2)), delay("Retry-After", "2", "X-RateLimit-Reset", "50"));
        assertEquals(Optional.of(Duration.ofSeconds(50)), delay("Retry-After", "later", "X-RateLimit-Reset", "50"));
    }

    @Test
    void nothingUsableMeansNoDelay() {
        assertEquals(Optional.empty(), delay());
        assertEquals(Optional.empty(), delay("X-RateLimit-Reset", "soon"));
        assertEquals(Optional.empty(), delay("Retry-After", "x", "X-RateLimit-Reset", "y"));
    }
}
