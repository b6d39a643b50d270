package com.docsdk.core.error;

import com.docsdk.core.Redactor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a vendor's error body says, as read by an {@link ErrorBodyParser}.
 *
 * @param code the vendor's error code (for example {@code "Unauthorized"} or {@code "FILE_NOT_FOUND"}), or null
 * @param messages the vendor's messages, in order; empty when the body had none
 * @param fieldErrors field-level errors, empty when none
 * @param traceId a request or trace id found in the body, or null
 */
public record ErrorDetails(String code, List<String> messages, List<FieldError> fieldErrors, String traceId) {
    /** Details of a body that said nothing we could read. */
    public static final ErrorDetails EMPTY = new ErrorDetails(null, List.of(), List.of(), null);

    public ErrorDetails {
        messages = List.copyOf(Objects.requireNonNullElse(messages, List.of()));
        fieldErrors = List.copyOf(Objects.requireNonNullElse(fieldErrors, List.of()));
    }

    public Optional<String> codeValue() {
        return Optional.ofNullable(code);
    }

    public Optional<String> traceIdValue() {
        return Optional.ofNullable(traceId);
    }

    @Override
    public String toString() {
        return "ErrorDetails[code=" + Redactor.field("code", code) + ", messages="
                + Redactor.field("messages", messages) + ", fieldErrors=" + fieldErrors + ", traceId="
                + Redactor.field("traceId", traceId) + ']';
    }
}
