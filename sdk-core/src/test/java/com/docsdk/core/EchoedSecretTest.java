package com.docsdk.core;

import com.docsdk.core.auth.AccessToken;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.auth.OAuth2ClientCredentials;
import com.docsdk.core.auth.TokenProvider;
import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.error.TransportException;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that echoes the caller's own secret (API key, static or refreshed bearer tokens, the OAuth2 client secret)
 * in an error never gets it into what the SDK surfaces: message, {@code toString()}, messages, field errors, error
 * code, raw body, header values, log lines. The pattern rules alone cannot catch a key that looks like any other word;
 * the client's secret registry knows the values.
 */
class EchoedSecretTest {
    @RegisterExtension
    static WireMockExtension wm = TestHttp.wireMock();

    private static final String API_KEY = "k3yAbc9f2e7d41b0";
    private static final String TOKEN_1 = "eyJhbGciOi.first-access-token.sig1";
    private static final String TOKEN_2 = "eyJhbGciOi.second-access-token.sig2";
    private static final String CLIENT_SECRET = "cl1ent/Secret+Value=";

    private static void assertScrubbed(SdkHttpException e, String... secrets) {
        SecretAssertions.assertScrubbed(e, secrets);
        assertTrue(e.messages().stream().allMatch(m -> m.contains(Redactor.REDACTED)), e.messages().toString());
    }

    private static String echoingBody(String secret) {
        return """
                {"code": "INVALID_KEY_%1$s",
                 "message": "the API key %1$s is not valid",
                 "errors": [{"field": "x-api-key[%1$s]", "code": "unknown_%1$s", "message": "no such key: %1$s"}],
                 "request_id": "req-%1$s",
                 "received": {"headers": {"x-api-key": "%1$s"}}}""".formatted(secret);
    }

    @Test
    void anApiKeyEchoedInA400IsScrubbedFromEveryTextOfTheException() {
        wm.stubFor(post("/v1/things").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(echoingBody(API_KEY))));
        try (Transport t = TestHttp.transport(wm.baseUrl(), Credentials.apiKey("x-api-key", API_KEY)).build()) {
            okhttp3.Request request = new okhttp3.Request.Builder().url(wm.url("/v1/things"))
                    .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json"))).build();
            BadRequestException e = assertThrows(BadRequestException.class,
                    () -> t.execute(request, RequestOptions.none(), ResponseReader.string()));
            assertScrubbed(e, API_KEY);
            assertEquals("x-api-key[REDACTED]", e.fieldErrors().get(0).field());
            assertEquals("INVALID_KEY_REDACTED", e.errorCode().orElseThrow());
        }
    }

    @Test
    void aStaticBearerTokenEchoedInA401BodyAndWwwAuthenticateIsScrubbed() {
        wm.stubFor(get("/v1/files").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + TOKEN_1
                        + " expired\"")
                .withBody("{\"message\": \"token " + TOKEN_1 + " expired\"}")));
        try (Transport t = TestHttp.transport(wm.baseUrl(), Credentials.bearerToken(TOKEN_1)).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> TestHttp.get(t, wm.url("/v1/files")));
            assertScrubbed(e, TOKEN_1);
            assertTrue(e.headers().get("www-authenticate").contains("invalid_token"), e.headers().toString());
        }
    }

    @Test
    void theCurrentAndThePreviousRefreshedTokenAreBothScrubbed() {
        AtomicInteger fetches = new AtomicInteger();
        TokenProvider provider = () -> new AccessToken(fetches.incrementAndGet() == 1 ? TOKEN_1 : TOKEN_2, null);
        // The first token is rejected; the replay with the second is rejected too, the body echoing both.
        wm.stubFor(get("/v1/files").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"token " + TOKEN_2 + " revoked (replaced " + TOKEN_1 + ")\"}")));
        try (Transport t = TestHttp.transport(wm.baseUrl(), Credentials.refreshingToken(provider)).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> TestHttp.get(t, wm.url("/v1/files")));
            assertEquals(2, fetches.get());
            assertScrubbed(e, TOKEN_1, TOKEN_2);
        }
    }

    @Test
    void theOauth2ClientSecretEchoedByTheApiIsScrubbed() {
        wm.stubFor(post("/connect/token").willReturn(okJson(
                "{\"access_token\":\"" + TOKEN_1 + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
        // Raw, JSON-escaped and form-encoded: the three ways a careless server repeats it.
        wm.stubFor(get("/v1/files").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"client cl1ent\\/Secret+Value= with token " + TOKEN_1
                        + " may not list files\", \"form\": \"client_id=c&secret_value=cl1ent%2FSecret%2BValue%3D\","
                        + " \"raw\": \"" + CLIENT_SECRET + "\"}")));
        OAuth2ClientCredentials oauth = OAuth2ClientCredentials.builder().tokenUrl(wm.url("/connect/token"))
                .clientId("client-1").clientSecret(CLIENT_SECRET).clock(TestHttp.FIXED_CLOCK).build();
        try (Transport t = TestHttp.transport(wm.baseUrl(), Credentials.refreshingToken(oauth)).build()) {
            BadRequestException e = assertThrows(BadRequestException.class,
                    () -> TestHttp.get(t, wm.url("/v1/files")));
            assertScrubbed(e, CLIENT_SECRET, "cl1ent\\/Secret+Value=", "cl1ent%2FSecret%2BValue%3D", TOKEN_1);
        }
    }

    @Test
    void aKeyInTheUrlPathIsScrubbedFromTheLogAndTheException() {
        wm.stubFor(get(urlPathMatching("/v1/keys/.*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"no such key\"}")));
        try (LogCapture log = new LogCapture();
                Transport t = TestHttp.transport(wm.baseUrl(), Credentials.apiKey("x-api-key", API_KEY)).build()) {
            NotFoundException e = assertThrows(NotFoundException.class,
                    () -> TestHttp.get(t, wm.url("/v1/keys/" + API_KEY + "/usage")));
            assertFalse(e.getMessage().contains(API_KEY), e.getMessage());
            assertFalse(e.url().contains(API_KEY), e.url());
            assertTrue(e.url().endsWith("/v1/keys/REDACTED/usage"), e.url());
            assertFalse(log.all().contains(API_KEY), log.all());
            assertTrue(log.all().contains("/v1/keys/REDACTED/usage"), log.all());
        }
    }

    @Test
    void aKeyInTheUrlOfAFailedConnectionIsScrubbedFromTheTransportException() {
        RawHttpServer gone = RawHttpServer.start(r -> RawHttpServer.Reply.reset());
        String base = gone.baseUrl();
        gone.close();
        try (Transport t = TestHttp.transport(base, Credentials.apiKey("x-api-key", API_KEY)).build()) {
            TransportException e = assertThrows(TransportException.class,
                    () -> TestHttp.get(t, base + "/v1/keys/" + API_KEY));
            assertFalse(e.getMessage().contains(API_KEY), e.getMessage());
            assertTrue(e.getMessage().contains("/v1/keys/REDACTED"), e.getMessage());
        }
    }

    @Test
    void aValueTooShortToBeASecretIsNotScrubbedFromOrdinaryText() {
        wm.stubFor(get("/v1/files").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"field 'files' is invalid\"}")));
        try (Transport t = TestHttp.transport(wm.baseUrl(), Credentials.apiKey("x-api-key", "files")).build()) {
            BadRequestException e = assertThrows(BadRequestException.class,
                    () -> TestHttp.get(t, wm.url("/v1/files")));
            assertEquals(List.of("field 'files' is invalid"), e.messages());
            assertTrue(e.url().endsWith("/v1/files"), e.url());
        }
    }
}
