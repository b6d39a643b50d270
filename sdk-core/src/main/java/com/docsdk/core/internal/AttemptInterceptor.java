package com.docsdk.core.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each attempt of a call (retries and token replays included) and logs it as one DEBUG line: method,
 * redacted URL, status or failure, duration, attempt number. Header values are never logged.
 */
public final class AttemptInterceptor implements Interceptor {
    private static final Logger LOG = LoggerFactory.getLogger("com.docsdk.http");

    private final SecretRegistry secrets;

    /** @param secrets the client's secrets, scrubbed from the logged URL (a key may sit in a path) */
    public AttemptInterceptor(SecretRegistry secrets) {
        this.secrets = secrets;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        int attempt = CallState.of(request).nextAttempt();
        long start = System.nanoTime();
        try {
            Response response = FollowUpGuard.restore(chain.proceed(request));
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {} ({} ms, attempt {})", request.method(), secrets.url(request.url()),
                        response.code(), elapsedMillis(start), attempt);
            }
            return response;
        } catch (IOException | RuntimeException e) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {} ({} ms, attempt {})", request.method(), secrets.url(request.url()),
                        e.getClass().getSimpleName(), elapsedMillis(start), attempt);
            }
            throw e;
        }
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
