package com.docsdk.core;

import com.docsdk.core.auth.AccessToken;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.auth.OAuth2ClientCredentials;
import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.error.ClientValidationException;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What credentials print, which HTTP client fetches an OAuth2 token, and whose secrets a token error is scrubbed of. */
class CredentialsBehaviourTest {
    @RegisterExtension
    static WireMockExtension api = TestHttp.wireMock();
    @RegisterExtension
    static WireMockExtension other = TestHttp.wireMock();

    private static final String SECRET = "oauth-client-SECRET-9";

    private static OAuth2ClientCredentials.Builder oauth() {
        return OAuth2ClientCredentials.builder().tokenUrl(api.url("/connect/token")).clientId("client-1")
                .clientSecret(SECRET).scope("WebAPI").clock(TestHttp.FIXED_CLOCK);
    }

    @Test
    void toStringNamesTheKindAndTheHeaderAndHidesTheValues() {
        assertEquals("Credentials{apiKey, header=x-api-key, value=REDACTED, extraHeaders={}}",
                Credentials.apiKey("x-api-key", "key-123456").toString());
        assertEquals("Credentials{bearerToken, header=Authorization, value=REDACTED,"
                + " extraHeaders={x-organization-id=org-1}}",
                Credentials.bearerToken("tok-123456").withHeader("x-organization-id", "org-1").toString());
        assertEquals("Credentials{none, extraHeaders={x-partner=REDACTED}}",
                Credentials.none().withHeader("x-partner", "partner-123456").toString());
        assertTrue(Credentials.refreshingToken(() -> new AccessToken("t", null)).toString()
                .startsWith("Credentials{refreshingToken, provider="), "refreshing");
        assertEquals("OAuth2ClientCredentials{tokenUrl=" + api.url("/connect/token") + ", clientId=client-1,"
                + " clientSecret=REDACTED, scope=WebAPI}", oauth().build().toString());
    }

    @Test
    void anAccessTokenIsAValueThatNeverPrintsItself() {
        Instant exp = Instant.parse("2030-01-01T00:00:00Z");
        AccessToken a = new AccessToken("tok-123456", exp);
        assertEquals(a, new AccessToken("tok-123456", exp));
        assertEquals(a.hashCode(), new AccessToken("tok-123456", exp).hashCode());
        assertNotEquals(a, new AccessToken("tok-654321", exp));
        assertNotEquals(a, new AccessToken("tok-123456", null));
        assertNotEquals(a, "tok-123456");
        assertNotEquals(a.hashCode(), new AccessToken("tok-654321", exp).hashCode());
        assertEquals("AccessToken{value=REDACTED, expiresAt=2030-01-01T00:00:00Z}", a.toString());
        assertEquals(Optional.empty(), new AccessToken("t", null).expiresAt());
        assertThrows(ClientValidationException.class, () -> new AccessToken(" ", exp));
    }

    @Test
    void withoutAnHttpClientOfItsOwnTheTokenRequestGoesThroughTheTransport() {
        api.stubFor(post("/connect/token").willReturn(okJson("{\"access_token\":\"tok-abc\"}")));
        api.stubFor(get("/v1/me").willReturn(ok("me")));
        try (Transport t = TestHttp.transport(api.baseUrl(), Credentials.refreshingToken(oauth().build()))
                .applicationName("erp/1.0").build()) {
            TestHttp.get(t, api.url("/v1/me"));
        }
        api.verify(1, postRequestedFor(urlEqualTo("/connect/token"))
                .withHeader("User-Agent", matching("docsdk.* erp/1\\.0")));
    }

    @Test
    void anHttpClientGivenToTheProviderIsKept() {
        api.stubFor(post("/connect/token").willReturn(okJson("{\"access_token\":\"tok-abc\"}")));
        api.stubFor(get("/v1/me").willReturn(ok("me")));
        OkHttpClient own = new OkHttpClient.Builder().addInterceptor(chain -> chain.proceed(chain.request()
                .newBuilder().header("X-Own-Client", "yes").build())).build();
        try (Transport t = TestHttp.transport(api.baseUrl(), Credentials.refreshingToken(oauth().httpClient(own)
                .build())).build()) {
            TestHttp.get(t, api.url("/v1/me"));
        }
        api.verify(1, postRequestedFor(urlEqualTo("/connect/token")).withHeader("X-Own-Client", equalTo("yes")));
    }

