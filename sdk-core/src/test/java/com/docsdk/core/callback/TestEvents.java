package com.docsdk.core.callback;

import com.docsdk.core.error.ClientValidationException;
import java.util.Map;
import java.util.Set;

/** A minimal vendor for the core tests: JSON {@code {"id": ..., "status": ...}}. */
final class TestEvents {
    private TestEvents() {
    }

    static final class Event extends CallbackEvent {
        Event(Map<String, Object> fields) {
            super("test", "thing", "test:" + CallbackFields.requireString(fields, "id") + ":"
                    + CallbackFields.string(fields, "status").orElse("-"), fields, Set.of("id", "status"));
        }

        String id() {
            return CallbackFields.requireString(fields(), "id");
        }
    }

    static final CallbackParser<Event> PARSER = request -> {
        if (!request.mediaType().orElse("").equals("application/json")) {
            throw new ClientValidationException("Content-Type", "must be application/json");
        }
        return new Event(CallbackFields.jsonObject(request.body()));
    };

    static CallbackEndpoint<Event> endpoint(CallbackPolicy policy) {
        return new CallbackEndpoint<>("things", PARSER, policy);
    }
}
