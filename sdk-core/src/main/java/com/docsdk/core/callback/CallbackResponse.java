package com.docsdk.core.callback;

import java.nio.charset.StandardCharsets;

/**
 * What to answer a vendor: a status and a plain-text body ({@code text/plain; charset=UTF-8}).
 *
 * @param status the HTTP status
 * @param body the body; SmartDocumentor shows it in its UI on an error status
 */
public record CallbackResponse(int status, String body) {
    /** The content type of every answer. */
    public static final String CONTENT_TYPE = "text/plain; charset=UTF-8";

    /** Checks the status. */
    public CallbackResponse {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        body = body == null ? "" : body;
    }

    /** True for a 2xx status. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The status and the body with any URL token or signature redacted. */
    @Override
    public String toString() {
        return "CallbackResponse[status=" + status + ", body=" + com.docsdk.core.Redactor.text(body) + "]";
    }

    /** The body as UTF-8 bytes. */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
