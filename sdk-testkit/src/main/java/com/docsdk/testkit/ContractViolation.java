package com.docsdk.testkit;

/**
 * One way a request breaks a vendor's OpenAPI spec.
 *
 * @param key the validator's message key, e.g. {@code validation.request.body.schema.enum}
 * @param message the validator's message, on one line
 * @param location {@code path}, {@code query}, {@code header}, {@code body} or {@code null} when unknown
 * @param name the parameter name, or the JSON pointer into the body ({@code /0/mime_type}), or {@code null}
 * @param description the full one-line description as reported by {@link OpenApiContract#violations}
 */
record ContractViolation(String key, String message, String location, String name, String description) {
    static final String PATH_MISSING = "validation.request.path.missing";
    static final String METHOD_NOT_ALLOWED = "validation.request.operation.notAllowed";

    /** The path or method is not in the spec at all. */
    boolean isUnknownOperation() {
        return PATH_MISSING.equals(key) || METHOD_NOT_ALLOWED.equals(key);
    }

    /** About credentials, which each simulator checks itself. */
    boolean isSecurity() {
        return key.startsWith("validation.request.security");
    }

    boolean isBody() {
        return "body".equals(location);
    }

    /** A field name for error bodies: the parameter name or the last segment of the body pointer. */
    String field() {
        if (name == null || name.isEmpty() || "/".equals(name)) {
            return isBody() ? "body" : "request";
        }
        if (name.startsWith("/")) {
            String[] segments = name.substring(1).split("/");
            return segments[segments.length - 1];
        }
        return name;
    }
}
