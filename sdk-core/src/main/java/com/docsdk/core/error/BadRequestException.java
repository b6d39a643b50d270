package com.docsdk.core.error;

/** The server rejected the request as invalid (400, 422): the body's field errors say why. */
public class BadRequestException extends SdkHttpException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(HttpErrorContext context) {
        super(context);
    }
}
