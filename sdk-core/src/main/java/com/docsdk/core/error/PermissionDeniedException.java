package com.docsdk.core.error;

/** The credentials are valid but not allowed to do this (403): a read-only key, a missing plan feature or, for Dcycle, the wrong organization id. */
public class PermissionDeniedException extends SdkHttpException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(HttpErrorContext context) {
        super(context);
    }
}
