package com.docsdk.testkit;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Plain OkHttp calls for the simulator tests (the testkit must not depend on the vendor facades). */
final class Http {
    static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            // generous: the first request a simulator validates loads its spec, which takes seconds on a busy
            // machine (no test here asserts a time)
            .readTimeout(Duration.ofSeconds(60))
            .build();

    /** A response read fully. */
    record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
        JsonElement json() {
            return JsonParser.parseString(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private Http() {
    }

    static Request.Builder request(String url, String... headers) {
        Request.Builder b = new Request.Builder().url(url);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    static Reply get(String url, String... headers) {
        return send(request(url, headers).get().build());
    }

    static Reply json(String method, String url, String json, String... headers) {
        return send(request(url, headers).method(method, RequestBody.create(json.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                MediaType.get("application/json"))).build());
    }

    static Reply form(String url, String form, String... headers) {
        return send(request(url, headers).post(RequestBody.create(form.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                MediaType.get("application/x-www-form-urlencoded"))).build());
    }

    static Reply noBody(String method, String url, String... headers) {
        RequestBody body = "GET".equals(method) || "DELETE".equals(method) ? null : RequestBody.create(new byte[0]);
        return send(request(url, headers).method(method, body).build());
    }

    /** PUT raw bytes with exactly this Content-Type header (no charset added). */
    static Reply put(String url, byte[] bytes, String contentType) {
        return send(new Request.Builder().url(url)
                .put(RequestBody.create(bytes, contentType == null ? null : MediaType.get(contentType)))
                .build());
    }

    static Reply send(Request request) {
        try (Response response = CLIENT.newCall(request).execute()) {
            return new Reply(response.code(), response.headers().toMultimap(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
