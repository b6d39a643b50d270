package com.docsdk.core.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A scope's watermark as read: its value (empty before the first move) and its version, which every move increments
 * and which {@link IntegrationStore#moveWatermark} compares before it writes.
 *
 * @param value the watermark, or {@code null} before the first move
 * @param version how many times it moved (0 before the first move)
 */
public record Watermark(Instant value, long version) {
    /** The watermark, empty before the first move. */
    public Optional<Instant> instant() {
        return Optional.ofNullable(value);
    }
}
