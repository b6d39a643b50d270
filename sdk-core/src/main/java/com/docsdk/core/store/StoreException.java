package com.docsdk.core.store;

import com.docsdk.core.error.SdkException;

/** The integration store could not be read or written (the database is down, say), after its retries. */
public class StoreException extends SdkException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the store's own failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
