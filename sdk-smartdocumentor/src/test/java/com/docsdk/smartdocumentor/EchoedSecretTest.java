package com.docsdk.smartdocumentor;

import com.docsdk.core.RequestOptions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.SecretAssertions;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SmartDocumentor (or its token endpoint) echoing the OAuth2 client secret or the access token in a 400 or 401 never
 * gets it into the exception.
 */
class EchoedSecretTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String CLIENT_ID = "org-client-id";
    private static final String SECRET = "sd-S3cr3t/Value+9f2e=";
    private static final String FORM_SECRET = "sd-S3cr3t%2FValue%2B9f2e%3D";
    private static final String ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.sd-access.token";

    private static SmartDocumentorClient client() {
        return Fixtures.builder(wm).clientCredentials(CLIENT_ID, SECRET).build();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401})
    void theClientSecretEchoedByTheTokenEndpointIsRedacted(int status) {
        // An OAuth2 error (error, error_description) from an endpoint that repeats the form it was sent.
        wm.stubFor(post(urlPathEqualTo(Fixtures.TOKEN_PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"error": "invalid_client",
                         "error_description": "client %1$s with secret %2$s is unknown",
                         "errors": {"client_secret": ["%2$s does not match"]},
                         "request": "grant_type=client_credentials&client_id=%1$s&client_secret=%3$s"}"""
                        .formatted(CLIENT_ID, SECRET, FORM_SECRET))));
        try (SmartDocumentorClient client = client()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> client.tasks().get(Fixtures.byId(49), RequestOptions.none()));

            assertEquals(status, e.statusCode());
            assertFalse(e.fieldErrors().isEmpty(), "errors{} is read");
            SecretAssertions.assertScrubbed(e, SECRET, FORM_SECRET);
        }
    }

    @Test
    void theAccessTokenAndTheClientSecretEchoedByTheApiAreRedacted() {
        wm.stubFor(post(urlPathEqualTo(Fixtures.TOKEN_PATH)).willReturn(okJson(
                "{\"access_token\": \"" + ACCESS_TOKEN + "\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}")));
        // ASP.NET's validation problem shape, repeating the token it was sent and the client's secret.
        wm.stubFor(get(urlPathEqualTo(Fixtures.STATUS_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                         "title": "Token %1$s is not valid for this workspace.", "status": 400,
                         "errors": {"Authorization": ["Bearer %1$s was issued to a client with secret %2$s"]}}"""
                        .formatted(ACCESS_TOKEN, SECRET))));
        try (SmartDocumentorClient client = client()) {
            SdkHttpException e = assertThrows(SdkHttpException.class, () -> client.tasks().get(Fixtures.byId(49), RequestOptions.none()));

            assertEquals(400, e.statusCode());
            assertFalse(e.fieldErrors().isEmpty(), "errors{} is read");
            SecretAssertions.assertScrubbed(e, ACCESS_TOKEN, SECRET);
        }
    }

    @Test
    void theAccessTokenEchoedInA401IsRedacted() {
        wm.stubFor(post(urlPathEqualTo(Fixtures.TOKEN_PATH)).willReturn(okJson(
                "{\"access_token\": \"" + ACCESS_TOKEN + "\", \"expires_in\": 3600, \"token_type\": \"Bearer\"}")));
        wm.stubFor(get(urlPathEqualTo(Fixtures.STATUS_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + ACCESS_TOKEN
                        + " expired\"")
                .withBody("{\"message\": \"token " + ACCESS_TOKEN + " expired\"}")));
        try (SmartDocumentorClient client = client()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> client.tasks().get(Fixtures.byId(49), RequestOptions.none()));

            SecretAssertions.assertScrubbed(e, ACCESS_TOKEN);
        }
    }
}
