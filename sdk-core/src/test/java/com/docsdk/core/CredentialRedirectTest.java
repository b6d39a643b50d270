package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.auth.OAuth2ClientCredentials;
import com.docsdk.core.error.RedirectRefusedException;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request carrying a credential follows no redirect to another origin: the OAuth2 token request (its body holds the
 * client secret), a body or an unmanaged header holding one of the client's secrets. It fails with a
 * {@link RedirectRefusedException} naming both origins, and the other origin receives nothing. Same-origin redirects,
 * and cross-origin redirects of requests whose only credentials are the SDK's own (dropped per hop), keep working.
 */
class CredentialRedirectTest {
    @RegisterExtension
    static WireMockExtension api = TestHttp.wireMock();
    /** Another origin (port): a misconfigured or hostile token endpoint. */
    @RegisterExtension
    static WireMockExtension other = TestHttp.wireMock();

    private static final String SECRET = "client-S3cr3t+value";
    private static final String API_KEY = "api-key-0123456789";
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http = new OkHttpClient();

    @AfterEach
    void tearDown() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static String tokenJson(String token) {
        return "{\"access_token\":\"" + token + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}";
    }

    private static OAuth2ClientCredentials.Builder oauth() {
        return OAuth2ClientCredentials.builder().tokenUrl(api.url("/connect/token")).clientId("client-1")
                .clientSecret(SECRET).scope("WebAPI").clock(TestHttp.FIXED_CLOCK);
    }

    private static String origin(WireMockExtension wm) {
        URI u = URI.create(wm.baseUrl());
        return u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
    }

    private static void assertNamesBothOriginsWithoutTheSecret(RedirectRefusedException e) {
        assertEquals(origin(api), e.fromOrigin());
        assertEquals(origin(other), e.toOrigin());
        assertTrue(e.getMessage().contains(origin(api)) && e.getMessage().contains(origin(other)), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.getMessage().contains(API_KEY), e.getMessage());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {307, 308, 302})
    void theTokenRequestBehindATransportIsNotRedirectedToAnotherOriginAndNoTokenFromThereIsUsed(int status) {
        api.stubFor(post("/connect/token").willReturn(aResponse().withStatus(status)
                .withHeader("Location", other.url("/connect/token"))));
        other.stubFor(post("/connect/token").willReturn(okJson(tokenJson("stolen-token-123"))));
        other.stubFor(get("/connect/token").willReturn(okJson(tokenJson("stolen-token-123"))));
        api.stubFor(get("/v1/documents").willReturn(ok("[]")));

        try (Transport t = TestHttp.transport(api.baseUrl(), Credentials.refreshingToken(oauth().build())).build()) {
            RedirectRefusedException e = assertThrows(RedirectRefusedException.class,
                    () -> TestHttp.get(t, api.url("/v1/documents")));
            assertNamesBothOriginsWithoutTheSecret(e);
            assertEquals(status, e.statusCode());
            assertTrue(e.getMessage().contains("OAuth2 client secret"), e.getMessage());
        }
        other.verify(0, anyRequestedFor(anyUrl()));
        api.verify(0, getRequestedFor(urlEqualTo("/v1/documents")));
    }

    @Test
    void theTokenRequestOnItsOwnHttpClientIsNotRedirectedToAnotherOriginEither() {
        api.stubFor(post("/connect/token").willReturn(aResponse().withStatus(307)
                .withHeader("Location", other.url("/connect/token"))));
        other.stubFor(post("/connect/token").willReturn(okJson(tokenJson("stolen-token-123"))));

        OAuth2ClientCredentials provider = oauth().httpClient(http).build();
        RedirectRefusedException e = assertThrows(RedirectRefusedException.class, provider::fetchToken);

        assertNamesBothOriginsWithoutTheSecret(e);
        other.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aSameOriginRedirectOfTheTokenRequestIsFollowedWithItsBody() {
        api.stubFor(post("/connect/token").willReturn(aResponse().withStatus(307)
                .withHeader("Location", api.url("/v2/connect/token"))));
        api.stubFor(post("/v2/connect/token").willReturn(okJson(tokenJson("good-token-456"))));
        api.stubFor(get("/v1/documents").willReturn(ok("[]")));

        try (Transport t = TestHttp.transport(api.baseUrl(), Credentials.refreshingToken(oauth().build())).build()) {
            assertEquals("[]", TestHttp.get(t, api.url("/v1/documents")).value());
        }
        api.verify(1, postRequestedFor(urlEqualTo("/v2/connect/token"))
                .withFormParam("client_secret", equalTo(SECRET)));
        api.verify(1, getRequestedFor(urlEqualTo("/v1/documents"))
                .withHeader("Authorization", equalTo("Bearer good-token-456")));
    }

    @Test
    void aPostWhoseBodyHoldsTheApiKeyIsNotRedirectedToAnotherOrigin() {
        api.stubFor(post("/v1/integrations").willReturn(aResponse().withStatus(307)
                .withHeader("Location", other.url("/v1/integrations"))));
        other.stubFor(post("/v1/integrations").willReturn(ok("{}")));
        try (Transport t = TestHttp.transport(api.baseUrl(), Credentials.apiKey("x-api-key", API_KEY)).build()) {
            Request request = new Request.Builder().url(api.url("/v1/integrations"))
                    .post(RequestBody.create("{\"callbackKey\":\"" + API_KEY + "\"}", JSON)).build();
            RedirectRefusedException e = assertThrows(RedirectRefusedException.class,
                    () -> t.execute(request, RequestOptions.none(), ResponseReader.string()));
            assertNamesBothOriginsWithoutTheSecret(e);
            assertTrue(e.getMessage().contains("body"), e.getMessage());
        }
        other.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRequestWithTheKeyInAHeaderTheSdkDoesNotManageIsNotRedirectedToAnotherOrigin() {
        api.stubFor(get("/v1/export").willReturn(aResponse().withStatus(302)
                .withHeader("Location", other.url("/bucket/export.csv"))));
        other.stubFor(get("/bucket/export.csv").willReturn(ok("csv")));
        try (Transport t = TestHttp.transport(api.baseUrl(), Credentials.apiKey("x-api-key", API_KEY)).build()) {
            RequestOptions options = RequestOptions.builder().header("X-Legacy-Key", API_KEY).build();
            RedirectRefusedException e = assertThrows(RedirectRefusedException.class,
                    () -> TestHttp.get(t, api.url("/v1/export"), options));
            assertNamesBothOriginsWithoutTheSecret(e);
        }
        other.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRequestWhoseOnlyCredentialsAreTheSdksFollowsACrossOriginRedirectWithoutThem() {
        api.stubFor(get("/v1/export").willReturn(aResponse().withStatus(302)
                .withHeader("Location", other.url("/bucket/export.csv?X-Amz-Signature=abc"))));
        other.stubFor(get(urlEqualTo("/bucket/export.csv?X-Amz-Signature=abc")).willReturn(ok("csv")));
        try (Transport t = TestHttp.transport(api.baseUrl(), Credentials.apiKey("x-api-key", API_KEY)).build()) {
            assertEquals("csv", TestHttp.get(t, api.url("/v1/export")).value());
        }
        other.verify(1, getRequestedFor(urlEqualTo("/bucket/export.csv?X-Amz-Signature=abc"))
                .withHeader("x-api-key", absent()));
    }
}
