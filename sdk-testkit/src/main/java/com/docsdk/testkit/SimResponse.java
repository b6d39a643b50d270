package com.docsdk.testkit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A simulated response: status, headers, body. Immutable apart from {@link #header}, used while building it. */
final class SimResponse {
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final byte[] body;

    private SimResponse(int status, byte[] body, String contentType) {
        this.status = status;
        this.body = body;
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
    }

    static SimResponse json(int status, JsonElement body) {
        return new SimResponse(status, Json.write(body).getBytes(StandardCharsets.UTF_8),
                "application/json; charset=utf-8");
    }

    static SimResponse json(int status, JsonElement body, String contentType) {
        return new SimResponse(status, Json.write(body).getBytes(StandardCharsets.UTF_8), contentType);
    }

    static SimResponse text(int status, String body, String contentType) {
        return new SimResponse(status, body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    static SimResponse bytes(int status, byte[] body, String contentType) {
        return new SimResponse(status, body.clone(), contentType);
    }

    static SimResponse empty(int status) {
        return new SimResponse(status, new byte[0], null);
    }

    SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    ResponseDefinitionBuilder toDefinition() {
        ResponseDefinitionBuilder b = new ResponseDefinitionBuilder().withStatus(status);
        headers.forEach(b::withHeader);
        if (body.length > 0) {
            b.withBody(body);
        }
        return b;
    }
}
