package com.docsdk.core;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Network interceptor that keeps OkHttp's follow-up logic from re-sending a request on its own. OkHttp repeats a
 * request answered {@code 503} with {@code Retry-After: 0} at once, for any method and outside every retry count; the
 * guard hides that header from OkHttp (moved to a private name) and {@link #restore(Response)}, called by the
 * application-level {@link AttemptInterceptor}, puts it back, so that the {@link RetryPolicy} decides.
 */
final class FollowUpGuard implements Interceptor {
    /** Where a {@code Retry-After} OkHttp would act on is kept between the network and the application layer. */
    static final String MASKED_RETRY_AFTER = "Docsdk-Masked-Retry-After";

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() == 503) {
            String retryAfter = response.header("Retry-After");
            if (retryAfter != null && retryAfter.matches("\\d+")) {
                // OkHttp's rule: an all-digit Retry-After of 0 is an immediate, silent retry.
                return response.newBuilder().removeHeader("Retry-After").header(MASKED_RETRY_AFTER, retryAfter)
                        .build();
            }
        }
        return response;
    }

    /** The response with a masked {@code Retry-After} back under its own name. */
    static Response restore(Response response) {
        String masked = response.header(MASKED_RETRY_AFTER);
        if (masked == null) {
            return response;
        }
        return response.newBuilder().removeHeader(MASKED_RETRY_AFTER).header("Retry-After", masked).build();
    }
}
