package com.docsdk.core;

import com.docsdk.core.error.ClientValidationException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class QueryDateTimeTest {
    private static final QueryDateTime MILLIS = QueryDateTime.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final QueryDateTime SECONDS = QueryDateTime.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    @Test
    void rendersExactlyThePatternInUtc() {
        assertEquals("2025-05-01T00:00:00.000Z", MILLIS.format(Instant.parse("2025-05-01T00:00:00Z")));
        assertEquals("2025-05-01T00:00:00.123Z", MILLIS.format(Instant.parse("2025-05-01T00:00:00.123456789Z")));
        assertEquals("2025-05-01T00:00:00.120Z",
                MILLIS.format(OffsetDateTime.parse("2025-05-01T02:00:00.12+02:00")));
        assertEquals("2022-03-16T16:59:55Z", SECONDS.format(OffsetDateTime.parse("2022-03-16T17:59:55.9+01:00")));
        assertEquals("yyyy-MM-dd'T'HH:mm:ss'Z'", SECONDS.pattern());
    }

    @Test
    void aBadPatternIsRefusedNamingIt() {
        assertEquals("pattern", assertThrows(ClientValidationException.class,
                () -> QueryDateTime.ofPattern("yyyy-MM-dd'T")).field());
        assertEquals("pattern", assertThrows(ClientValidationException.class,
                () -> QueryDateTime.ofPattern(" ")).field());
    }
}
