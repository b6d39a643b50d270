package com.docsdk.core.error;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server answered with an error status. Subclasses name the common cases; an unusual status (405, 410, 413...)
 * arrives as this class itself.
 *
 * <pre>{@code
 * } catch (SdkHttpException e) {
 *     log.warn("{} {} -> {} code={} messages={} requestId={}", e.method(), e.url(), e.statusCode(),
 *             e.errorCode().orElse("-"), e.messages(), e.requestId().orElse("-"));
 * }
 * }</pre>
 *
 * <p>{@link #url()} is redacted; {@link #headers()} holds only allow-listed response headers.
 */
public class SdkHttpException extends SdkException {
    private static final long serialVersionUID = 1L;

    /** The part of an error body kept in {@link #rawBody()}. */
    public static final int MAX_BODY_CHARS = 4096;

    private final int statusCode;
    private final String method;
    private final String url;
    private final String errorCode;
    private final List<String> messages;
    private final List<FieldError> fieldErrors;
    private final String requestId;
    private final String rawBody;
    private final Map<String, String> headers;

    public SdkHttpException(HttpErrorContext context) {
        super(context.message(), null, context.attempts());
        this.statusCode = context.statusCode();
        this.method = context.method();
        this.url = context.redactedUrl();
        this.errorCode = context.details().code();
        this.messages = context.details().messages();
        this.fieldErrors = context.details().fieldErrors();
        this.requestId = context.requestId();
        this.rawBody = context.rawBody();
        this.headers = context.safeHeaders();
    }

    public int statusCode() {
        return statusCode;
    }

    /** The HTTP method of the failed request. */
    public String method() {
        return method;
    }

    /** The request URL with secrets redacted. */
    public String url() {
        return url;
    }

    /** The vendor's error code, when the body had one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The vendor's messages, in order; empty when the body had none. */
    public List<String> messages() {
        return messages;
    }

    /** Field-level errors, when the body listed any. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** The vendor's request or trace id, from a response header or the body. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The response body as text, truncated to {@value #MAX_BODY_CHARS} characters; empty when there was none. */
    public String rawBody() {
        return rawBody;
    }

    /** Allow-listed response headers (content type, rate limits, request ids, WWW-Authenticate...). */
    public Map<String, String> headers() {
        return headers;
    }
}
