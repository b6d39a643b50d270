package com.docsdk.core.internal;

import com.docsdk.core.auth.Credentials;
import java.io.IOException;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Host-scoped credentials in two steps. {@link Resolve} (innermost application interceptor) computes the credential
 * headers for a request bound for the API origin, fetching a token if needed, before any connection is opened.
 * {@link Attach} (network interceptor) sees every request that goes on the wire, redirects included, and attaches those
 * headers only when that request's origin is the API's; on any other host it strips every credential header.
 */
public final class AuthInterceptor {
    private AuthInterceptor() {
    }

    /** The headers of credentials that never change (API keys, static tokens), computed once; else null. */
    static ResolvedHeaders staticHeaders(Credentials credentials) {
        if (credentials.isRefreshable()) {
            return null;
        }
        Request.Builder scratch = new Request.Builder().url("https://credentials.invalid/");
        credentials.apply(scratch);
        return new ResolvedHeaders(scratch.build().headers());
    }

    /** The credential headers resolved for one attempt. */
    record ResolvedHeaders(Headers headers) {
        @Override
        public String toString() {
            return "ResolvedHeaders" + headers.names();
        }
    }

    public static final class Resolve implements Interceptor {
        private final Credentials credentials;
        private final Origin apiOrigin;

        public Resolve(Credentials credentials, Origin apiOrigin) {
            this.credentials = credentials;
            this.apiOrigin = apiOrigin;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            if (!credentials.isRefreshable() || !apiOrigin.matches(request.url())) {
                return chain.proceed(request);
            }
            Request.Builder scratch = new Request.Builder().url(request.url());
            credentials.apply(scratch);
            Headers resolved = scratch.build().headers();
            return chain.proceed(request.newBuilder().tag(ResolvedHeaders.class, new ResolvedHeaders(resolved)).build());
        }
    }

    public static final class Attach implements Interceptor {
        private final Credentials credentials;
        private final Origin apiOrigin;

        private final ResolvedHeaders fixed;

        public Attach(Credentials credentials, Origin apiOrigin) {
            this.credentials = credentials;
            this.apiOrigin = apiOrigin;
            this.fixed = staticHeaders(credentials);
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            Request.Builder b = request.newBuilder();
            for (String name : credentials.headerNames()) {
                b.removeHeader(name);
            }
            ResolvedHeaders resolved = fixed != null ? fixed : request.tag(ResolvedHeaders.class);
            if (resolved != null && apiOrigin.matches(request.url())) {
                for (int i = 0; i < resolved.headers().size(); i++) {
                    b.header(resolved.headers().name(i), resolved.headers().value(i));
                }
            }
            return chain.proceed(b.build());
        }
    }
}
