package com.docsdk.core;

import java.time.Duration;

/**
 * Waits. Injected into clients so that retry and polling tests run in milliseconds.
 *
 * <pre>{@code
 * List<Duration> slept = new ArrayList<>();
 * FileAiClient client = FileAiClient.builder().sleeper(slept::add)...build();
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep(long)}: interruptible. */
    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis());
            }
        };
    }
}
