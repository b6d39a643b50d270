package com.docsdk.core.internal;

import com.docsdk.core.error.ErrorBodyParser;
import com.docsdk.core.error.ErrorDetails;
import com.docsdk.core.error.FieldError;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The generic JSON error-body reader behind {@link ErrorBodyParser#json()}. */
public final class JsonErrorBodyParser implements ErrorBodyParser {
    public static final JsonErrorBodyParser INSTANCE = new JsonErrorBodyParser();

    private static final String[] CODE_KEYS = {"code", "error_code", "errorCode", "error"};
    private static final String[] TRACE_KEYS = {"trace_id", "traceId", "request_id", "requestId"};

    private JsonErrorBodyParser() {
    }

    @Override
    public ErrorDetails parse(int status, String contentType, String body) {
        if (body == null || body.isBlank()) {
            return ErrorDetails.EMPTY;
        }
        JsonObject root;
        try {
            JsonElement element = JsonParser.parseString(body);
            if (!element.isJsonObject()) {
                return ErrorDetails.EMPTY;
            }
            root = element.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return ErrorDetails.EMPTY;
        }
        List<String> messages = new ArrayList<>();
        List<FieldError> fieldErrors = new ArrayList<>();
        List<String> entryCodes = new ArrayList<>();
        addStrings(messages, root.get("title"));
        addStrings(messages, root.get("message"));
        addStrings(messages, root.get("messages"));
        addStrings(messages, root.get("error_description"));
        JsonElement detail = root.get("detail");
        if (detail != null && detail.isJsonArray()) {
            addErrorEntries(detail.getAsJsonArray(), messages, fieldErrors, entryCodes);
        } else {
            addStrings(messages, detail);
        }
        JsonElement errors = root.get("errors");
        if (errors != null && errors.isJsonArray()) {
            addErrorEntries(errors.getAsJsonArray(), messages, fieldErrors, entryCodes);
        } else if (errors != null && errors.isJsonObject()) {
            for (Map.Entry<String, JsonElement> entry : errors.getAsJsonObject().entrySet()) {
                List<String> fieldMessages = new ArrayList<>();
                addStrings(fieldMessages, entry.getValue());
                for (String m : fieldMessages) {
                    fieldErrors.add(new FieldError(entry.getKey(), null, m));
                }
            }
        }
        // The vendor's own code (top level, then the first listed error's) says more than an RFC 7807 type URI.
        String code = firstString(root, CODE_KEYS);
        if (code == null && !entryCodes.isEmpty()) {
            code = entryCodes.get(0);
        }
        if (code == null) {
            String type = string(root.get("type"));
            if (type != null && !type.equals("about:blank")) {
                code = type;
            }
        }
        if (messages.isEmpty()) {
            fieldErrors.forEach(fe -> messages.add(fe.field().isEmpty() ? fe.message()
                    : fe.field() + ": " + fe.message()));
        }
        return new ErrorDetails(code, messages, fieldErrors, firstString(root, TRACE_KEYS));
    }

    /**
     * Reads an {@code errors[]} or {@code detail[]} list: an entry naming a field is a {@link FieldError}; one that
     * names none (Document360's {@code {code, message}} or v2 {@code {error_code, description}}) is a message.
     */
    private static void addErrorEntries(JsonArray array, List<String> messages, List<FieldError> fieldErrors,
            List<String> codes) {
        for (JsonElement item : array) {
            if (item.isJsonObject()) {
                JsonObject o = item.getAsJsonObject();
                String field = firstString(o, new String[] {"field", "property", "name", "pointer"});
                if (field == null && o.get("loc") != null && o.get("loc").isJsonArray()) {
                    List<String> parts = new ArrayList<>();
                    o.get("loc").getAsJsonArray()
                            .forEach(p -> parts.add(p.isJsonPrimitive() ? p.getAsString() : p.toString()));
                    field = String.join(".", parts);
                }
                String code = firstString(o, new String[] {"code", "error_code", "type"});
                String message = firstString(o, new String[] {"message", "msg", "detail", "description", "details"});
                if (code != null) {
                    codes.add(code);
                }
                if (field != null) {
                    fieldErrors.add(new FieldError(field, code, message));
                } else if (message != null && !messages.contains(message)) {
                    messages.add(message);
                }
            } else {
                addStrings(messages, item);
            }
        }
    }

    private static void addStrings(List<String> out, JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return;
        }
        if (element.isJsonPrimitive()) {
            String s = element.getAsString();
            if (!s.isBlank() && !out.contains(s)) {
                out.add(s);
            }
        } else if (element.isJsonArray()) {
            for (JsonElement e : element.getAsJsonArray()) {
                addStrings(out, e);
            }
        }
    }

    private static String firstString(JsonObject o, String[] keys) {
        for (String key : keys) {
            String s = string(o.get(key));
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static String string(JsonElement e) {
        if (e == null || !e.isJsonPrimitive()) {
            return null;
        }
        String s = e.getAsString();
        return s.isBlank() ? null : s;
    }
}
