package com.docsdk.core.internal;

import com.docsdk.core.auth.AccessToken;
import com.docsdk.core.auth.TokenProvider;
import com.docsdk.core.error.SdkException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Caches a provider's token: refreshes it {@code skew} before it expires, forgets it when told it was rejected,
 * and lets exactly one thread fetch while the others wait for that fetch (single-flight). Every token it fetches is
 * told to the secret registries it {@linkplain #feed(SecretRegistry) feeds}, so that an echoed token is scrubbed.
 */
public final class TokenCache {
    private final TokenProvider provider;
    private final Duration skew;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<SecretRegistry> registries = new CopyOnWriteArrayList<>();
    private volatile AccessToken current;

    public TokenCache(TokenProvider provider, Duration skew, Clock clock) {
        this.provider = provider;
        this.skew = skew;
        this.clock = clock;
    }

    public String token() {
        AccessToken t = current;
        if (isFresh(t)) {
            return t.value();
        }
        lock.lock();
        try {
            t = current;
            if (isFresh(t)) {
                return t.value();
            }
            AccessToken fetched = provider.fetchToken();
            if (fetched == null) {
                throw new SdkException("the token provider returned no token");
            }
            for (SecretRegistry registry : registries) {
                registry.registerToken(fetched.value());
            }
            current = fetched;
            return fetched.value();
        } finally {
            lock.unlock();
        }
    }

    /** Tells {@code registry} the cached token now and every token fetched from now on. */
    public void feed(SecretRegistry registry) {
        registries.add(registry);
        AccessToken t = current;
        if (t != null) {
            registry.registerToken(t.value());
        }
    }

    /** Drops the cached token if it is still the one that was rejected (a concurrent refresh may have replaced it). */
    public void invalidate(String rejected) {
        lock.lock();
        try {
            AccessToken t = current;
            if (t != null && (rejected == null || t.value().equals(rejected))) {
                current = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean isFresh(AccessToken t) {
        if (t == null) {
            return false;
        }
        return t.expiresAt().map(exp -> clock.instant().plus(skew).isBefore(exp)).orElse(true);
    }
}
