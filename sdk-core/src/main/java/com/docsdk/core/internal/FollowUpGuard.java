package com.docsdk.core.internal;

import com.docsdk.core.error.RedirectRefusedException;
import com.docsdk.core.retry.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Network interceptor that keeps OkHttp's follow-up logic (redirects, its immediate repeats) from doing what the SDK
 * would not. It sees each hop's response before OkHttp decides on a follow-up.
 *
 * <ul>
 *   <li><b>No credential follows a redirect to another origin.</b> A request that carries a credential OkHttp would
 *       forward (in its body, like the OAuth2 token request's client secret, or in a header the SDK does not manage)
 *       fails with a {@link RedirectRefusedException} when the server redirects it to another scheme, host or port,
 *       before anything is sent there. The SDK's own credential headers are not at stake: they are attached per hop
 *       and only on the API's origin ({@link AuthInterceptor.Attach}), so such a request follows the redirect without
 *       them. Same-origin redirects are followed as OkHttp does.</li>
 *   <li><b>No silent repeat.</b> OkHttp repeats a request answered {@code 503} with {@code Retry-After: 0} at once,
 *       for any method and outside every retry count; the guard hides that header from OkHttp (moved to a private
 *       name) and {@link #restore(Response)}, called by the application-level {@link AttemptInterceptor}, puts it
 *       back, so that the {@link RetryPolicy} decides.</li>
 * </ul>
 */
public final class FollowUpGuard implements Interceptor {
    /** Where a {@code Retry-After} OkHttp would act on is kept between the network and the application layer. */
    static final String MASKED_RETRY_AFTER = "Docsdk-Masked-Retry-After";
    /** Bodies up to this size are searched for a known secret when a cross-origin redirect comes back. */
    static final long MAX_INSPECTED_BODY = 256 * 1024;

    /** A request tag: the request carries a credential by construction (what it is, for the message). */
    public enum CarriesCredential {
        OAUTH2_CLIENT_SECRET("its form body holds the OAuth2 client secret");

        private final String description;

        CarriesCredential(String description) {
            this.description = description;
        }
    }

    private final SecretRegistry secrets;
    private final boolean followRedirects;
    private final boolean followSslRedirects;

    /**
     * @param secrets the client's secrets: a request holding one in a header or its body counts as carrying a
     *     credential
     * @param followRedirects whether the client follows redirects at all (else OkHttp returns the 3xx as it is)
     * @param followSslRedirects whether it follows redirects between http and https
     */
    public FollowUpGuard(SecretRegistry secrets, boolean followRedirects, boolean followSslRedirects) {
        this.secrets = secrets;
        this.followRedirects = followRedirects;
        this.followSslRedirects = followSslRedirects;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        int code = response.code();
        if (code == 503) {
            String retryAfter = response.header("Retry-After");
            if (retryAfter != null && retryAfter.matches("\\d+")) {
                // OkHttp's rule: an all-digit Retry-After of 0 is an immediate, silent retry.
                return response.newBuilder().removeHeader("Retry-After").header(MASKED_RETRY_AFTER, retryAfter)
                        .build();
            }
            return response;
        }
        HttpUrl target = redirectTarget(request, response);
        if (target != null && !Origin.of(request.url()).matches(target)) {
            String credential = credentialCarried(request);
            if (credential != null) {
                response.close();
                throw new RedirectRefusedException(request.method(), secrets.url(request.url()), code,
                        origin(request.url()), origin(target), credential, CallState.of(request).attempts());
            }
        }
        return response;
    }

    /** The response with a masked {@code Retry-After} back under its own name. */
    public static Response restore(Response response) {
        String masked = response.header(MASKED_RETRY_AFTER);
        if (masked == null) {
            return response;
        }
        return response.newBuilder().removeHeader(MASKED_RETRY_AFTER).header("Retry-After", masked).build();
    }

    /** Where OkHttp will take this request next, or null when it will not follow this response. */
    private HttpUrl redirectTarget(Request request, Response response) {
        int code = response.code();
        boolean redirect = code == 300 || code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
        if (!redirect || !followRedirects) {
            return null;
        }
        String location = response.header("Location");
        HttpUrl target = location == null ? null : request.url().resolve(location);
        if (target == null || (!target.scheme().equals(request.url().scheme()) && !followSslRedirects)) {
            return null;
        }
        return target;
    }

    /** What credential the request carries that a redirect would take along, or null when it carries none. */
    private String credentialCarried(Request request) throws IOException {
        CarriesCredential tag = request.tag(CarriesCredential.class);
        if (tag != null) {
            return tag.description;
        }
        for (int i = 0; i < request.headers().size(); i++) {
            if (secrets.containsSecret(request.headers().value(i))) {
                return "its " + request.headers().name(i) + " header holds one of the client's secrets";
            }
        }
        RequestBody body = request.body();
        if (body != null && !body.isOneShot() && !body.isDuplex()) {
            long length = body.contentLength();
            if (length > 0 && length <= MAX_INSPECTED_BODY) {
                Buffer buffer = new Buffer();
                body.writeTo(buffer);
                if (secrets.containsSecret(buffer.readString(StandardCharsets.UTF_8))) {
                    return "its body holds one of the client's secrets";
                }
            }
        }
        return null;
    }

    private static String origin(HttpUrl url) {
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }
}
