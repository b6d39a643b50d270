package com.docsdk.core.wait;

import java.time.Duration;

/** The operation did not finish within the wait's timeout. It may still finish: wait again or poll later. */
public class WaitTimeoutException extends WaitException {
    private static final long serialVersionUID = 1L;

    public WaitTimeoutException(String operation, String lastStatus, Duration elapsed, int polls, Duration timeout) {
        super(operation + " did not finish within " + timeout + " (last status '"
                + (lastStatus == null ? "none" : lastStatus) + "', waited " + elapsed.toMillis() + " ms, " + polls
                + (polls == 1 ? " poll" : " polls") + ")", null, operation, lastStatus, elapsed, polls);
    }
}
