package com.docsdk.core.internal;

import com.docsdk.core.auth.Credentials;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * On a 401 from the API host with refreshing credentials: forgets the rejected token and replays the request once
 * with a fresh one. A second 401 is returned as it is (the credentials are wrong, not stale).
 */
public final class TokenRefreshInterceptor implements Interceptor {
    private static final String BEARER = "Bearer ";

    private final Credentials credentials;
    private final Origin apiOrigin;

    public TokenRefreshInterceptor(Credentials credentials, Origin apiOrigin) {
        this.credentials = credentials;
        this.apiOrigin = apiOrigin;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        // The final URL: a 401 from another host after a redirect says nothing about our token.
        if (response.code() != 401 || !credentials.isRefreshable() || !apiOrigin.matches(request.url())
                || !apiOrigin.matches(response.request().url())) {
            return response;
        }
        RequestBody body = request.body();
        if (body != null && body.isOneShot()) {
            return response;
        }
        // The token is attached by a network interceptor, so it is not among response.request()'s headers; the
        // resolved credential headers travel as a tag. Without knowing the rejected token, a concurrent refresh
        // would be thrown away.
        AuthInterceptor.ResolvedHeaders resolved = response.request().tag(AuthInterceptor.ResolvedHeaders.class);
        String sent = resolved == null ? null : resolved.headers().get("Authorization");
        credentials.invalidate(sent != null && sent.startsWith(BEARER) ? sent.substring(BEARER.length()) : null);
        response.close();
        return chain.proceed(request);
    }
}
