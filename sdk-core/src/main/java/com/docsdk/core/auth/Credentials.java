package com.docsdk.core.auth;

import com.docsdk.core.Redactor;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.internal.SecretRegistry;
import com.docsdk.core.internal.TokenCache;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * How a client authenticates. Credentials are attached only to requests for the client's own API host: never to
 * presigned S3 or Azure URLs, never after a redirect to another host. {@code toString()} never prints a secret.
 *
 * <pre>{@code
 * Credentials fileAi = Credentials.apiKey("x-api-key", System.getenv("FILEAI_API_KEY"));
 * Credentials dcycle = Credentials.apiKey("x-api-key", key).withHeader("x-organization-id", orgId);
 * Credentials d360 = Credentials.bearerToken(token);
 * Credentials smartDoc = Credentials.refreshingToken(OAuth2ClientCredentials.builder()
 *         .tokenUrl("https://cloud.smartdocumentor.net/connect/token")
 *         .clientId(id).clientSecret(secret).scope("WebAPI").build());
 * }</pre>
 */
public abstract class Credentials {
    /** How long before expiry a cached token is refreshed. */
    public static final Duration DEFAULT_REFRESH_SKEW = Duration.ofSeconds(60);

    private final Map<String, String> extraHeaders;

    Credentials(Map<String, String> extraHeaders) {
        this.extraHeaders = Map.copyOf(extraHeaders);
    }

    /** An API key sent in the named header ({@code x-api-key}, {@code X-API-Key}...). */
    public static Credentials apiKey(String headerName, String apiKey) {
        ClientValidationException.requireNonBlank("headerName", headerName);
        ClientValidationException.requireNonBlank("apiKey", apiKey);
        return new StaticHeaderCredentials(headerName, apiKey, Map.of());
    }

    /** A static bearer token sent as {@code Authorization: Bearer <token>}. */
    public static Credentials bearerToken(String token) {
        ClientValidationException.requireNonBlank("token", token);
        return new StaticHeaderCredentials("Authorization", "Bearer " + token, Map.of());
    }

    /** A bearer token from a provider, cached and refreshed {@link #DEFAULT_REFRESH_SKEW} before it expires. */
    public static Credentials refreshingToken(TokenProvider provider) {
        return refreshingToken(provider, DEFAULT_REFRESH_SKEW, Clock.systemUTC());
    }

