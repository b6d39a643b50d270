package com.docsdk.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.UUID;

/** SmartDocumentor's ASP.NET Core error bodies: {@code ValidationProblemDetails} for model-binding failures. */
final class AspNetErrors {
    private AspNetErrors() {
    }

    static SimResponse validation(List<ContractViolation> violations) {
        JsonObject errors = new JsonObject();
        for (ContractViolation v : violations) {
            String field = v.isBody() && v.name() != null && v.name().length() > 1 ? "$" + v.name().replace('/', '.')
                    : v.field();
            if (!errors.has(field)) {
                errors.add(field, new JsonArray());
            }
            errors.getAsJsonArray(field).add(v.message());
        }
        return validation(errors);
    }

    static SimResponse validation(String field, String message) {
        JsonObject errors = new JsonObject();
        JsonArray messages = new JsonArray();
        messages.add(message);
        errors.add(field, messages);
        return validation(errors);
    }

    private static SimResponse validation(JsonObject errors) {
        return problem(400, "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                "One or more validation errors occurred.", errors);
    }

    static SimResponse problem(int status, String type, String title, JsonObject errors) {
        Json.ObjectBuilder b = Json.object().put("type", type).put("title", title).put("status", status);
        if (errors != null) {
            b.put("errors", errors);
        }
        b.put("traceId", "00-" + UUID.randomUUID().toString().replace("-", "") + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "-00");
        return SimResponse.json(status, b.build(), "application/problem+json; charset=utf-8");
    }
}
