package com.docsdk.core;

import com.docsdk.core.auth.AccessToken;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.auth.OAuth2ClientCredentials;
import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.ServerException;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Refreshing-token and OAuth2 credentials stay on the API's origin like static ones; plain http is unlocked by a
 * loopback IP literal or the name localhost only, never by what a name resolves to; OAuth2 token answers are judged
 * strictly.
 */
class CredentialScopeTest {
    @RegisterExtension
    static WireMockExtension api = TestHttp.wireMock();
    @RegisterExtension
    static WireMockExtension other = TestHttp.wireMock();

    private static final String SECRET = "client-SECRET-42";

    private static OAuth2ClientCredentials oauth() {
        return OAuth2ClientCredentials.builder().tokenUrl(api.url("/connect/token")).clientId("client-1")
                .clientSecret(SECRET).clock(TestHttp.FIXED_CLOCK).build();
    }

    /** A refreshing token from a provider, and one from the OAuth2 grant; each with an extra header. */
    static Stream<Arguments> tokenCredentials() {
        return Stream.of(Arguments.of(Credentials.refreshingToken(() -> new AccessToken("tok-refreshing", null))
                        .withHeader("x-partner", "partner-7"), "tok-refreshing"),
                Arguments.of(Credentials.refreshingToken(oauth(), Credentials.DEFAULT_REFRESH_SKEW,
                        TestHttp.FIXED_CLOCK).withHeader("x-partner", "partner-7"), "tok-oauth"));
    }

    @ParameterizedTest
    @MethodSource("tokenCredentials")
    void tokenCredentialsNeverReachAnotherOriginNotEvenAsAPerCallHeader(Credentials credentials, String token) {
        api.stubFor(post("/connect/token").willReturn(okJson("{\"access_token\":\"tok-oauth\",\"expires_in\":3600}")));
        api.stubFor(get("/v1/me").willReturn(ok("me")));
        other.stubFor(get("/bucket/f.pdf").willReturn(ok("pdf")));
        try (Transport t = TestHttp.transport(api.baseUrl(), credentials).build()) {
            TestHttp.get(t, api.url("/v1/me"));
            TestHttp.get(t, other.url("/bucket/f.pdf"), RequestOptions.builder()
                    .header("Authorization", "Bearer smuggled").header("X-Partner", "smuggled").build());
        }
        api.verify(1, getRequestedFor(urlEqualTo("/v1/me")).withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("x-partner", equalTo("partner-7")));
        other.verify(1, getRequestedFor(urlEqualTo("/bucket/f.pdf")).withHeader("Authorization", absent())
                .withHeader("x-partner", absent()));
    }

    @ParameterizedTest
    @MethodSource("tokenCredentials")
    void tokenCredentialsAreDroppedOnARedirectToAnotherOrigin(Credentials credentials, String token) {
        api.stubFor(post("/connect/token").willReturn(okJson("{\"access_token\":\"tok-oauth\",\"expires_in\":3600}")));
        api.stubFor(get("/v1/export").willReturn(aResponse().withStatus(302)
                .withHeader("Location", other.url("/bucket/export.csv"))));
        other.stubFor(get("/bucket/export.csv").willReturn(ok("a,b")));
        try (Transport t = TestHttp.transport(api.baseUrl(), credentials).build()) {
            assertEquals("a,b", TestHttp.get(t, api.url("/v1/export")).value());
        }
        api.verify(1, getRequestedFor(urlEqualTo("/v1/export")).withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("x-partner", equalTo("partner-7")));
        other.verify(1, getRequestedFor(urlEqualTo("/bucket/export.csv")).withHeader("Authorization", absent())
                .withHeader("x-partner", absent()));
    }

