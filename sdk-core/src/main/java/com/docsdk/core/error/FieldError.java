package com.docsdk.core.error;

import com.docsdk.core.Redactor;
import java.util.Objects;

/**
 * One field-level problem reported by a vendor in an error body (for example an RFC 7807 {@code errors[]} entry).
 *
 * @param field the field or JSON path the vendor named, or empty when it named none
 * @param code the vendor's error code for this field, or empty
 * @param message the vendor's human-readable description
 */
public record FieldError(String field, String code, String message) {
    public FieldError {
        field = Objects.requireNonNullElse(field, "");
        code = Objects.requireNonNullElse(code, "");
        message = Objects.requireNonNullElse(message, "");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (!field.isEmpty()) {
            sb.append(Redactor.text(field)).append(": ");
        }
        sb.append(Redactor.text(message));
        if (!code.isEmpty()) {
            sb.append(" [").append(Redactor.text(code)).append(']');
        }
        return sb.toString();
    }
}
