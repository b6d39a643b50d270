package com.docsdk.core;

import com.docsdk.core.error.SdkException;
import com.docsdk.core.internal.SecretRegistry;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Type;
import okhttp3.Response;

/**
 * Turns a successful response into a value. The transport closes the response afterwards.
 *
 * <pre>{@code
 * SdkResponse<Project> r = transport.execute(request, RequestOptions.none(), ResponseReader.json(gson, Project.class));
 * }</pre>
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ResponseReader<T> {
    T read(Response response) throws IOException;

    /** The body as UTF-8 text (empty when there is none). */
    static ResponseReader<String> string() {
        return response -> response.body().string();
    }

    /** Ignores the body. */
    static ResponseReader<Void> discard() {
        return response -> null;
    }

    /** The body parsed as JSON into {@code type}; a malformed body raises an {@link SdkException}. */
    static <T> ResponseReader<T> json(Gson gson, Class<T> type) {
        return json(gson, (Type) type);
    }

    /** The body parsed as JSON into a generic {@code type}; a malformed body raises an {@link SdkException}. */
    static <T> ResponseReader<T> json(Gson gson, Type type) {
        return response -> {
            try (Reader reader = response.body().charStream()) {
                return gson.fromJson(reader, type);
            } catch (JsonParseException e) {
                SecretRegistry secrets = SecretRegistry.of(response.request());
                throw new SdkException("could not parse the response of " + response.request().method() + " "
                        + secrets.url(response.request().url()) + " as " + type.getTypeName() + ": "
                        + secrets.redact(String.valueOf(e.getMessage())), e);
            }
        };
    }
}