    /** Names this machine resolves to a loopback address (from /etc/hosts, say): none of them unlocks http. */
    static List<String> namesResolvingToLoopback() {
        List<String> names = new ArrayList<>(List.of("vm", "runsc", "ip6-localhost", "ip6-loopback",
                "localhost.localdomain"));
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            // no host name: the fixed candidates remain
        }
        List<String> resolving = names.stream().filter(CredentialScopeTest::resolvesToLoopback).distinct().toList();
        // The fixed names are refused whether or not they resolve here; where they do, a lookup would let them in.
        return Stream.concat(resolving.stream(), Stream.of("vm", "runsc", "ip6-localhost")).distinct().toList();
    }

    private static boolean resolvesToLoopback(String name) {
        try {
            return !name.contains(".localhost") && !name.equalsIgnoreCase("localhost")
                    && InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @ParameterizedTest
    @MethodSource("namesResolvingToLoopback")
    void aNameThatResolvesToLoopbackDoesNotUnlockPlainHttp(String name) {
        ClientValidationException e = assertThrows(ClientValidationException.class,
                () -> TestHttp.transport("http://" + name + ":8080", Credentials.apiKey("x-api-key", "k")).build());
        assertEquals("baseUrl", e.field());
        assertThrows(ClientValidationException.class, () -> OAuth2ClientCredentials.builder()
                .tokenUrl("http://" + name + "/connect/token").clientId("c").clientSecret(SECRET).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"999.0.0.1", "127.0.0.256", "127.000.000.001", "0127.0.0.1", "1.127.0.0", "10.0.0.1",
        "[::2]", "[fe80::1]", "[::ffff:10.0.0.1]", "2130706433", "0x7f.0.0.1", "127.1", "localhost.", "lo"})
    void anAddressThatIsNotAPlainLoopbackLiteralIsRefused(String host) {
        assertThrows(ClientValidationException.class,
                () -> TestHttp.transport("http://" + host + ":8080", Credentials.none()).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "127.0.1.1", "[::1]", "[0:0:0:0:0:0:0:1]",
        "[::ffff:127.0.0.1]", "localhost", "LOCALHOST", "api.localhost"})
    void aLoopbackLiteralOrLocalhostAllowsPlainHttp(String host) {
        try (Transport t = TestHttp.transport("http://" + host + ":8080", Credentials.none()).build()) {
            assertEquals(8080, t.baseUrl().port());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"access_token\":\"   \",\"token_type\":\"Bearer\"}", "{\"access_token\":\"\"}",
        "{\"access_token\":{\"value\":\"t\"}}", "[\"access_token\"]"})
    void aBlankOrMalformedAccessTokenIsAnAuthenticationError(String body) {
        api.stubFor(post("/connect/token").willReturn(okJson(body)));
        api.stubFor(get("/v1/me").willReturn(ok("me")));
        try (Transport t = TestHttp.transport(api.baseUrl(), Credentials.refreshingToken(oauth())).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> TestHttp.get(t, api.url("/v1/me")));
            assertEquals(200, e.statusCode());
            assertEquals(Optional.of("invalid_token_response"), e.errorCode());
            assertTrue(e.url().endsWith("/connect/token"), e.url());
        }
        api.verify(0, getRequestedFor(urlEqualTo("/v1/me")));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403})
    void aRejectedClientIsAnAuthenticationErrorWithTheVendorCode(int status) {
        api.stubFor(post("/connect/token").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"unknown client\"}")));
        api.stubFor(get("/v1/me").willReturn(ok("me")));
        try (Transport t = TestHttp.transport(api.baseUrl(), Credentials.refreshingToken(oauth())).build()) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> TestHttp.get(t, api.url("/v1/me")));
            assertEquals(AuthenticationException.class, e.getClass());
            assertEquals(status, e.statusCode());
            assertEquals(Optional.of("invalid_client"), e.errorCode());
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        }
        api.verify(1, postRequestedFor(urlEqualTo("/connect/token")));
        api.verify(0, getRequestedFor(urlEqualTo("/v1/me")));
    }

    @Test
    void aTokenEndpointFailingWithA5xxIsAServerErrorNotAnAuthenticationError() {
        api.stubFor(post("/connect/token").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"down\"}")));
        try (Transport t = TestHttp.transport(api.baseUrl(), Credentials.refreshingToken(oauth())).build()) {
            ServerException e = assertThrows(ServerException.class, () -> TestHttp.get(t, api.url("/v1/me")));
            assertEquals(500, e.statusCode());
        }
    }
}
