package com.docsdk.core;

import com.docsdk.core.error.ClientValidationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Renders date-times for query strings in the one form a vendor documents, always in UTC. Each vendor spec that has
 * date-time query parameters declares that form once, as the root extension
 * {@code x-docsdk-query-date-time-format} (a {@link DateTimeFormatter} pattern); the generated {@code ApiClient} of
 * the vendor module renders every {@code OffsetDateTime} query parameter with it. Fields finer than the pattern are
 * truncated (a pattern with {@code .SSS} drops the microseconds). Immutable and thread-safe.
 *
 * <pre>{@code
 * QueryDateTime fileAi = QueryDateTime.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
 * fileAi.format(Instant.parse("2025-05-01T00:00:00Z"));                        // "2025-05-01T00:00:00.000Z"
 * fileAi.format(OffsetDateTime.parse("2025-05-01T02:00:00.123456789+02:00")); // "2025-05-01T00:00:00.123Z"
 * }</pre>
 */
public final class QueryDateTime {
    private final String pattern;
    private final DateTimeFormatter formatter;

    private QueryDateTime(String pattern, DateTimeFormatter formatter) {
        this.pattern = pattern;
        this.formatter = formatter;
    }

    /**
     * @throws ClientValidationException naming {@code pattern} when it is blank or not a {@link DateTimeFormatter}
     *     pattern
     */
    public static QueryDateTime ofPattern(String pattern) {
        ClientValidationException.requireNonBlank("pattern", pattern);
        try {
            return new QueryDateTime(pattern, DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC));
        } catch (IllegalArgumentException e) {
            throw new ClientValidationException("pattern", "is not a date-time pattern: " + e.getMessage());
        }
    }

    /** The instant, rendered in UTC. */
    public String format(Instant instant) {
        return formatter.format(Objects.requireNonNull(instant, "instant"));
    }

    /** The instant this date-time names, rendered in UTC (its own offset is not kept). */
    public String format(OffsetDateTime dateTime) {
        return format(Objects.requireNonNull(dateTime, "dateTime").toInstant());
    }

    /** The {@link DateTimeFormatter} pattern. */
    public String pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return "QueryDateTime{" + Redactor.text(pattern) + " UTC}";
    }
}
