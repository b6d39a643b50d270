package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.ClientValidationException;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Credentials reach the API's origin only: never another origin, never after a redirect off the API host. */
class HostScopedCredentialsTest {
    @RegisterExtension
    static WireMockExtension api = TestHttp.wireMock();
    @RegisterExtension
    static WireMockExtension other = TestHttp.wireMock();

    private static final String KEY = "key-123";
    private static final String ORG = "org-42";

    private static Credentials apiKeyAndOrg() {
        return Credentials.apiKey("x-api-key", KEY).withHeader("x-organization-id", ORG);
    }

    @Test
    void apiKeyAndExtraHeaderReachTheApiHost() {
        api.stubFor(get("/v1/files").willReturn(ok("[]")));
        try (Transport t = TestHttp.transport(api.baseUrl(), apiKeyAndOrg()).build()) {
            TestHttp.get(t, api.url("/v1/files"));
        }
        api.verify(1, getRequestedFor(urlEqualTo("/v1/files"))
                .withHeader("x-api-key", equalTo(KEY))
                .withHeader("x-organization-id", equalTo(ORG)));
    }

    @Test
    void aRequestToAnotherOriginCarriesNoCredentialHeader() {
        other.stubFor(get("/bucket/f.pdf").willReturn(ok("pdf")));
        try (Transport t = TestHttp.transport(api.baseUrl(), apiKeyAndOrg()).build()) {
            assertEquals("pdf", TestHttp.get(t, other.url("/bucket/f.pdf")).value());
        }
        assertNoCredentials(other.findAll(getRequestedFor(urlEqualTo("/bucket/f.pdf"))), "x-api-key",
                "x-organization-id");
    }

    @Test
    void aRedirectToAnotherOriginDropsTheApiKeyAndExtraHeader() {
        api.stubFor(get("/v1/export").willReturn(temporaryRedirect(other.url("/bucket/export.csv"))));
        other.stubFor(get("/bucket/export.csv").willReturn(ok("a,b")));
        try (Transport t = TestHttp.transport(api.baseUrl(), apiKeyAndOrg()).build()) {
            assertEquals("a,b", TestHttp.get(t, api.url("/v1/export")).value());
        }
        api.verify(1, getRequestedFor(urlEqualTo("/v1/export")).withHeader("x-api-key", equalTo(KEY)));
        assertNoCredentials(other.findAll(getRequestedFor(urlEqualTo("/bucket/export.csv"))), "x-api-key",
                "x-organization-id");
    }

    @Test
    void aRedirectToAnotherOriginDropsTheBearerToken() {
        api.stubFor(get("/v1/export").willReturn(aResponse().withStatus(302)
                .withHeader("Location", other.url("/bucket/export.csv"))));
        other.stubFor(get("/bucket/export.csv").willReturn(ok("a,b")));
        try (Transport t = TestHttp.transport(api.baseUrl(), Credentials.bearerToken("tok-1")).build()) {
            assertEquals("a,b", TestHttp.get(t, api.url("/v1/export")).value());
        }
        api.verify(1, getRequestedFor(urlEqualTo("/v1/export")).withHeader("Authorization",
                equalTo("Bearer tok-1")));
        assertNoCredentials(other.findAll(getRequestedFor(urlEqualTo("/bucket/export.csv"))), "Authorization");
    }

    @Test
    void aSameOriginRedirectKeepsTheCredentials() {
        api.stubFor(get("/v1/old").willReturn(aResponse().withStatus(302).withHeader("Location", "/v1/new")));
        api.stubFor(get("/v1/new").willReturn(ok("moved")));
        try (Transport t = TestHttp.transport(api.baseUrl(), apiKeyAndOrg()).build()) {
            assertEquals("moved", TestHttp.get(t, api.url("/v1/old")).value());
        }
        api.verify(1, getRequestedFor(urlEqualTo("/v1/new"))
                .withHeader("x-api-key", equalTo(KEY))
                .withHeader("x-organization-id", equalTo(ORG)));
    }

    @Test
    void aPerCallHeaderNamedLikeACredentialDoesNotLeakToAnotherOrigin() {
        other.stubFor(get("/bucket/f.pdf").willReturn(ok("pdf")));
        try (Transport t = TestHttp.transport(api.baseUrl(), apiKeyAndOrg()).build()) {
            TestHttp.get(t, other.url("/bucket/f.pdf"),
                    RequestOptions.builder().header("X-Api-Key", "smuggled").header("X-Trace", "t1").build());
        }
        other.verify(1, getRequestedFor(urlEqualTo("/bucket/f.pdf"))
                .withHeader("x-api-key", absent())
                .withHeader("X-Trace", equalTo("t1")));
    }

    @Test
    void plainHttpToARemoteHostIsRefusedAtBuildTime() {
        ClientValidationException e = assertThrows(ClientValidationException.class,
                () -> TestHttp.transport("http://api.example.com", apiKeyAndOrg()).build());
        assertEquals("baseUrl", e.field());
        assertTrue(e.getMessage().contains("allowInsecureHttp"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.7", "http://127.0.0.1.example.com", "http://localhost.example.com"})
    void plainHttpToHostsThatOnlyLookLikeLoopbackIsRefused(String baseUrl) {
        assertThrows(ClientValidationException.class,
                () -> TestHttp.transport(baseUrl, apiKeyAndOrg()).build());
    }

    @Test
    void plainHttpToARemoteHostIsAcceptedWhenExplicitlyAllowed() {
        try (Transport t = TestHttp.transport("http://api.example.com", apiKeyAndOrg()).allowInsecureHttp(true)
                .build()) {
            assertEquals("api.example.com", t.baseUrl().host());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:8080", "http://[::1]:8080",
        "https://api.example.com"})
    void plainHttpToLoopbackAndHttpsAnywhereAreAccepted(String baseUrl) {
        try (Transport t = TestHttp.transport(baseUrl, apiKeyAndOrg()).build()) {
            assertEquals(baseUrl + "/", t.baseUrl().toString());
        }
    }

    @Test
    void missingCredentialsAreRefusedAtBuildTime() {
        ClientValidationException e = assertThrows(ClientValidationException.class,
                () -> Transport.builder(SdkModule.CORE).baseUrl(api.baseUrl()).build());
        assertEquals("credentials", e.field());
        assertEquals(0, api.getAllServeEvents().size());
    }

    @Test
    void blankApiKeysAreRefused() {
        assertThrows(ClientValidationException.class, () -> Credentials.apiKey("x-api-key", " "));
        assertThrows(ClientValidationException.class, () -> Credentials.bearerToken(""));
        assertThrows(ClientValidationException.class,
                () -> Credentials.apiKey("x-api-key", KEY).withHeader("x-organization-id", null));
    }

    private static void assertNoCredentials(List<LoggedRequest> requests, String... headers) {
        assertEquals(1, requests.size(), "requests received");
        for (String h : headers) {
            assertFalse(requests.get(0).containsHeader(h), h + " leaked: " + requests.get(0).getHeaders());
        }
    }
}
