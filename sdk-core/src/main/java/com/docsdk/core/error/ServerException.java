package com.docsdk.core.error;

/** The vendor failed (5xx). Retried automatically where safe; {@link #attempts()} says how often. */
public class ServerException extends SdkHttpException {
    private static final long serialVersionUID = 1L;

    public ServerException(HttpErrorContext context) {
        super(context);
    }
}
