package com.docsdk.document360;

import com.docsdk.core.HttpErrorContext;
import com.docsdk.core.Redactor;
import com.docsdk.core.ResponseReader;
import com.docsdk.core.SdkException;
import com.docsdk.document360.generated.invoker.JSON;
import com.docsdk.document360.generated.model.ApiWarning;
import java.util.List;
import java.util.function.Function;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a 2xx body into a generated response wrapper and unwraps it: {@code success: false} becomes the core's
 * exception (built with {@link HttpErrorContext}: code and messages from {@code errors[]}, request id from
 * {@code request_id}), and every warning is logged at WARN.
 */
final class EnvelopeReader {
    static final Logger LOG = LoggerFactory.getLogger("com.docsdk.document360");

    private EnvelopeReader() {
    }

    static <E, T> ResponseReader<Envelope<T>> of(Class<E> type, Function<E, Envelope<T>> view) {
        return response -> {
            String body = response.body().string();
            E parsed = parse(response.request(), body, type);
            Envelope<T> envelope = view.apply(parsed);
            if (Boolean.FALSE.equals(envelope.success())) {
                throw failure(response, envelope, body);
            }
            logWarnings(response.request(), envelope.warnings());
            return envelope;
        };
    }

    private static <E> E parse(Request request, String body, Class<E> type) {
        E parsed;
        try {
            parsed = JSON.getGson().fromJson(body, type);
        } catch (RuntimeException e) {
            throw new SdkException("could not parse the response of " + describe(request) + " as "
                    + type.getSimpleName() + ": " + Redactor.text(String.valueOf(e.getMessage())), e);
        }
        if (parsed == null) {
            throw new SdkException("the response of " + describe(request) + " has no body");
        }
        return parsed;
    }

    private static RuntimeException failure(Response response, Envelope<?> envelope, String body) {
        Request request = response.request();
        return HttpErrorContext.builder(response.code(), request.method(), request.url())
                .details(ProblemDetailsParser.details(envelope.errors(), List.of(), null, envelope.requestId()))
                .requestId(envelope.requestId())
                .rawBody(body)
                .headers(response.headers())
                .note("the response said success: false")
                .build()
                .toException();
    }

    private static void logWarnings(Request request, List<ApiWarning> warnings) {
        for (ApiWarning w : warnings) {
            LOG.warn("Document360 warning on {}: {} [{}]", describe(request), w.getMessage(), w.getCode());
        }
    }

    private static String describe(Request request) {
        return request.method() + " " + Redactor.url(request.url());
    }
}
