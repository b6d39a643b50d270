package com.docsdk.core;

import com.docsdk.core.error.FieldError;
import com.docsdk.core.error.SdkHttpException;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/**
 * Asserts that an exception shows none of the given secrets anywhere a caller may print or log it, and shows
 * {@value Redactor#REDACTED} where they were. Shared with the vendor modules' tests through sdk-core's test jar.
 */
public final class SecretAssertions {
    private SecretAssertions() {
    }

    /** Every text of the exception: message, toString, messages, field errors, code, request id, headers, body. */
    public static List<String> texts(SdkHttpException e) {
        List<String> texts = new ArrayList<>(List.of(e.getMessage(), e.toString(), e.messages().toString(),
                e.fieldErrors().toString(), e.rawBody(), e.headers().toString(), e.errorCode().orElse(""),
                e.requestId().orElse(""), e.url()));
        for (FieldError fe : e.fieldErrors()) {
            texts.addAll(List.of(fe.field(), fe.code(), fe.message()));
        }
        return texts;
    }

    /**
     * No secret in any {@linkplain #texts(SdkHttpException) text}; {@value Redactor#REDACTED} in the message, the raw
     * body, one of the messages and, when there are field errors, one of them.
     */
    public static void assertScrubbed(SdkHttpException e, String... secrets) {
        for (String text : texts(e)) {
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "a secret leaked: " + text);
            }
        }
        assertTrue(e.getMessage().contains(Redactor.REDACTED), e.getMessage());
        assertTrue(e.toString().contains(Redactor.REDACTED), e.toString());
        assertTrue(e.rawBody().contains(Redactor.REDACTED), e.rawBody());
        assertTrue(e.messages().stream().anyMatch(m -> m.contains(Redactor.REDACTED)), e.messages().toString());
        assertTrue(e.fieldErrors().isEmpty() || e.fieldErrors().toString().contains(Redactor.REDACTED),
                e.fieldErrors().toString());
    }
}
