package com.docsdk.core.wait;

import java.time.Duration;

/**
 * The wait was stopped: the waiting thread was interrupted (its interrupt flag is set again) or the async wait's
 * future was cancelled.
 */
public class WaitInterruptedException extends WaitException {
    private static final long serialVersionUID = 1L;

    public WaitInterruptedException(String operation, String lastStatus, Duration elapsed, int polls,
            Throwable cause) {
        super("waiting for " + operation + " was interrupted after " + polls + (polls == 1 ? " poll" : " polls"),
                cause, operation, lastStatus, elapsed, polls);
    }
}
