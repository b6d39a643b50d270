package com.docsdk.core.error;

/** The resource does not exist or is not visible to these credentials (404). */
public class NotFoundException extends SdkHttpException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(HttpErrorContext context) {
        super(context);
    }
}
