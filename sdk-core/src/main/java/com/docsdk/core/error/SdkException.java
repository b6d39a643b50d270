package com.docsdk.core.error;

/**
 * Root of every exception the SDK throws. Unchecked: callers catch what they can handle.
 *
 * <pre>{@code
 * try {
 *     client.listFiles();
 * } catch (RateLimitException e) {
 *     e.retryAfter().ifPresent(d -> scheduleLater(d));
 * } catch (SdkException e) {
 *     log.warn("fileAI call failed after {} attempt(s): {}", e.attempts(), e.getMessage());
 * }
 * }</pre>
 *
 * <p>Messages never contain credentials, tokens or presigned-URL signatures.
 */
public class SdkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    public SdkException(String message) {
        this(message, null, 0);
    }

    public SdkException(String message, Throwable cause) {
        this(message, cause, 0);
    }

    protected SdkException(String message, Throwable cause, int attempts) {
        super(message, cause);
        this.attempts = attempts;
    }

    /** How many HTTP attempts were made before this exception was thrown (0 when no request was sent). */
    public int attempts() {
        return attempts;
    }
}
