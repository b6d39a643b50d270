package com.docsdk.core.error;

/**
 * Thrown before any request is sent when an argument is invalid (null, blank, out of range, inconsistent).
 *
 * <pre>{@code
 * ClientValidationException e = assertThrows(ClientValidationException.class,
 *         () -> client.markError(fileId, ""));
 * e.field(); // "messages"
 * }</pre>
 */
public class ClientValidationException extends SdkException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public ClientValidationException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The name of the argument or field that was rejected. */
    public String field() {
        return field;
    }

    /** Throws unless {@code value} is non-null. */
    public static <T> T requireNonNull(String field, T value) {
        if (value == null) {
            throw new ClientValidationException(field, "must not be null");
        }
        return value;
    }

    /** Throws unless {@code value} is non-null and has a non-whitespace character; returns it unchanged. */
    public static String requireNonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ClientValidationException(field, "must not be null or blank");
        }
        return value;
    }

    /** Throws unless {@code condition} holds. */
    public static void require(boolean condition, String field, String problem) {
        if (!condition) {
            throw new ClientValidationException(field, problem);
        }
    }
}
