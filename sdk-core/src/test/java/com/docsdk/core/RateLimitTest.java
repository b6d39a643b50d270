package com.docsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading X-RateLimit-* / RateLimit-* headers. */
class RateLimitTest {
    private static final Instant NOW = TestHttp.NOW;

    private static Optional<RateLimit> parse(String... namesAndValues) {
        return RateLimit.from(Headers.of(namesAndValues), TestHttp.FIXED_CLOCK);
    }

    @Test
    void readsLimitRemainingAndAnEpochSecondsReset() {
        RateLimit rl = parse("X-RateLimit-Limit", "100", "X-RateLimit-Remaining", "7",
                "X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 30)).orElseThrow();
        assertEquals(OptionalLong.of(100), rl.limit());
        assertEquals(OptionalLong.of(7), rl.remaining());
        assertEquals(Optional.of(NOW.plusSeconds(30)), rl.reset());
    }

    @ParameterizedTest(name = "reset {0} -> now + {1} ms")
    @CsvSource({
        "0, 0",                       // delta: resets now
        "60, 60000",                  // delta in seconds
        "999999999, 999999999000",    // the largest delta (about 31 years)
        "-5, 0",                      // a negative delta is clamped to now
    })
    void smallResetValuesAreSecondsFromNow(long value, long expectedMillisFromNow) {
        assertEquals(NOW.plusMillis(expectedMillisFromNow), RateLimit.resetInstant(value, TestHttp.FIXED_CLOCK));
    }

    @Test
    void plausibleEpochValuesAreEpochSecondsOrEpochMillis() {
        assertEquals(Instant.ofEpochSecond(1_000_000_000L),
                RateLimit.resetInstant(1_000_000_000L, TestHttp.FIXED_CLOCK));
        assertEquals(NOW.plusSeconds(90), RateLimit.resetInstant(NOW.getEpochSecond() + 90, TestHttp.FIXED_CLOCK));
        assertEquals(NOW.plusMillis(1500), RateLimit.resetInstant(NOW.toEpochMilli() + 1500, TestHttp.FIXED_CLOCK));
        assertEquals(NOW.minusSeconds(10), RateLimit.resetInstant(NOW.getEpochSecond() - 10, TestHttp.FIXED_CLOCK));
    }

    @Test
    void theIetfDraftNamesAreReadToo() {
        RateLimit rl = parse("RateLimit-Limit", "10", "RateLimit-Remaining", "0", "RateLimit-Reset", "5")
                .orElseThrow();
        assertEquals(OptionalLong.of(10), rl.limit());
        assertEquals(OptionalLong.of(0), rl.remaining());
        assertEquals(Optional.of(NOW.plusSeconds(5)), rl.reset());
    }

    @Test
    void theXPrefixedHeaderWinsOverTheDraftOne() {
        assertEquals(OptionalLong.of(60),
                parse("RateLimit-Limit", "10", "X-RateLimit-Limit", "60").orElseThrow().limit());
    }

    @Test
    void onlyRemainingIsEnough() {
        RateLimit rl = parse("x-ratelimit-remaining", " 3 ").orElseThrow();
        assertEquals(OptionalLong.of(3), rl.remaining());
        assertEquals(OptionalLong.empty(), rl.limit());
        assertEquals(Optional.empty(), rl.reset());
        assertEquals("RateLimit{limit=?, remaining=3, reset=?}", rl.toString());
    }

    @Test
    void absentOrNonNumericHeadersGiveNothing() {
        assertEquals(Optional.empty(), parse());
        assertEquals(Optional.empty(), parse("X-RateLimit-Limit", "lots", "X-RateLimit-Remaining", "",
                "X-RateLimit-Reset", "Tue, 24 Nov 2026 10:00:00 GMT"));
        assertEquals(Optional.empty(), parse("X-RateLimit-Remaining", "1.5"));
    }

    @Test
    void aNonNumericValueFallsBackToTheOtherName() {
        assertEquals(OptionalLong.of(10), parse("X-RateLimit-Limit", "n/a", "RateLimit-Limit", "10")
                .orElseThrow().limit());
    }
}
