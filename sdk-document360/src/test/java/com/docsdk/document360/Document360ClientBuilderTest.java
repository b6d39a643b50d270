package com.docsdk.document360;

import static com.docsdk.document360.VendorExamples.PROJECT;
import static com.docsdk.document360.VendorExamples.PROJECT_ID;
import static com.docsdk.document360.VendorExamples.PROJECT_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.auth.Credentials;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Credentials, environment variables, regions and base URLs; no secret in {@code toString()}. */
class Document360ClientBuilderTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @AfterEach
    void checkContract() {
        OpenApiContract.assertRequestsMatchSpec(wm.getRuntimeInfo().getWireMock(), "document360");
    }

    @Test
    void fromEnvUsesTheTokenAndTheBaseUrlVariable() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson(PROJECT)));
        try (Document360Client client = Document360Client.builder().fromEnv(Map.of(
                "DOCUMENT360_TOKEN", "env-token", "DOCUMENT360_BASE_URL", wm.baseUrl())).build()) {
            client.projects().get(PROJECT_ID);
        }
        wm.verify(getRequestedFor(urlPathEqualTo(PROJECT_PATH)).withHeader("Authorization", equalTo("Bearer env-token"))
                .withHeader("X-API-Key", absent())
                .withHeader("User-Agent", matching("docsdk-document360/\\S+ docsdk-core/.*")));
    }

    @Test
    void fromEnvUsesTheApiKey() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson(PROJECT)));
        try (Document360Client client = Document360Client.builder().fromEnv(Map.of(
                "DOCUMENT360_API_KEY", "d360_sk_env", "DOCUMENT360_TOKEN", "  ", "DOCUMENT360_BASE_URL",
                wm.baseUrl())).build()) {
            client.projects().get(PROJECT_ID);
        }
        wm.verify(getRequestedFor(urlPathEqualTo(PROJECT_PATH)).withHeader("X-API-Key", equalTo("d360_sk_env"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void explicitSettingsWinOverTheEnvironment() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson(PROJECT)));
        try (Document360Client client = Document360Client.builder()
                .fromEnv(Map.of("DOCUMENT360_TOKEN", "env-token", "DOCUMENT360_BASE_URL", "https://example.invalid"))
                .bearerToken("explicit").baseUrl(wm.baseUrl()).build()) {
            client.projects().get(PROJECT_ID);
        }
        wm.verify(getRequestedFor(urlPathEqualTo(PROJECT_PATH))
                .withHeader("Authorization", equalTo("Bearer explicit")));
    }

    @Test
    void missingVariablesAreNamed() {
        ClientValidationException e = assertThrows(ClientValidationException.class,
                () -> Document360Client.builder().fromEnv(Map.of("DOCUMENT360_BASE_URL", wm.baseUrl())).build());
        assertTrue(e.field().contains("DOCUMENT360_TOKEN") && e.field().contains("DOCUMENT360_API_KEY"), e.field());
        assertTrue(e.getMessage().contains("DOCUMENT360_API_KEY"), e.getMessage());
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void credentialsAreRequired() {
        ClientValidationException e = assertThrows(ClientValidationException.class,
                () -> Document360Client.builder().baseUrl(wm.baseUrl()).build());
        assertEquals("credentials", e.field());
    }

    @Test
    void explicitCredentialsDoNotMixWithTheShortcuts() {
        ClientValidationException e = assertThrows(ClientValidationException.class,
                () -> Document360Client.builder().credentials(Credentials.bearerToken("a")).apiKey("b").build());
        assertEquals("credentials", e.field());
    }

    @Test
    void blankShortcutsAreRejected() {
        assertEquals("bearerToken", assertThrows(ClientValidationException.class,
                () -> Document360Client.builder().bearerToken(" ")).field());
        assertEquals("apiKey", assertThrows(ClientValidationException.class,
                () -> Document360Client.builder().apiKey(null)).field());
        assertEquals("region", assertThrows(ClientValidationException.class,
                () -> Document360Client.builder().region(null)).field());
        assertEquals("environment", assertThrows(ClientValidationException.class,
                () -> Document360Client.builder().fromEnv(null)).field());
    }

    @Test
    void plainHttpIsRefusedOffLoopback() {
        ClientValidationException e = assertThrows(ClientValidationException.class,
                () -> Document360Client.builder().bearerToken("t").baseUrl("http://apihub.document360.io").build());
        assertEquals("baseUrl", e.field());
    }

    @Test
    void regionsSelectTheirHostAndTheDefaultIsEu() {
        assertEquals("https://apihub.document360.io", Document360Region.EU.baseUrl());
        try (Document360Client eu = Document360Client.builder().bearerToken("t").build();
                Document360Client us = Document360Client.builder().bearerToken("t").region(Document360Region.US)
                        .build();
                Document360Client ca = Document360Client.builder().apiKey("k").region(Document360Region.CA).build();
                Document360Client custom = Document360Client.builder().apiKey("k").region(Document360Region.CA)
                        .baseUrl("https://apihub.acme.document360.io").build()) {
            assertTrue(eu.toString().contains("https://apihub.document360.io/"), eu.toString());
            assertTrue(us.toString().contains("https://apihub.us.document360.io/"), us.toString());
            assertTrue(ca.toString().contains("https://apihub.ca.document360.io/"), ca.toString());
            assertTrue(custom.toString().contains("https://apihub.acme.document360.io/"), custom.toString());
        }
    }

    @Test
    void toStringNeverShowsASecret() {
        try (Document360Client client = Document360Client.builder().bearerToken("secret-token-123")
                .apiKey("d360_sk_secret456").baseUrl(wm.baseUrl()).build()) {
            String s = client.toString();
            assertFalse(s.contains("secret-token-123") || s.contains("d360_sk_secret456"), s);
            assertTrue(s.startsWith("Document360Client{"), s);
        }
    }

    @Test
    void aClosedClientRefusesCalls() {
        Document360Client client = Document360Client.builder().bearerToken("t").baseUrl(wm.baseUrl()).build();
        client.close();
        client.close();
        assertThrows(IllegalStateException.class, () -> client.projects().get(PROJECT_ID));
        assertEquals(0, wm.getAllServeEvents().size());
    }
}
