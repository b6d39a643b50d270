package com.docsdk.core.service;

import com.docsdk.core.error.ClientValidationException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The checks generated code runs on an operation's inputs before any request is sent, one per constraint of the spec
 * ({@code required}, lengths, {@code pattern}, ranges, {@code enum}, item counts). Each failure is a
 * {@link ClientValidationException} naming the parameter. A {@code null} optional value passes every check but
 * {@link #required(String, Object)}.
 */
public final class Check {
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private Check() {
    }

    /** {@code value} must be present (and, for text, not blank). */
    public static <T> T required(String name, T value) {
        if (value == null) {
            throw new ClientValidationException(name, "is required");
        }
        if (value instanceof CharSequence && value.toString().isBlank()) {
            throw new ClientValidationException(name, "must not be blank");
        }
        return value;
    }

    /** Text length within {@code [min, max]}; {@code -1} for no bound. */
    public static void length(String name, CharSequence value, int min, int max) {
        if (value == null) {
            return;
        }
        int n = value.length();
        if (min >= 0 && n < min) {
            throw new ClientValidationException(name, "must be at least " + min + " characters long, got " + n);
        }
        if (max >= 0 && n > max) {
            throw new ClientValidationException(name, "must be at most " + max + " characters long, got " + n);
        }
    }

    /** Text matching the spec's regular expression (searched, as JSON Schema's {@code pattern} is). */
    public static void pattern(String name, CharSequence value, String regex) {
        if (value == null) {
            return;
        }
        Pattern p = PATTERNS.computeIfAbsent(regex, Pattern::compile);
        if (!p.matcher(value).find()) {
            throw new ClientValidationException(name, "must match " + regex);
        }
    }

    /** A number at least (or above, when exclusive) {@code min}. */
    public static void min(String name, Number value, String min, boolean exclusive) {
        if (value == null) {
            return;
        }
        int c = decimal(name, value).compareTo(new BigDecimal(min));
        if (exclusive ? c <= 0 : c < 0) {
            throw new ClientValidationException(name, "must be " + (exclusive ? "above " : "at least ") + min
                    + ", got " + value);
        }
    }

    /** A number at most (or below, when exclusive) {@code max}. */
    public static void max(String name, Number value, String max, boolean exclusive) {
        if (value == null) {
            return;
        }
        int c = decimal(name, value).compareTo(new BigDecimal(max));
        if (exclusive ? c >= 0 : c > 0) {
            throw new ClientValidationException(name, "must be " + (exclusive ? "below " : "at most ") + max
                    + ", got " + value);
        }
    }

    /** A collection (or map) with {@code [min, max]} items; {@code -1} for no bound. */
    public static void size(String name, Object value, int min, int max) {
        if (value == null) {
            return;
        }
        int n = value instanceof Collection ? ((Collection<?>) value).size()
                : value instanceof Map ? ((Map<?, ?>) value).size() : -1;
        if (n < 0) {
            return;
        }
        if (min >= 0 && n < min) {
            throw new ClientValidationException(name, "must hold at least " + min + " item(s), got " + n);
        }
        if (max >= 0 && n > max) {
            throw new ClientValidationException(name, "must hold at most " + max + " item(s), got " + n);
        }
    }

    /** A text value that must be one of the spec's {@code enum} values. */
    public static void oneOf(String name, Object value, String... allowed) {
        if (value == null) {
            return;
        }
        String s = String.valueOf(value);
        for (String a : allowed) {
            if (a.equals(s)) {
                return;
            }
        }
        throw new ClientValidationException(name, "must be one of " + String.join(", ", allowed) + ", got " + s);
    }

    /**
     * An enum value that must be one the spec lists: the {@code UNKNOWN} constant generated models read an unknown
     * server value into cannot be sent back.
     */
    public static void known(String name, Enum<?> value) {
        if (value != null && "UNKNOWN".equals(value.name())) {
            throw new ClientValidationException(name, "must be one of the values the API documents, not UNKNOWN");
        }
    }

    /**
     * Runs a model's own checks ({@link Validatable}), for every item of a collection and every value of a map too.
     */
    public static void valid(String name, Object value) {
        if (value instanceof Validatable) {
            ((Validatable) value).validate(name);
        } else if (value instanceof Collection) {
            int i = 0;
            for (Object item : (Collection<?>) value) {
                String itemName = name + "[" + i++ + "]";
                if (item == null) {
                    throw new ClientValidationException(itemName, "must not be null");
                }
                valid(itemName, item);
                if (item instanceof Enum) {
                    known(itemName, (Enum<?>) item);
                }
            }
        } else if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                valid(name + "[" + e.getKey() + "]", e.getValue());
            }
        } else if (value instanceof Enum) {
            known(name, (Enum<?>) value);
        }
    }

    private static BigDecimal decimal(String name, Number value) {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if ((value instanceof Double || value instanceof Float) && !Double.isFinite(value.doubleValue())) {
            throw new ClientValidationException(name, "must be a finite number, got " + value);
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(value.doubleValue());
        }
        return new BigDecimal(value.toString());
    }
}
