package com.docsdk.cli;

import com.docsdk.cli.ExitCodes.UsageException;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Command-line text to the Java types of the generated services' parameters. */
final class Values {
    private Values() {
    }

    /** Converts {@code text} for the parameter {@code name} of {@code type}; models and maps are JSON. */
    static Object convert(String name, Type type, List<String> texts, Gson gson, InputStream stdin) {
        Class<?> raw = rawClass(type);
        if (List.class.isAssignableFrom(raw) || java.util.Collection.class.isAssignableFrom(raw)) {
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : String.class;
            if (texts.size() == 1 && texts.get(0).strip().startsWith("[") || texts.size() == 1
                    && (texts.get(0).startsWith("@") || texts.get(0).equals("-"))) {
                return json(name, type, texts.get(0), gson, stdin);
            }
            List<Object> values = new ArrayList<>();
            for (String t : texts) {
                for (String part : t.split(",")) {
                    if (!part.isBlank()) {
                        values.add(convert(name, element, List.of(part.strip()), gson, stdin));
                    }
                }
            }
            return values;
        }
        return one(name, type, raw, texts.get(texts.size() - 1), gson, stdin);
    }

    private static Object one(String name, Type type, Class<?> raw, String text, Gson gson, InputStream stdin) {
        try {
            if (raw == String.class || raw == Object.class && !text.strip().startsWith("{")) {
                return text;
            }
            if (raw == Integer.class || raw == int.class) {
                return Integer.valueOf(text.strip());
            }
            if (raw == Long.class || raw == long.class) {
                return Long.valueOf(text.strip());
            }
            if (raw == Double.class || raw == double.class) {
                return Double.valueOf(text.strip());
            }
            if (raw == Float.class || raw == float.class) {
                return Float.valueOf(text.strip());
            }
            if (raw == BigDecimal.class) {
                return new BigDecimal(text.strip());
            }
            if (raw == Boolean.class || raw == boolean.class) {
                String t = text.strip().toLowerCase(Locale.ROOT);
                if (!t.equals("true") && !t.equals("false")) {
                    throw new IllegalArgumentException("true or false");
                }
                return Boolean.valueOf(t);
            }
            if (raw == UUID.class) {
                return UUID.fromString(text.strip());
            }
            if (raw == URI.class) {
                return URI.create(text.strip());
            }
            if (raw == OffsetDateTime.class) {
                return OffsetDateTime.parse(text.strip());
            }
            if (raw == LocalDate.class) {
                return LocalDate.parse(text.strip());
            }
            if (raw == Instant.class) {
                return Instant.parse(text.strip());
            }
            if (raw == Path.class) {
                return Path.of(text);
            }
            if (raw == java.io.File.class) {
                return new java.io.File(text);
            }
            if (raw.isEnum()) {
                return enumValue(raw, text.strip());
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new UsageException(name + ": '" + text + "' is not a valid " + raw.getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
        return json(name, type, text, gson, stdin);
    }

    /** JSON given inline, as {@code @file}, or as {@code -} (standard input). */
    private static Object json(String name, Type type, String text, Gson gson, InputStream stdin) {
        String content;
        try {
            if (text.equals("-")) {
                content = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            } else if (text.startsWith("@")) {
                content = Files.readString(Path.of(text.substring(1)), StandardCharsets.UTF_8);
            } else {
                content = text;
            }
        } catch (IOException e) {
            throw new UsageException(name + ": cannot read " + text + ": " + e.getMessage());
        }
        try {
            Object value = gson.fromJson(content, type);
            if (value == null) {
                throw new UsageException(name + ": JSON required");
            }
            return value;
        } catch (JsonParseException e) {
            throw new UsageException(name + ": not valid JSON for " + rawClass(type).getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    private static Object enumValue(Class<?> raw, String text) {
        for (Method m : raw.getMethods()) {
            if (m.getName().equals("fromValue") && Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class) {
                try {
                    Object v = m.invoke(null, text);
                    if (v != null && !((Enum<?>) v).name().equals("UNKNOWN_DEFAULT_OPEN_API")
                            && !((Enum<?>) v).name().equals("UNKNOWN")) {
                        return v;
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // fall through to the constant names
                }
            }
        }
        for (Object c : raw.getEnumConstants()) {
            Enum<?> e = (Enum<?>) c;
            if (e.name().equalsIgnoreCase(text) || e.toString().equals(text)) {
                return e;
            }
        }
        throw new IllegalArgumentException("one of " + choices(raw));
    }

    static List<String> choices(Class<?> raw) {
        List<String> names = new ArrayList<>();
        for (Object c : raw.getEnumConstants()) {
            String s = c.toString();
            if (!((Enum<?>) c).name().startsWith("UNKNOWN")) {
                names.add(s);
            }
        }
        return names;
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }
}
