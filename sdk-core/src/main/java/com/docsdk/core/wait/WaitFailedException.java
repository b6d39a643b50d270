package com.docsdk.core.wait;

import java.time.Duration;
import java.util.List;

/** The operation finished unsuccessfully: the vendor reported a failed status, with its messages when it gave any. */
public class WaitFailedException extends WaitException {
    private static final long serialVersionUID = 1L;

    private final List<String> messages;
    private final transient Object resource;

    public WaitFailedException(String operation, String status, List<String> messages, Object resource,
            Duration elapsed, int polls) {
        super(operation + " failed with status '" + status + "'"
                + (messages.isEmpty() ? "" : ": " + String.join("; ", messages))
                + " after " + polls + (polls == 1 ? " poll" : " polls"), null, operation, status, elapsed, polls);
        this.messages = List.copyOf(messages);
        this.resource = resource;
    }

    /** The vendor's failure messages; empty when it gave none. */
    public List<String> messages() {
        return messages;
    }

    /** The last polled resource (a generated model); cast to the vendor's type. */
    public Object resource() {
        return resource;
    }
}
