package com.docsdk.core.error;

/** The credentials were missing, wrong or expired (401). Check the API key or token; the SDK already tried one token refresh where it had a refreshing provider. */
public class AuthenticationException extends SdkHttpException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(HttpErrorContext context) {
        super(context);
    }
}
