package com.docsdk.core.internal;

import com.docsdk.core.RequestOptions;
import com.docsdk.core.Sleeper;
import com.docsdk.core.retry.RetryBudget;
import com.docsdk.core.retry.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries what {@link RetryPolicy} says may be retried, sleeping the server's {@code Retry-After} or a jittered
 * backoff, drawing on the client's {@link RetryBudget}. Returns the last response (or throws the last failure) when it
 * stops; {@link ErrorInterceptor} turns that into the exception, with the attempts and the reason for stopping.
 */
public final class RetryInterceptor implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger("com.docsdk.http");

    private final RetryPolicy defaultPolicy;
    private final RetryBudget budget;
    private final Sleeper sleeper;
    private final Clock clock;
    private final SecretRegistry secrets;

    public RetryInterceptor(RetryPolicy defaultPolicy, RetryBudget budget, Sleeper sleeper, Clock clock,
            SecretRegistry secrets) {
        this.defaultPolicy = defaultPolicy;
        this.budget = budget;
        this.sleeper = sleeper;
        this.clock = clock;
        this.secrets = secrets;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        CallState state = CallState.of(request);
        RequestOptions options = Optional.ofNullable(request.tag(RequestOptions.class)).orElse(RequestOptions.none());
        RetryPolicy policy = options.retryPolicy().orElse(defaultPolicy);
        boolean idempotent = options.idempotent().orElseGet(() -> RetryPolicy.isIdempotentMethod(request.method()));
        RequestBody body = request.body();
        boolean replayable = body == null || !body.isOneShot();

        for (int retry = 1; ; retry++) {
            boolean mayRetry = replayable && retry <= policy.maxRetries() && !chain.call().isCanceled();
            Response response;
            try {
                response = chain.proceed(request);
            } catch (IOException e) {
                // A call cancelled meanwhile (by the caller, or by its call timeout) is over: no wait, no retry.
                if (!mayRetry || chain.call().isCanceled() || !policy.isRetryableFailure(e, idempotent)) {
                    throw e;
                }
                if (!budget.tryAcquire(Failures.isTimeout(e))) {
                    state.stopReason("retry budget exhausted: not retrying during a sustained outage");
                    throw e;
                }
                Duration delay = policy.backoff(retry);
                log(request, state, delay, e.getClass().getSimpleName());
                sleep(delay);
                continue;
            }
            if (response.code() < 400) {
                budget.onSuccess();
                return response;
            }
            if (!mayRetry || !policy.isRetryableStatus(response.code(), idempotent)) {
                return response;
            }
            Optional<Duration> serverDelay = ServerDelay.from(response.headers(), clock);
            if (serverDelay.isPresent() && serverDelay.get().compareTo(policy.maxServerDelay()) > 0) {
                state.stopReason("the server asked to wait " + serverDelay.get().toSeconds()
                        + "s, longer than the retry policy's maximum of " + policy.maxServerDelay().toSeconds() + "s");
                return response;
            }
            if (!budget.tryAcquire(false)) {
                state.stopReason("retry budget exhausted: not retrying during a sustained outage");
                return response;
            }
            Duration delay = serverDelay.isPresent() ? serverDelay.get() : policy.backoff(retry);
            log(request, state, delay, "HTTP " + response.code());
            response.close();
            sleep(delay);
        }
    }

    private void log(Request request, CallState state, Duration delay, String cause) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} attempt {} failed ({}); retrying in {} ms", request.method(),
                    secrets.url(request.url()), state.attempts(), cause, delay.toMillis());
        }
    }

    private void sleep(Duration delay) throws InterruptedIOException {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException ioe = new InterruptedIOException("interrupted while waiting to retry");
            ioe.initCause(e);
            throw ioe;
        }
    }
}
