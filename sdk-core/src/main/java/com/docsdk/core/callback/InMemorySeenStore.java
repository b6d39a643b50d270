package com.docsdk.core.callback;

import com.docsdk.core.error.ClientValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link SeenStore#inMemory(int, Duration, Clock)}: keys in insertion order, bounded, with a time to live. */
final class InMemorySeenStore implements SeenStore {
    private final int maxKeys;
    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> keys = new LinkedHashMap<>();

    InMemorySeenStore(int maxKeys, Duration ttl, Clock clock) {
        ClientValidationException.require(maxKeys > 0, "maxKeys", "must be positive, got " + maxKeys);
        ClientValidationException.requireNonNull("ttl", ttl);
        ClientValidationException.require(!ttl.isNegative() && !ttl.isZero(), "ttl", "must be positive, got " + ttl);
        this.maxKeys = maxKeys;
        this.ttl = ttl;
        this.clock = ClientValidationException.requireNonNull("clock", clock);
    }

    @Override
    public synchronized boolean markSeen(String key) {
        ClientValidationException.requireNonNull("key", key);
        Instant now = clock.instant();
        expire(now);
        if (keys.containsKey(key)) {
            return false;
        }
        keys.put(key, now.plus(ttl));
        while (keys.size() > maxKeys) {
            Iterator<String> oldest = keys.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    @Override
    public synchronized boolean isSeen(String key) {
        ClientValidationException.requireNonNull("key", key);
        expire(clock.instant());
        return keys.containsKey(key);
    }

    /** How many keys are held (expired ones included until the next call drops them). */
    synchronized int size() {
        return keys.size();
    }

    private void expire(Instant now) {
        Iterator<Map.Entry<String, Instant>> it = keys.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().isAfter(now)) {
                return; // insertion order is expiry order: the rest are younger
            }
            it.remove();
        }
    }

    @Override
    public synchronized String toString() {
        return "InMemorySeenStore[keys=" + keys.size() + ", maxKeys=" + maxKeys + ", ttl=" + ttl + "]";
    }
}
