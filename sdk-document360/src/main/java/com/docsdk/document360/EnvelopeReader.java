package com.docsdk.document360;

import com.docsdk.core.error.HttpErrorContext;
import com.docsdk.core.Redactor;
import com.docsdk.core.ResponseReader;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.service.ApiRequest;
import com.docsdk.core.service.ServiceContext;
import com.docsdk.document360.model.ApiError;
import com.docsdk.document360.model.ApiWarning;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every 2xx body of the generated services is read ({@link ServiceContext.ReaderFactory}): the envelope
 * {@code {data, success, request_id, errors, warnings}} (the spec's {@code x-docsdk-envelope}) is checked before the
 * generated code unwraps {@code data}. {@code success: false} becomes the core's exception (code and messages from
 * {@code errors[]}, request id from {@code request_id}) whatever the status; every warning is logged at WARN.
 */
final class EnvelopeReader implements ServiceContext.ReaderFactory {
    static final Logger LOG = LoggerFactory.getLogger("com.docsdk.document360");
    static final EnvelopeReader INSTANCE = new EnvelopeReader();

    private static final Type ERRORS = new TypeToken<List<ApiError>>() { }.getType();
    private static final Type WARNINGS = new TypeToken<List<ApiWarning>>() { }.getType();
    /** The messages of the envelopes read on this thread inside {@link #collecting}. */
    private static final ThreadLocal<List<String>> COLLECTED = new ThreadLocal<>();

    private EnvelopeReader() {
    }

    /**
     * Runs {@code call}, adding to {@code messages} the {@code errors[]} and {@code warnings[]} messages of every
     * envelope it reads (the generated methods hand out only {@code data}).
     */
    static <T> T collecting(List<String> messages, Supplier<T> call) {
        List<String> outer = COLLECTED.get();
        COLLECTED.set(messages);
        try {
            return call.get();
        } finally {
            COLLECTED.set(outer);
        }
    }

    @Override
    public ResponseReader<?> reader(ApiRequest request, Type type, Gson gson) {
        if (type == Void.class || type == String.class || type == byte[].class) {
            return ServiceContext.defaultReader(type, gson);
        }
        return response -> {
            String raw = response.body().string();
            JsonObject body = parse(response.request(), raw);
            List<ApiError> errors = list(gson, body, "errors", ERRORS);
            List<ApiWarning> warnings = list(gson, body, "warnings", WARNINGS);
            String requestId = text(body.get("request_id"));
            JsonElement success = body.get("success");
            if (success != null && success.isJsonPrimitive() && !success.getAsBoolean()) {
                throw failure(response, errors, requestId, raw);
            }
            for (ApiWarning w : warnings) {
                LOG.warn("Document360 warning on {}: {} [{}]{}", describe(response.request()), w.getMessage(),
                        w.getCode(), requestId == null ? "" : " (request id " + requestId + ")");
            }
            List<String> collected = COLLECTED.get();
            if (collected != null) {
                errors.stream().map(ApiError::getMessage).filter(EnvelopeReader::present).forEach(collected::add);
                warnings.stream().map(ApiWarning::getMessage).filter(EnvelopeReader::present).forEach(collected::add);
            }
            try {
                return gson.fromJson(body, type);
            } catch (JsonParseException e) {
                throw new SdkException("could not read the response of " + describe(response.request()) + " as "
                        + type.getTypeName() + ": " + Redactor.text(String.valueOf(e.getMessage())), e);
            }
        };
    }

    private static JsonObject parse(Request request, String body) {
        JsonElement tree;
        try {
            tree = JsonParser.parseString(body);
        } catch (RuntimeException e) {
            throw new SdkException("could not parse the response of " + describe(request) + ": "
                    + Redactor.text(String.valueOf(e.getMessage())), e);
        }
        if (!tree.isJsonObject()) {
            throw new SdkException("the response of " + describe(request) + " is not a Document360 envelope"
                    + (tree.isJsonNull() ? " (no body)" : ""));
        }
        return tree.getAsJsonObject();
    }

    private static RuntimeException failure(Response response, List<ApiError> errors, String requestId,
            String body) {
        Request request = response.request();
        return HttpErrorContext.builder(response.code(), request.method(), request.url())
                .details(ProblemDetailsParser.details(errors, List.of(), null, requestId))
                .requestId(requestId)
                .rawBody(body)
                .headers(response.headers())
                .note("the response said success: false")
                .build()
                .toException();
    }

    /**
     * The envelope's {@code errors} or {@code warnings}, read leniently: what is not an array, or an item that is not
     * an object, is dropped from the body too, so that it does not keep the value from being read.
     */
    private static <E> List<E> list(Gson gson, JsonObject body, String name, Type type) {
        JsonElement element = body.get(name);
        if (element == null || !element.isJsonArray()) {
            body.remove(name);
            return List.of();
        }
        JsonArray objects = new JsonArray();
        element.getAsJsonArray().forEach(item -> {
            if (item.isJsonObject()) {
                objects.add(item);
            }
        });
        body.add(name, objects);
        try {
            List<E> list = gson.fromJson(objects, type);
            return list.stream().filter(Objects::nonNull).toList();
        } catch (JsonParseException e) {
            LOG.debug("unreadable {} in a Document360 envelope: {}", name, e.getMessage());
            body.remove(name);
            return List.of();
        }
    }

    private static String text(JsonElement e) {
        return e != null && e.isJsonPrimitive() && !e.getAsString().isBlank() ? e.getAsString() : null;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String describe(Request request) {
        return request.method() + " " + Redactor.url(request.url());
    }
}