    /** A bearer token from a provider, refreshed {@code skew} before expiry as seen by {@code clock}. */
    public static Credentials refreshingToken(TokenProvider provider, Duration skew, Clock clock) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(skew, "skew");
        Objects.requireNonNull(clock, "clock");
        return new RefreshingTokenCredentials(provider, skew, clock, Map.of());
    }

    /** No authentication (public endpoints, simulators). */
    public static Credentials none() {
        return new StaticHeaderCredentials(null, null, Map.of());
    }

    /**
     * These credentials plus a fixed header sent with them, on the API host only (Dcycle's
     * {@code x-organization-id}, {@code x-partner}).
     */
    public final Credentials withHeader(String name, String value) {
        ClientValidationException.requireNonBlank("headerName", name);
        ClientValidationException.requireNonBlank(name, value);
        Map<String, String> extra = new LinkedHashMap<>(extraHeaders);
        extra.put(name, value);
        return copyWith(extra);
    }

    abstract Credentials copyWith(Map<String, String> extraHeaders);

    /** Adds this credential's headers to a request bound for the API host. */
    public void apply(Request.Builder request) {
        extraHeaders.forEach(request::header);
    }

    /** Names of every header these credentials may set: removed from requests to other hosts. */
    public Set<String> headerNames() {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(extraHeaders.keySet());
        return names;
    }

    /** True when a 401 may be cured by fetching a new token. */
    public boolean isRefreshable() {
        return false;
    }

    /** Forgets a token the server rejected. */
    public void invalidate(String rejectedToken) {
    }

    /** Gives an OAuth2 provider without an HTTP client of its own the client's unauthenticated transport. */
    public void bindTokenClient(OkHttpClient anonymousClient) {
    }

    /**
     * Tells the client's secret registry every secret these credentials hold, now and later (tokens as they are
     * fetched), so that the client scrubs them from what it prints even when a server echoes them. Extra headers
     * count as secrets unless {@link Redactor#isSafeHeader(String) safe to print}.
     */
    public void bindSecrets(SecretRegistry secrets) {
        extraHeaders.forEach((name, value) -> {
            if (!Redactor.isSafeHeader(name)) {
                secrets.register(value);
            }
        });
    }

    String describeExtraHeaders() {
        return extraHeaders.entrySet().stream()
                .map(e -> Redactor.text(e.getKey()) + "=" + Redactor.headerValue(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** An API key or static token in one header. */
    static final class StaticHeaderCredentials extends Credentials {
        private final String header;
        private final String value;

        StaticHeaderCredentials(String header, String value, Map<String, String> extra) {
            super(extra);
            this.header = header;
            this.value = value;
        }

        @Override
        Credentials copyWith(Map<String, String> extra) {
            return new StaticHeaderCredentials(header, value, extra);
        }

        @Override
        public void apply(Request.Builder request) {
            super.apply(request);
            if (header != null) {
                request.header(header, value);
            }
        }

        @Override
        public Set<String> headerNames() {
            Set<String> names = super.headerNames();
            if (header != null) {
                names.add(header);
            }
            return names;
        }

        @Override
        public void bindSecrets(SecretRegistry secrets) {
            super.bindSecrets(secrets);
            if (value != null) {
                boolean bearer = header.equalsIgnoreCase("Authorization") && value.startsWith("Bearer ");
                secrets.register(bearer ? value.substring("Bearer ".length()) : value);
            }
        }

        @Override
        public String toString() {
            String kind = header == null ? "none" : header.equalsIgnoreCase("Authorization") ? "bearerToken" : "apiKey";
            return "Credentials{" + kind
                    + (header == null ? "" : ", header=" + Redactor.text(header) + ", value=" + Redactor.REDACTED)
                    + ", extraHeaders=" + describeExtraHeaders() + '}';
        }
    }

    /** A cached, refreshing bearer token. */
    static final class RefreshingTokenCredentials extends Credentials {
        private final TokenProvider provider;
        private final Duration skew;
        private final Clock clock;
        private final TokenCache cache;

        RefreshingTokenCredentials(TokenProvider provider, Duration skew, Clock clock, Map<String, String> extra) {
            super(extra);
            this.provider = provider;
            this.skew = skew;
            this.clock = clock;
            this.cache = new TokenCache(provider, skew, clock);
        }

        @Override
        Credentials copyWith(Map<String, String> extra) {
            return new RefreshingTokenCredentials(provider, skew, clock, extra);
        }

        @Override
        public void apply(Request.Builder request) {
            super.apply(request);
            request.header("Authorization", "Bearer " + cache.token());
        }

        @Override
        public Set<String> headerNames() {
            Set<String> names = super.headerNames();
            names.add("Authorization");
            return names;
        }

        @Override
        public boolean isRefreshable() {
            return true;
        }

        @Override
        public void invalidate(String rejectedToken) {
            cache.invalidate(rejectedToken);
        }

        @Override
        public void bindTokenClient(OkHttpClient anonymousClient) {
            if (provider instanceof OAuth2ClientCredentials oauth) {
                oauth.useClientIfUnset(anonymousClient);
            }
        }

        @Override
        public void bindSecrets(SecretRegistry secrets) {
            super.bindSecrets(secrets);
            cache.feed(secrets);
            if (provider instanceof OAuth2ClientCredentials oauth) {
                oauth.bindSecrets(secrets);
            }
        }

        @Override
        public String toString() {
            return "Credentials{refreshingToken, provider=" + provider + ", skew=" + skew + ", extraHeaders="
                    + describeExtraHeaders() + '}';
        }
    }
}
