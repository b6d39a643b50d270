package com.docsdk.smartdocumentor;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.auth.OAuth2ClientCredentials;
import java.time.Clock;

/**
 * Turns what the builder was given (explicit credentials, client id and secret, a token, or environment variables)
 * into {@link Credentials}. The OAuth2 token URL follows the resolved base URL, so a simulator or regional host gets
 * the token requests too.
 */
final class CredentialsResolver {
    private static final String ENV_CLIENT_ID = SmartDocumentorClient.ENV_CLIENT_ID;
    private static final String ENV_CLIENT_SECRET = SmartDocumentorClient.ENV_CLIENT_SECRET;
    private static final String ENV_TOKEN = SmartDocumentorClient.ENV_TOKEN;

    static final String TOKEN_PATH = "/connect/token";
    static final String SCOPE = "WebAPI";

    private CredentialsResolver() {
    }

    /** OAuth2 client credentials against {@code baseUrl + /connect/token}, scope {@code WebAPI}, cached. */
    static Credentials clientCredentials(String baseUrl, String clientId, String clientSecret, Clock clock,
            boolean allowInsecureHttp) {
        OAuth2ClientCredentials provider = OAuth2ClientCredentials.builder()
                .allowInsecureHttp(allowInsecureHttp)
                .tokenUrl(baseUrl + TOKEN_PATH)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .scope(SCOPE)
                .clock(clock)
                .build();
        return Credentials.refreshingToken(provider, Credentials.DEFAULT_REFRESH_SKEW, clock);
    }

    /**
     * Credentials from the values of {@code SMARTDOCUMENTOR_CLIENT_ID} + {@code SMARTDOCUMENTOR_CLIENT_SECRET}
     * (preferred: tokens refresh themselves) or {@code SMARTDOCUMENTOR_TOKEN}; each null when unset.
     */
    static Credentials fromEnvironment(String id, String secret, String token, String baseUrl, Clock clock,
            boolean allowInsecureHttp) {
        if (id != null || secret != null) {
            ClientValidationException.require(id != null, ENV_CLIENT_ID,
                    "is not set, but " + ENV_CLIENT_SECRET + " is: both are needed");
            ClientValidationException.require(secret != null, ENV_CLIENT_SECRET,
                    "is not set, but " + ENV_CLIENT_ID + " is: both are needed");
            return clientCredentials(baseUrl, id, secret, clock, allowInsecureHttp);
        }
        if (token != null) {
            return Credentials.bearerToken(token);
        }
        throw new ClientValidationException(ENV_CLIENT_ID, "is not set: set " + ENV_CLIENT_ID + " and "
                + ENV_CLIENT_SECRET + " (OAuth2 client credentials), or " + ENV_TOKEN + " (a bearer token)");
    }
}
