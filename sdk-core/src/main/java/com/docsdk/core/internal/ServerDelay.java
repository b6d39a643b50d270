package com.docsdk.core.internal;

import com.docsdk.core.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Headers;

/** How long a server asked us to wait: {@code Retry-After} (seconds or HTTP-date), else {@code X-RateLimit-Reset}. */
public final class ServerDelay {
    private ServerDelay() {
    }

    public static Optional<Duration> from(Headers headers, Clock clock) {
        String retryAfter = headers.get("Retry-After");
        if (retryAfter != null) {
            Optional<Duration> parsed = parseRetryAfter(retryAfter.trim(), clock);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        String reset = headers.get("X-RateLimit-Reset");
        if (reset == null) {
            reset = headers.get("RateLimit-Reset");
        }
        if (reset != null) {
            try {
                Instant at = RateLimit.resetInstant(Long.parseLong(reset.trim()), clock);
                return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
            } catch (NumberFormatException ignored) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        try {
            double seconds = Double.parseDouble(value);
            if (seconds >= 0 && !Double.isInfinite(seconds)) {
                return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
            }
            return Optional.empty();
        } catch (NumberFormatException notANumber) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
