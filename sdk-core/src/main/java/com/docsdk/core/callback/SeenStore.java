package com.docsdk.core.callback;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Remembers the idempotency keys of the callbacks already handled, so a vendor's retry or a replay is answered
 * without running the handler again. {@link CallbackDispatcher} marks a key only after its handler succeeded, so a
 * failed event stays unseen and the vendor's retry is processed.
 *
 * <p>Implementations must be thread-safe and {@link #markSeen} atomic: of many concurrent calls with one key, exactly
 * one returns {@code true}. A database-backed store implements the same two methods (one table, a unique key:
 * {@code INSERT} succeeds or fails on the duplicate).
 */
public interface SeenStore extends AutoCloseable {
    /**
     * Records {@code key} as handled.
     *
     * @return true when it was not recorded before (this call recorded it), false when it already was
     */
    boolean markSeen(String key);

    /** True when {@code key} was recorded and has not expired. */
    boolean isSeen(String key);

    /** Releases what the store holds (a file, a connection); nothing by default. */
    @Override
    default void close() {
    }

    /**
     * An in-memory store for one process: at most {@code maxKeys} keys (the oldest are forgotten first), each for
     * {@code ttl} on {@code clock}.
     */
    static SeenStore inMemory(int maxKeys, Duration ttl, Clock clock) {
        return new InMemorySeenStore(maxKeys, ttl, clock);
    }

    /** An in-memory store of up to 100,000 keys kept for 7 days on the system clock. */
    static SeenStore inMemory() {
        return inMemory(100_000, Duration.ofDays(7), Clock.systemUTC());
    }

    /**
     * A store in a file that survives restarts: each key is one appended and flushed line, so a crash loses at most
     * the key being written (its event is then handled again, never lost). Expired keys are dropped when the file is
     * opened, by an atomic rewrite.
     */
    static SeenStore file(Path file, Duration ttl, Clock clock) {
        return new FileSeenStore(file, ttl, clock);
    }

    /** A file store keeping keys for 7 days on the system clock. */
    static SeenStore file(Path file) {
        return file(file, Duration.ofDays(7), Clock.systemUTC());
    }
}
