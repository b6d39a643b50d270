package com.docsdk.testkit;

import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A request as the simulators' handlers read it: method, path, query, headers, body. */
final class SimRequest {
    private final LoggedRequest raw;
    private final String path;
    private final Map<String, String> pathParams;

    SimRequest(LoggedRequest raw) {
        this(raw, Map.of());
    }

    private SimRequest(LoggedRequest raw, Map<String, String> pathParams) {
        this.raw = raw;
        String url = raw.getUrl();
        int q = url.indexOf('?');
        this.path = q < 0 ? url : url.substring(0, q);
        this.pathParams = pathParams;
    }

    SimRequest withPathParams(Map<String, String> params) {
        return new SimRequest(raw, params);
    }

    LoggedRequest raw() {
        return raw;
    }

    String method() {
        return raw.getMethod().getName();
    }

    String path() {
        return path;
    }

    String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalStateException("no path parameter " + name);
        }
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    Optional<String> query(String name) {
        QueryParameter p = raw.queryParameter(name);
        return p != null && p.isPresent() && !p.values().isEmpty() ? Optional.of(p.firstValue()) : Optional.empty();
    }

    List<String> queryAll(String name) {
        QueryParameter p = raw.queryParameter(name);
        return p != null && p.isPresent() ? p.values() : List.of();
    }

    /** A query parameter matched case-insensitively (ASP.NET binds query names that way). */
    Optional<String> queryIgnoreCase(String name) {
        return raw.getQueryParams().values().stream()
                .filter(p -> p.key().equalsIgnoreCase(name) && !p.values().isEmpty())
                .map(QueryParameter::firstValue)
                .findFirst();
    }

    Optional<String> header(String name) {
        String value = raw.getHeader(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The token of an {@code Authorization: Bearer ...} header. */
    Optional<String> bearerToken() {
        return header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
    }

    Optional<String> contentType() {
        return header("Content-Type");
    }

    byte[] body() {
        byte[] body = raw.getBody();
        return body == null ? new byte[0] : body;
    }

    String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** The body as JSON; JSON null when empty or unparseable (validation has already rejected bad bodies). */
    JsonElement json() {
        try {
            JsonElement e = JsonParser.parseString(bodyText());
            return e == null ? com.google.gson.JsonNull.INSTANCE : e;
        } catch (JsonSyntaxException e) {
            return com.google.gson.JsonNull.INSTANCE;
        }
    }

    /** The body as {@code application/x-www-form-urlencoded} fields (first value of each). */
    Map<String, String> form() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : bodyText().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(key, value);
        }
        return fields;
    }

    @Override
    public String toString() {
        return method() + " " + raw.getUrl();
    }
}
