package com.docsdk.core.callback;

import com.docsdk.core.error.ClientValidationException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tolerant readers for callback bodies, shared by the vendor parsers: JSON and form bodies into plain maps, and
 * look-ups that ignore the case of field names and {@code _}/{@code -} ({@code uploadId}, {@code upload_id} and
 * {@code UPLOADID} are one name). Every failure is a {@link ClientValidationException} naming the field.
 *
 * <p>Values are {@code String} (JSON numbers keep their text), {@code Boolean}, {@code null}, {@code List} and
 * {@code Map}.
 */
public final class CallbackFields {
    /** Deeper JSON is refused (a guard against stack exhaustion). */
    static final int MAX_DEPTH = 64;

    private CallbackFields() {
    }

    /**
     * A JSON object body.
     *
     * @throws ClientValidationException naming {@code body} when it is not UTF-8, not JSON or not an object
     */
    public static Map<String, Object> jsonObject(byte[] body) {
        Object value = json(body);
        if (!(value instanceof Map<?, ?>)) {
            throw new ClientValidationException("body", "must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    /**
     * Any JSON body.
     *
     * @throws ClientValidationException naming {@code body} when it is not UTF-8 or not one JSON value
     */
    public static Object json(byte[] body) {
        String text = utf8(body);
        if (text.isBlank()) {
            throw new ClientValidationException("body", "is empty");
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            Object value = read(reader, 0);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ClientValidationException("body", "has more than one JSON value");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ClientValidationException cve) {
                throw cve;
            }
            throw new ClientValidationException("body", "is not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * A {@code application/x-www-form-urlencoded} body; bracketed names nest ({@code export_file[id]=1} reads as
     * {@code {export_file={id=1}}}), {@code a[]=} and repeated names make lists.
     *
     * @throws ClientValidationException naming {@code body} when it is not UTF-8 or holds a bad {@code %} escape
     */
    public static Map<String, Object> form(byte[] body) {
        String text = utf8(body);
        Map<String, Object> root = new LinkedHashMap<>();
        if (text.isBlank()) {
            return root;
        }
        for (String pair : text.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            put(root, path(name), value);
        }
        return root;
    }

    /** A field of {@code map} by tolerant name, following nested maps ({@code get(m, "export_file", "id")}). */
    public static Optional<Object> get(Map<String, Object> map, String... names) {
        Object current = map;
        for (String name : names) {
            if (!(current instanceof Map<?, ?> m)) {
                return Optional.empty();
            }
            current = lookup(m, name);
        }
        return Optional.ofNullable(current);
    }

    /** A nested object by tolerant name, empty when absent or not an object. */
    public static Optional<Map<String, Object>> object(Map<String, Object> map, String... names) {
        return get(map, names).filter(v -> v instanceof Map<?, ?>).map(v -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) v;
            return m;
        });
    }

    /** A text field (a string, or a number's or boolean's text), trimmed; empty when absent, blank or not text. */
    public static Optional<String> string(Map<String, Object> map, String... names) {
        return get(map, names).filter(v -> v instanceof String || v instanceof Boolean).map(String::valueOf)
                .map(String::strip).filter(s -> !s.isEmpty());
    }

    /**
     * A required text field.
     *
     * @throws ClientValidationException naming the field when it is absent, blank or not text
     */
    public static String requireString(Map<String, Object> map, String... names) {
        return string(map, names).orElseThrow(() -> new ClientValidationException(String.join(".", names),
                "is missing or not text"));
    }

    /**
     * A whole number field (JSON number or numeric text).
     *
     * @throws ClientValidationException naming the field when present but not a whole number
     */
    public static Optional<Long> number(Map<String, Object> map, String... names) {
        Optional<String> text = string(map, names);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new java.math.BigDecimal(text.get()).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ClientValidationException(String.join(".", names), "is not a whole number: "
                    + shorten(text.get()));
        }
    }

    /**
     * A list of strings from a field that may be a string, a comma-separated string, a JSON array in a string, or
     * an array; empty when absent.
     */
    public static List<String> strings(Map<String, Object> map, String... names) {
        Optional<Object> value = get(map, names);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Object v = value.get();
        if (v instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String || item instanceof Boolean) {
                    addNonBlank(out, String.valueOf(item));
                }
            }
        } else if (v instanceof String s) {
            String text = s.strip();
            if (text.startsWith("[")) {
                try {
                    Object parsed = json(text.getBytes(StandardCharsets.UTF_8));
                    return strings(Map.of("v", parsed == null ? List.of() : parsed), "v");
                } catch (ClientValidationException notJson) {
                    // fall through: a plain string that happens to start with '['
                }
            }
            Arrays.stream(text.split(",")).forEach(part -> addNonBlank(out, part));
        }
        return Collections.unmodifiableList(out);
    }

    /** A field name as compared: lower case without {@code _}, {@code -} and spaces. */
    public static String normalize(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void addNonBlank(List<String> out, String s) {
        String t = s.strip();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }

    private static Object lookup(Map<?, ?> map, String name) {
        Object exact = map.get(name);
        if (exact != null) {
            return exact;
        }
        String wanted = normalize(name);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getKey() instanceof String key && normalize(key).equals(wanted)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String utf8(byte[] body) {
        if (body == null) {
            throw new ClientValidationException("body", "is missing");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ClientValidationException("body", "is not UTF-8 text");
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ClientValidationException("body", "is not a valid form (bad % escape)");
        }
    }

    /** {@code a[b][]} as {@code [a, b, ""]}; a name without brackets is itself. */
    private static List<String> path(String name) {
        List<String> parts = new ArrayList<>();
        int open = name.indexOf('[');
        if (open <= 0 || !name.endsWith("]")) {
            parts.add(name);
            return parts;
        }
        parts.add(name.substring(0, open));
        String rest = name.substring(open);
        while (!rest.isEmpty()) {
            int close = rest.indexOf(']');
            if (!rest.startsWith("[") || close < 0) {
                return List.of(name); // not well formed: keep the name as it is
            }
            parts.add(rest.substring(1, close));
            rest = rest.substring(close + 1);
        }
        if (parts.size() > MAX_DEPTH) {
            throw new ClientValidationException("body", "nests form fields deeper than " + MAX_DEPTH);
        }
        return parts;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, String value) {
        Map<String, Object> current = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String part = path.get(i);
            boolean lastIsList = i == path.size() - 2 && path.get(i + 1).isEmpty();
            Object next = current.get(part);
            if (lastIsList) {
                List<Object> list = next instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
                if (next != null && !(next instanceof List<?>)) {
                    list.add(next);
                }
                list.add(value);
                current.put(part, list);
                return;
            }
            if (!(next instanceof Map<?, ?>)) {
                next = new LinkedHashMap<String, Object>();
                current.put(part, next);
            }
            current = (Map<String, Object>) next;
        }
        String last = path.get(path.size() - 1);
        Object existing = current.get(last);
        if (existing == null) {
            current.put(last, value);
        } else if (existing instanceof List<?> l) {
            ((List<Object>) l).add(value);
        } else {
            List<Object> list = new ArrayList<>();
            list.add(existing);
            list.add(value);
            current.put(last, list);
        }
    }

    private static Object read(JsonReader reader, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new ClientValidationException("body", "nests JSON deeper than " + MAX_DEPTH);
        }
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    map.put(name, read(reader, depth + 1));
                }
                reader.endObject();
                return map;
            }
            case BEGIN_ARRAY -> {
                List<Object> list = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    list.add(read(reader, depth + 1));
                }
                reader.endArray();
                return list;
            }
            case STRING, NUMBER -> {
                return reader.nextString();
            }
            case BOOLEAN -> {
                return reader.nextBoolean();
            }
            case NULL -> {
                reader.nextNull();
                return null;
            }
            default -> throw new ClientValidationException("body", "is not valid JSON");
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
