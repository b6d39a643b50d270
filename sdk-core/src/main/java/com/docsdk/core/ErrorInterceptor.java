package com.docsdk.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Outermost interceptor: starts the call's {@link CallState}, and turns what comes back into the SDK's exceptions.
 * An error status (4xx, 5xx) becomes the matching {@link SdkHttpException} with the vendor's parsed error body;
 * an I/O failure becomes a {@link TransportException}. Requests tagged {@link RawResponse} get error responses back.
 */
final class ErrorInterceptor implements Interceptor {
    static final long MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final ErrorBodyParser parser;
    private final List<String> requestIdHeaders;
    private final Clock clock;

    ErrorInterceptor(ErrorBodyParser parser, List<String> requestIdHeaders, Clock clock) {
        this.parser = parser;
        this.requestIdHeaders = requestIdHeaders;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        CallState state = request.tag(CallState.class);
        if (state == null) {
            state = new CallState();
            request = request.newBuilder().tag(CallState.class, state).build();
        }
        Response response;
        long start = System.nanoTime();
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            // OkHttp cancels a call whose timeout fires, and the I/O then fails with a plain "Socket closed": tell a
            // timeout from a caller's cancel() by the deadline Transport.newCall recorded (it starts the clock a
            // little before OkHttp does, so it never misses), else by the time spent here.
            long callTimeout = chain.call().timeout().timeoutNanos();
            boolean callTimedOut = chain.call().isCanceled() && callTimeout > 0
                    && (state.hasDeadline() ? state.deadlinePassed() : System.nanoTime() - start >= callTimeout);
            throw Failures.transport(request, e, state.attempts(), state.stopReason(), callTimedOut);
        }
        if (response.code() < 400 || request.tag(RawResponse.class) != null) {
            return response;
        }
        throw toException(request, response, state);
    }

    private SdkHttpException toException(Request request, Response response, CallState state) {
        String body;
        try (response) {
            body = new String(response.peekBody(MAX_ERROR_BODY_BYTES).bytes(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            body = "";
        }
        String contentType = response.header("Content-Type", "");
        ErrorDetails details;
        try {
            details = parser.parse(response.code(), contentType, body);
        } catch (RuntimeException e) {
            details = ErrorDetails.EMPTY; // a parser must not hide the HTTP error behind its own bug
        }
        Request sent = response.request();
        return HttpErrorContext.builder(response.code(), sent.method(), sent.url())
                .details(details == null ? ErrorDetails.EMPTY : details)
                .rawBody(body)
                .headers(response.headers())
                .requestIdFrom(response.headers(), requestIdHeaders)
                .retryAfterFrom(response.headers(), clock)
                .attempts(state.attempts())
                .note(state.stopReason())
                .build()
                .toException();
    }
}
