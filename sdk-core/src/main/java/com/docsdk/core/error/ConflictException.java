package com.docsdk.core.error;

/** The request conflicts with the resource's current state (409). */
public class ConflictException extends SdkHttpException {
    private static final long serialVersionUID = 1L;

    public ConflictException(HttpErrorContext context) {
        super(context);
    }
}