    @Test
    void aStandaloneProviderScrubsItsSecretFromATokenError() {
        api.stubFor(post("/connect/token").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + SECRET + "\"}")));
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> oauth().httpClient(new OkHttpClient()).build().fetchToken());
        for (String text : SecretAssertions.texts(e)) {
            assertFalse(text.contains(SECRET), text);
        }
        assertTrue(e.rawBody().contains("bad secret REDACTED"), e.rawBody());
    }

    @Test
    void aBoundProviderScrubsTheClientsOtherSecretsFromATokenError() {
        api.stubFor(post("/connect/token").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_request\",\"error_description\":\"partner partner-SECRET-77 unknown\"}")));
        Credentials credentials = Credentials.refreshingToken(oauth().build()).withHeader("x-partner",
                "partner-SECRET-77");
        try (Transport t = TestHttp.transport(api.baseUrl(), credentials).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> TestHttp.get(t, api.url("/v1/me")));
            assertTrue(e.rawBody().contains("partner REDACTED unknown"), e.rawBody());
        }
    }

    @Test
    void aTokenTypeThatIsNotAStringDefaultsToBearer() {
        api.stubFor(post("/connect/token").willReturn(okJson(
                "{\"access_token\":\"tok-abc\",\"token_type\":{\"kind\":\"mac\"},\"expires_in\":\"soon\"}")));
        AccessToken token = oauth().httpClient(new OkHttpClient()).build().fetchToken();
        assertEquals("tok-abc", token.value());
        assertEquals(Optional.empty(), token.expiresAt(), "an unreadable expiry: used until rejected");
    }

    @Test
    void theBuilderNamesWhatIsMissing() {
        assertEquals("clientId", assertThrows(ClientValidationException.class, () -> OAuth2ClientCredentials
                .builder().tokenUrl(api.url("/t")).clientSecret(SECRET).build()).field());
        assertEquals("clientSecret", assertThrows(ClientValidationException.class, () -> OAuth2ClientCredentials
                .builder().tokenUrl(api.url("/t")).clientId("c").build()).field());
        assertEquals("tokenUrl", assertThrows(ClientValidationException.class, () -> OAuth2ClientCredentials
                .builder().clientId("c").clientSecret(SECRET).build()).field());
    }

    @Test
    void aTokenAlreadyCachedIsScrubbedByASecondClientSharingTheCredentials() {
        api.stubFor(get("/v1/me").willReturn(ok("me")));
        AtomicInteger fetches = new AtomicInteger();
        Credentials shared = Credentials.refreshingToken(() -> new AccessToken("tok-shared-" + fetches
                .incrementAndGet(), null));
        try (Transport first = TestHttp.transport(api.baseUrl(), shared).build()) {
            TestHttp.get(first, api.url("/v1/me"));
        }
        api.stubFor(get("/v1/echo").willReturn(aResponse().withStatus(400).withBody("token tok-shared-1 rejected")));
        try (Transport second = TestHttp.transport(api.baseUrl(), shared).build()) {
            BadRequestException e = assertThrows(BadRequestException.class,
                    () -> TestHttp.get(second, api.url("/v1/echo")));
            assertEquals("token REDACTED rejected", e.rawBody());
        }
        assertEquals(1, fetches.get());
    }

    @Test
    void noTokenIsFetchedForARequestToAnotherOrigin() {
        other.stubFor(get("/bucket/f.pdf").willReturn(ok("pdf")));
        AtomicInteger fetches = new AtomicInteger();
        try (Transport t = TestHttp.transport(api.baseUrl(), Credentials.refreshingToken(() -> new AccessToken(
                "tok-" + fetches.incrementAndGet(), null))).build()) {
            assertEquals("pdf", TestHttp.get(t, other.url("/bucket/f.pdf")).value());
        }
        assertEquals(0, fetches.get());
        other.verify(1, getRequestedFor(urlEqualTo("/bucket/f.pdf")));
    }

    @Test
    void aStandaloneProviderWithoutAClientMakesItsOwn() {
        api.stubFor(post("/connect/token").willReturn(okJson("{\"access_token\":\"tok-own\",\"expires_in\":60}")));
        OAuth2ClientCredentials provider = oauth().build();
        assertEquals("tok-own", provider.fetchToken().value());
        assertEquals("tok-own", provider.fetchToken().value(), "and reuses it");
        api.verify(2, postRequestedFor(urlEqualTo("/connect/token")).withHeader("User-Agent",
                matching("okhttp/.*")));
    }
}
