package com.docsdk.core.error;

/**
 * The request could not be completed at the network level: connection refused or reset, DNS failure, TLS failure,
 * a timeout, or an I/O error while reading a body. The SDK already retried it where that was safe; {@link #attempts()}
 * says how often.
 */
public class TransportException extends SdkException {
    private static final long serialVersionUID = 1L;

    private final boolean timeout;

    public TransportException(String message, Throwable cause, int attempts, boolean timeout) {
        super(message, cause, attempts);
        this.timeout = timeout;
    }

    /** True when the failure was a connect, read, write or call timeout. */
    public boolean isTimeout() {
        return timeout;
    }
}
