package com.docsdk.core;

import com.docsdk.core.auth.AccessToken;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.auth.OAuth2ClientCredentials;
import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.ClientValidationException;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OAuth2 client-credentials grant against a token endpoint, alone and behind a transport. */
class OAuth2ClientCredentialsTest {
    @RegisterExtension
    static WireMockExtension wm = TestHttp.wireMock();

    private static final String TOKEN_PATH = "/connect/token";
    private static final String SECRET = "S3cr3t+XYZ/=";
    private static final String ENCODED_SECRET = "S3cr3t%2BXYZ%2F%3D";

    private final OkHttpClient http = new OkHttpClient();

    private OAuth2ClientCredentials oauth() {
        return OAuth2ClientCredentials.builder().tokenUrl(wm.url(TOKEN_PATH)).clientId("client-1")
                .clientSecret(SECRET).scope("WebAPI").clock(TestHttp.FIXED_CLOCK).build();
    }

    private static String tokenJson(String token) {
        return "{\"access_token\":\"" + token + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}";
    }

    @Test
    void postsTheClientCredentialsGrantAsAFormAndParsesTheToken() {
        wm.stubFor(post(TOKEN_PATH).willReturn(okJson(tokenJson("tok-abc"))));
        OAuth2ClientCredentials provider = OAuth2ClientCredentials.builder().tokenUrl(wm.url(TOKEN_PATH))
                .clientId("client-1").clientSecret(SECRET).scope("WebAPI").clock(TestHttp.FIXED_CLOCK)
                .httpClient(http).build();

        AccessToken token = provider.fetchToken();

        assertEquals("tok-abc", token.value());
        assertEquals(Optional.of(TestHttp.NOW.plusSeconds(3600)), token.expiresAt());
        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("client_id", equalTo("client-1"))
                .withFormParam("client_secret", equalTo(SECRET))
                .withFormParam("scope", equalTo("WebAPI")));
    }

    @Test
    void acceptsALowerCaseTokenTypeAndAStringExpiryAndOmitsAnUnsetScope() {
        wm.stubFor(post(TOKEN_PATH).willReturn(okJson(
                "{\"access_token\":\"tok\",\"expires_in\":\"120\",\"token_type\":\"bearer\"}")));
        AccessToken token = OAuth2ClientCredentials.builder().tokenUrl(wm.url(TOKEN_PATH)).clientId("c")
                .clientSecret(SECRET).clock(TestHttp.FIXED_CLOCK).httpClient(http).build().fetchToken();
        assertEquals(Optional.of(TestHttp.NOW.plusSeconds(120)), token.expiresAt());
        wm.verify(postRequestedFor(urlEqualTo(TOKEN_PATH)).withFormParam("scope", absent()));
    }

    @Test
    void aTokenWithoutExpiresInHasNoExpiry() {
        wm.stubFor(post(TOKEN_PATH).willReturn(okJson("{\"access_token\":\"tok\"}")));
        assertEquals(Optional.empty(), OAuth2ClientCredentials.builder().tokenUrl(wm.url(TOKEN_PATH))
                .clientId("c").clientSecret(SECRET).httpClient(http).build().fetchToken().expiresAt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"token_type\":\"Bearer\"}", "{\"access_token\":\"t\",\"token_type\":\"mac\"}",
        "<html>oops</html>"})
    void anUnusableTokenResponseIsAnAuthenticationException(String body) {
        wm.stubFor(post(TOKEN_PATH).willReturn(ok(body)));
        OAuth2ClientCredentials provider = OAuth2ClientCredentials.builder().tokenUrl(wm.url(TOKEN_PATH))
                .clientId("c").clientSecret(SECRET).httpClient(http).build();
        AuthenticationException e = assertThrows(AuthenticationException.class, provider::fetchToken);
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void throughATransportTheTokenRequestIsAnonymousAndTheApiRequestCarriesTheToken() {
        wm.stubFor(post(TOKEN_PATH).willReturn(okJson(tokenJson("tok-xyz"))));
        wm.stubFor(get("/api/v1/documents").willReturn(ok("[]")));
        Credentials credentials = Credentials.refreshingToken(oauth(), Credentials.DEFAULT_REFRESH_SKEW,
                TestHttp.FIXED_CLOCK).withHeader("x-partner", "p-1");
        try (Transport t = TestHttp.transport(wm.baseUrl(), credentials).build()) {
            TestHttp.get(t, wm.url("/api/v1/documents"));
            TestHttp.get(t, wm.url("/api/v1/documents"));
        }
        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Authorization", absent())
                .withHeader("x-partner", absent()));
        wm.verify(2, getRequestedFor(urlEqualTo("/api/v1/documents"))
                .withHeader("Authorization", equalTo("Bearer tok-xyz"))
                .withHeader("x-partner", equalTo("p-1")));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401})
    void aRejectedClientIsAnAuthenticationExceptionThatNeverShowsTheSecret(int status) {
        // A careless token endpoint that echoes what it was sent, raw and form-encoded.
        wm.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"unknown client secret " + SECRET
                        + "\",\"request\":\"grant_type=client_credentials&client_id=client-1&client_secret="
                        + ENCODED_SECRET + "\",\"client_secret\":\"" + SECRET + "\"}")));
        wm.stubFor(get("/api/v1/documents").willReturn(ok("[]")));
        Credentials credentials = Credentials.refreshingToken(oauth());
        try (Transport t = TestHttp.transport(wm.baseUrl(), credentials).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> TestHttp.get(t, wm.url("/api/v1/documents")));
            assertEquals(status, e.statusCode());
            assertEquals(Optional.of("invalid_client"), e.errorCode());
            assertEquals("POST", e.method());
            for (String text : new String[] {e.getMessage(), e.toString(), e.rawBody(), e.messages().toString()}) {
                assertFalse(text.contains(SECRET), text);
                assertFalse(text.contains(ENCODED_SECRET), text);
            }
        }
        wm.verify(0, getRequestedFor(urlEqualTo("/api/v1/documents")));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        OAuth2ClientCredentials provider = oauth();
        Credentials credentials = Credentials.refreshingToken(provider);
        for (Object o : new Object[] {provider, credentials}) {
            assertFalse(o.toString().contains(SECRET), o.toString());
            assertTrue(o.toString().contains("client-1"), o.toString());
        }
    }

    @Test
    void theBuilderRequiresTheSecretAndAnHttpsTokenUrl() {
        assertThrows(ClientValidationException.class, () -> OAuth2ClientCredentials.builder()
                .tokenUrl(wm.url(TOKEN_PATH)).clientId("c").build());
        assertThrows(ClientValidationException.class, () -> OAuth2ClientCredentials.builder()
                .tokenUrl("http://idp.example.com/token").clientId("c").clientSecret(SECRET).build());
        assertThrows(ClientValidationException.class, () -> OAuth2ClientCredentials.builder()
                .tokenUrl("not a url"));
    }

    @Test
    void aTokenIsValidForTheIssuedLifetimeFromTheRequestTime() {
        wm.stubFor(post(TOKEN_PATH).willReturn(okJson(tokenJson("t"))));
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        AccessToken token = OAuth2ClientCredentials.builder().tokenUrl(wm.url(TOKEN_PATH)).clientId("c")
                .clientSecret(SECRET).clock(clock).httpClient(http).build().fetchToken();
        assertEquals(Optional.of(Instant.parse("2030-01-01T01:00:00Z")), token.expiresAt());
    }

    @Test
    void aPlainHttpTokenUrlOnAnotherHostNeedsAnExplicitOptIn() {
        ClientValidationException e = assertThrows(ClientValidationException.class, () -> OAuth2ClientCredentials
                .builder().tokenUrl("http://tokens.example.com/connect/token").clientId("c").clientSecret(SECRET)
                .build());
        assertTrue(e.getMessage().contains("tokenUrl"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        OAuth2ClientCredentials allowed = OAuth2ClientCredentials.builder()
                .tokenUrl("http://tokens.example.com/connect/token").clientId("c").clientSecret(SECRET)
                .allowInsecureHttp(true).build();
        assertTrue(allowed.toString().contains("client"), allowed.toString());
    }
}
