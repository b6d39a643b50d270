package com.docsdk.document360;

import com.docsdk.core.error.FieldError;
import com.docsdk.core.error.SdkHttpException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every vendor error code an exception carries. {@link SdkHttpException#errorCode()} is the first one; a Document360
 * problem document may list several in {@code errors[]} (each also in {@link SdkHttpException#fieldErrors()}, with an
 * empty field when the vendor named none).
 *
 * <pre>{@code
 * } catch (PermissionDeniedException e) {
 *     if (Document360ErrorCodes.of(e).contains("FEATURE_NOT_IN_LICENSE")) { ... }
 * }
 * }</pre>
 */
public final class Document360ErrorCodes {
    private Document360ErrorCodes() {
    }

    /** The vendor's error codes in the order it listed them, without duplicates; empty when it gave none. */
    public static List<String> of(SdkHttpException e) {
        Objects.requireNonNull(e, "e");
        Set<String> codes = new LinkedHashSet<>();
        e.errorCode().filter(c -> !c.startsWith("http")).ifPresent(codes::add);
        for (FieldError fe : e.fieldErrors()) {
            if (!fe.code().isEmpty()) {
                codes.add(fe.code());
            }
        }
        return List.copyOf(codes);
    }
}
