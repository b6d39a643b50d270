package com.docsdk.core.internal;

import com.docsdk.core.RequestOptions;
import com.docsdk.core.Transport;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Sets the SDK's {@code User-Agent} and the per-call extra headers of {@link RequestOptions}. */
public final class HeadersInterceptor implements Interceptor {
    private final String userAgent;

    public HeadersInterceptor(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestOptions options = request.tag(RequestOptions.class);
        boolean extra = options != null && !options.headers().isEmpty();
        if (!extra && userAgent.equals(request.header("User-Agent"))) {
            return chain.proceed(request); // Transport.newCall already set it
        }
        Request.Builder b = request.newBuilder().header("User-Agent", userAgent);
        if (extra) {
            options.headers().forEach(b::header);
        }
        return chain.proceed(b.build());
    }
}
