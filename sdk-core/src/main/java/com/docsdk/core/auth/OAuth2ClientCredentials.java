package com.docsdk.core.auth;

import com.docsdk.core.Redactor;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.ErrorBodyParser;
import com.docsdk.core.error.ErrorDetails;
import com.docsdk.core.error.HttpErrorContext;
import com.docsdk.core.error.RedirectRefusedException;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.error.TransportException;
import com.docsdk.core.internal.FollowUpGuard;
import com.docsdk.core.internal.RawResponse;
import com.docsdk.core.internal.SecretRegistry;
import com.docsdk.core.internal.TransportSecurity;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An OAuth2 client-credentials token provider: a form POST of {@code grant_type=client_credentials}, the client id,
 * secret and scope to a token URL, reading {@code access_token}, {@code expires_in} and {@code token_type}. Wrap it in
 * {@link Credentials#refreshingToken(TokenProvider)} so tokens are cached, refreshed ahead of expiry and shared.
 *
 * <pre>{@code
 * Credentials creds = Credentials.refreshingToken(OAuth2ClientCredentials.builder()
 *         .tokenUrl("https://cloud.smartdocumentor.net/connect/token")
 *         .clientId(System.getenv("SMARTDOCUMENTOR_CLIENT_ID"))
 *         .clientSecret(System.getenv("SMARTDOCUMENTOR_CLIENT_SECRET"))
 *         .scope("WebAPI")
 *         .build());
 * }</pre>
 *
 * <p>Without an explicit {@link Builder#httpClient(OkHttpClient) HTTP client} it uses the owning client's transport
 * (proxy, timeouts, retries, logging) without credentials. Bad client credentials raise
 * {@link AuthenticationException}. The token request carries the client secret, so it follows no redirect to another
 * origin, whichever HTTP client sends it: that fails with a {@link RedirectRefusedException} before the secret is
 * re-sent. A token endpoint that echoes the secret in an error never gets it into the exception.
 */
public final class OAuth2ClientCredentials implements TokenProvider {
    private final HttpUrl tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final Clock clock;
    /** Scrubs the secret (and, once bound to a client, that client's other secrets) from token errors. */
    private final SecretRegistry own = new SecretRegistry();
    private volatile SecretRegistry bound;
    /** The HTTP client: the builder's, else the owning SDK client's (bound before the first token request). */
    private OkHttpClient http;
    /** {@link #http} with the redirect guard; derived at the first token request, after which http is fixed. */
    private OkHttpClient guarded;
    private final Object clientLock = new Object();

    private OAuth2ClientCredentials(Builder b) {
        this.tokenUrl = b.tokenUrl;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.scope = b.scope;
        this.clock = b.clock;
        this.http = b.http;
        own.register(clientSecret);
    }

    public static Builder builder() {
        return new Builder();
    }

    void useClientIfUnset(OkHttpClient client) {
        synchronized (clientLock) {
            if (http == null) {
                http = client;
            }
        }
    }

    /** Tells an SDK client's secret registry the client secret; token errors are then scrubbed with it. */
    void bindSecrets(SecretRegistry secrets) {
        secrets.register(clientSecret);
        bound = secrets;
    }

    private SecretRegistry secrets() {
        SecretRegistry b = bound;
        return b != null ? b : own;
    }

    /** The HTTP client with a guard that refuses a redirect to another origin for the token request. */
    private OkHttpClient client() {
        synchronized (clientLock) {
            if (guarded == null) {
                if (http == null) {
                    http = new OkHttpClient(); // a provider used on its own, without a client of its own
                }
                guarded = http.newBuilder().addNetworkInterceptor(new FollowUpGuard(own, http.followRedirects(),
                        http.followSslRedirects())).build();
            }
            return guarded;
        }
    }

    @Override
    public AccessToken fetchToken() {
        OkHttpClient client = client();
        FormBody.Builder form = new FormBody.Builder()
                .add("grant_type", "client_credentials")
                .add("client_id", clientId)
                .add("client_secret", clientSecret);
        if (scope != null) {
            form.add("scope", scope);
        }
        Request request = new Request.Builder().url(tokenUrl).post(form.build())
                .header("Accept", "application/json")
                .tag(RawResponse.class, RawResponse.INSTANCE)
                .tag(RequestOptions.class, RequestOptions.builder().idempotent(true).build())
                .tag(FollowUpGuard.CarriesCredential.class, FollowUpGuard.CarriesCredential.OAUTH2_CLIENT_SECRET)
                .build();
        Instant requestedAt = clock.instant();
        try (Response response = FollowUpGuard.restore(client.newCall(request).execute())) {
            ResponseBody body = response.body();
            String text = body.string();
            if (!response.isSuccessful()) {
                throw tokenError(response, text);
            }
            return parse(text, requestedAt, response);
        } catch (IOException e) {
            throw new TransportException(secrets().scrub(own.redact("token request to " + Redactor.url(tokenUrl)
                    + " failed: " + e)), e, 1, e instanceof java.io.InterruptedIOException);
        }
    }

    private AccessToken parse(String text, Instant requestedAt, Response response) {
        JsonObject json;
        try {
            JsonElement element = JsonParser.parseString(text);
            json = element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            json = null;
        }
        JsonElement token = json == null ? null : json.get("access_token");
        if (token == null || !token.isJsonPrimitive() || token.getAsString().isBlank()) {
            throw new AuthenticationException(HttpErrorContext.builder(response.code(), "POST", tokenUrl)
                    .details(new ErrorDetails("invalid_token_response",
                            List.of("the token endpoint answered without an access_token"), List.of(), null))
                    .secrets(secrets())
                    .headers(response.headers())
                    .build());
        }
        String tokenType = json.has("token_type") && json.get("token_type").isJsonPrimitive()
                ? json.get("token_type").getAsString() : "Bearer";
        if (!tokenType.equalsIgnoreCase("bearer")) {
            throw new AuthenticationException(HttpErrorContext.builder(response.code(), "POST", tokenUrl)
                    .details(new ErrorDetails("unsupported_token_type",
                            List.of("unsupported token_type " + tokenType), List.of(), null))
                    .secrets(secrets())
                    .build());
        }
        Instant expiresAt = null;
        JsonElement expiresIn = json.get("expires_in");
        if (expiresIn != null && expiresIn.isJsonPrimitive()) {
            try {
                expiresAt = requestedAt.plusSeconds(Long.parseLong(expiresIn.getAsString().trim()));
            } catch (NumberFormatException ignored) {
                expiresAt = null; // an unreadable expiry: the token is used until the server rejects it
            }
        }
        return new AccessToken(token.getAsString(), expiresAt);
    }

    private SdkHttpException tokenError(Response response, String body) {
        String text = own.scrub(body);
        HttpErrorContext context = HttpErrorContext.builder(response.code(), "POST", tokenUrl)
                .details(ErrorBodyParser.json().parse(response.code(),
                        Objects.requireNonNullElse(response.header("Content-Type"), ""), text))
                .secrets(secrets())
                .rawBody(text)
                .headers(response.headers())
                .retryAfterFrom(response.headers(), clock)
                .build();
        int status = response.code();
        if (status == 400 || status == 401 || status == 403) {
            return new AuthenticationException(context);
        }
        return context.toException();
    }

    @Override
    public String toString() {
        return "OAuth2ClientCredentials{tokenUrl=" + Redactor.url(tokenUrl) + ", clientId=" + Redactor.text(clientId)
                + ", clientSecret=" + Redactor.REDACTED + ", scope=" + Redactor.field("scope", scope) + '}';
    }

    /** Builds an {@link OAuth2ClientCredentials}; token URL, client id and secret are required. */
    public static final class Builder {
        private HttpUrl tokenUrl;
        private String clientId;
        private String clientSecret;
        private String scope;
        private Clock clock = Clock.systemUTC();
        private OkHttpClient http;
        private boolean allowInsecureHttp;

        private Builder() {
        }

        public Builder tokenUrl(String tokenUrl) {
            ClientValidationException.requireNonBlank("tokenUrl", tokenUrl);
            HttpUrl parsed = HttpUrl.parse(tokenUrl);
            ClientValidationException.require(parsed != null, "tokenUrl", "is not an http(s) URL");
            this.tokenUrl = parsed;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = ClientValidationException.requireNonBlank("clientId", clientId);
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = ClientValidationException.requireNonBlank("clientSecret", clientSecret);
            return this;
        }

        /** The requested scope, e.g. {@code WebAPI}; omitted from the request when not set. */
        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        /** The clock that dates {@code expires_in}; for tests. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The HTTP client for token requests; by default the owning SDK client's, without credentials. */
        public Builder httpClient(OkHttpClient http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /**
         * Allows a plain {@code http://} token URL on a non-loopback host (the client secret then travels
         * unencrypted); the same switch as the SDK clients' {@code allowInsecureHttp}.
         */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        public OAuth2ClientCredentials build() {
            ClientValidationException.require(tokenUrl != null, "tokenUrl", "is required");
            ClientValidationException.require(clientId != null, "clientId", "is required");
            ClientValidationException.require(clientSecret != null, "clientSecret", "is required");
            TransportSecurity.requireSecure(tokenUrl, allowInsecureHttp, "tokenUrl");
            return new OAuth2ClientCredentials(this);
        }
    }
}
