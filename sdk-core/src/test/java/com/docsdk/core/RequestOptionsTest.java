package com.docsdk.core;

import com.docsdk.core.retry.RetryPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Per-call options: validation, merging over a service's defaults, equality and what they print. */
class RequestOptionsTest {
    private static final RetryPolicy PATIENT = RetryPolicy.builder().maxRetries(6).build();

    @Test
    void aTimeoutMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().timeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RequestOptions.builder().timeout(Duration.ofMillis(-1)));
        assertEquals(Optional.of(Duration.ofMillis(1)),
                RequestOptions.builder().timeout(Duration.ofMillis(1)).build().timeout());
    }

    @Test
    void mergingLetsTheOverridesWinSettingBySetting() {
        RequestOptions base = RequestOptions.builder().timeout(Duration.ofSeconds(5)).header("X-A", "1")
                .header("X-B", "1").build();
        RequestOptions overrides = RequestOptions.builder().retryPolicy(PATIENT).header("X-B", "2")
                .idempotent(true).build();
        RequestOptions merged = base.mergedWith(overrides);
        assertEquals(Optional.of(Duration.ofSeconds(5)), merged.timeout());
        assertEquals(Optional.of(PATIENT), merged.retryPolicy());
        assertEquals(Map.of("X-A", "1", "X-B", "2"), merged.headers());
        assertEquals(Optional.of(true), merged.idempotent());
        assertEquals(Optional.of(Duration.ofSeconds(1)), base.mergedWith(RequestOptions.builder()
                .timeout(Duration.ofSeconds(1)).build()).timeout());

        assertSame(base, base.mergedWith(RequestOptions.none()));
        assertSame(base, base.mergedWith(RequestOptions.builder().build()));
        assertSame(overrides, RequestOptions.none().mergedWith(overrides));
        assertThrows(NullPointerException.class, () -> base.mergedWith(null));
    }

    @Test
    void aDefaultIdempotencyAppliesOnlyWhenTheCallerSetNone() {
        assertEquals(Optional.of(true), RequestOptions.none().withDefaultIdempotent(true).idempotent());
        RequestOptions explicit = RequestOptions.builder().idempotent(false).build();
        assertSame(explicit, explicit.withDefaultIdempotent(true));
        RequestOptions copy = RequestOptions.builder().header("X-A", "1").timeout(Duration.ofSeconds(2)).build()
                .withDefaultIdempotent(false);
        assertEquals(Map.of("X-A", "1"), copy.headers());
        assertEquals(Optional.of(Duration.ofSeconds(2)), copy.timeout());
        assertEquals(Optional.of(false), copy.idempotent());
    }

    @Test
    void equalOptionsAreEqualAndPrintWithoutSecrets() {
        RequestOptions a = RequestOptions.builder().timeout(Duration.ofSeconds(2)).retryPolicy(PATIENT)
                .header("X-Request-Id", "r1").header("Authorization", "Bearer TOKSECRET").idempotent(true).build();
        RequestOptions b = a.toBuilder().build();
        assertEquals(a, b);
        assertEquals(a, a);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.toBuilder().timeout(Duration.ofSeconds(3)).build());
        assertNotEquals(a, a.toBuilder().retryPolicy(RetryPolicy.none()).build());
        assertNotEquals(a, a.toBuilder().header("X-Request-Id", "r2").build());
        assertNotEquals(a, a.toBuilder().idempotent(false).build());
        assertNotEquals(a, "options");
        assertNotEquals(a.hashCode(), RequestOptions.none().hashCode());
        assertEquals("RequestOptions{timeout=PT2S, retryPolicy=" + PATIENT + ", headers={X-Request-Id=r1,"
                + " Authorization=REDACTED}, idempotent=true}", a.toString());
    }
}
