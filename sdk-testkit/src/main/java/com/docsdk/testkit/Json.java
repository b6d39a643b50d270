package com.docsdk.testkit;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;

/** Building and reading the simulators' JSON bodies. */
final class Json {
    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private Json() {
    }

    static String write(JsonElement element) {
        return GSON.toJson(element);
    }

    /** A fluent object builder: {@code Json.object().put("a", 1).build()}. */
    static ObjectBuilder object() {
        return new ObjectBuilder();
    }

    static JsonArray array(Collection<? extends JsonElement> elements) {
        JsonArray array = new JsonArray();
        elements.forEach(array::add);
        return array;
    }

    static JsonArray strings(Collection<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    static JsonElement value(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof JsonElement e) {
            return e;
        }
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof Instant i) {
            return new JsonPrimitive(iso(i));
        }
        if (value instanceof Collection<?> c) {
            JsonArray array = new JsonArray();
            c.forEach(v -> array.add(value(v)));
            return array;
        }
        return new JsonPrimitive(value.toString());
    }

    /** ISO-8601 with milliseconds, as NestJS and most APIs write it: {@code 2025-05-27T12:14:24.258Z}. */
    static String iso(Instant instant) {
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        String s = millis.toString();
        return millis.getNano() == 0 ? s.replace("Z", ".000Z") : s;
    }

    /** ISO-8601 with whole seconds: {@code 2022-03-28T14:28:56Z}. */
    static String isoSeconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Optional<String> string(JsonElement object, String member) {
        if (object == null || !object.isJsonObject()) {
            return Optional.empty();
        }
        JsonElement e = object.getAsJsonObject().get(member);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? Optional.empty() : Optional.of(e.getAsString());
    }

    static Optional<JsonElement> member(JsonElement object, String member) {
        if (object == null || !object.isJsonObject()) {
            return Optional.empty();
        }
        JsonElement e = object.getAsJsonObject().get(member);
        return e == null || e.isJsonNull() ? Optional.empty() : Optional.of(e);
    }

    static final class ObjectBuilder {
        private final JsonObject object = new JsonObject();

        ObjectBuilder put(String name, Object value) {
            object.add(name, value(value));
            return this;
        }

        /** Adds the member only when the value is not null. */
        ObjectBuilder putIfPresent(String name, Object value) {
            if (value != null) {
                put(name, value);
            }
            return this;
        }

        JsonObject build() {
            return object;
        }
    }
}
