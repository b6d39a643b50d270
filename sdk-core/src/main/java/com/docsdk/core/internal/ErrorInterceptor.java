package com.docsdk.core.internal;

import com.docsdk.core.Transport;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.error.TransportException;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Outermost interceptor: starts the call's {@link CallState}, and turns what comes back into the SDK's exceptions.
 * An error status (4xx, 5xx) becomes the matching {@link SdkHttpException} with the vendor's parsed error body;
 * an I/O failure becomes a {@link TransportException}. Requests tagged {@link RawResponse} get error responses back.
 */
public final class ErrorInterceptor implements Interceptor {
    private final ErrorMapper errors;

    public ErrorInterceptor(ErrorMapper errors) {
        this.errors = errors;
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
            throw Failures.transport(request, e, state.attempts(), state.stopReason(), callTimedOut,
                    errors.secrets());
        }
        if (response.code() < 400 || request.tag(RawResponse.class) != null) {
            return response;
        }
        throw errors.toException(response, state.attempts(), state.stopReason());
    }
}
