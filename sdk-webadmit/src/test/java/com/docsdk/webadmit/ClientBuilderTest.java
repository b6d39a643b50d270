package com.docsdk.webadmit;

import static com.docsdk.webadmit.WebAdmitExamples.API_KEY;
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
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Configuration: explicit credentials or the environment, base URL override, shared transport options. */
class ClientBuilderTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void readsTheApiKeyAndBaseUrlFromTheEnvironment() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities")).willReturn(okJson(WebAdmitExamples.USER_IDENTITIES)));

        try (WebAdmitClient client = WebAdmitClient.builder()
                .fromEnv(Map.of("WEBADMIT_API_KEY", API_KEY, "WEBADMIT_BASE_URL", wm.baseUrl())).build()) {
            assertEquals(42L, client.userIdentities().list().get(0).getId());
        }

        wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/user_identities")).withHeader("x-api-key", equalTo(API_KEY))
                .withHeader("User-Agent", matching("docsdk-webadmit/.*")));
    }

    @Test
    void aMissingApiKeyVariableIsNamed() {
        ClientValidationException e = assertThrows(ClientValidationException.class,
                () -> WebAdmitClient.builder().fromEnv(Map.of("WEBADMIT_BASE_URL", wm.baseUrl())).build());

        assertEquals("WEBADMIT_API_KEY", e.field());
        ClientValidationException blank = assertThrows(ClientValidationException.class,
                () -> WebAdmitClient.builder().fromEnv(Map.of("WEBADMIT_API_KEY", "  ")).build());
        assertEquals("WEBADMIT_API_KEY", blank.field());
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void withoutABaseUrlTheProductionHostIsUsed() {
        try (WebAdmitClient client = WebAdmitClient.builder().fromEnv(Map.of("WEBADMIT_API_KEY", API_KEY)).build()) {
            assertEquals("https://api.webadmit.org/", client.baseUrl());
        }
    }

    @Test
    void explicitSettingsWinOverTheEnvironment() {
        Map<String, String> env = Map.of("WEBADMIT_API_KEY", "from-env", "WEBADMIT_BASE_URL", "https://qa.webadmit.org");
        try (WebAdmitClient client = WebAdmitClient.builder().baseUrl("https://demo.webadmit.org").apiKey(API_KEY)
                .fromEnv(env).build()) {
            assertEquals("https://demo.webadmit.org/", client.baseUrl());
        }
    }

    @Test
    void credentialsAreRequiredAndNeverPrinted() {
        assertThrows(ClientValidationException.class, () -> WebAdmitClient.builder().build());
        assertEquals("apiKey", assertThrows(ClientValidationException.class,
                () -> WebAdmitClient.builder().apiKey(" ")).field());
        assertEquals("baseUrl", assertThrows(ClientValidationException.class,
                () -> WebAdmitClient.builder().apiKey(API_KEY).baseUrl("http://api.webadmit.org").build()).field());

        try (WebAdmitClient client = WebAdmitClient.builder().credentials(Credentials.apiKey("x-api-key", API_KEY))
                .build()) {
            assertFalse(client.toString().contains(API_KEY), client.toString());
            assertTrue(client.toString().contains("x-api-key"), client.toString());
        }
    }

    @Test
    void sharesACallersOkHttpClientAndLeavesItRunning() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/exports")).willReturn(okJson(WebAdmitExamples.EXPORTS)));
        OkHttpClient shared = new OkHttpClient();

        try (WebAdmitClient client = WebAdmitClient.builder().apiKey(API_KEY).baseUrl(wm.baseUrl())
                .okHttpClient(shared).applicationName("acme-admissions/1.0").build()) {
            assertEquals(1, client.exports().list().size());
        }

        assertFalse(shared.dispatcher().executorService().isShutdown());
        wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/exports"))
                .withHeader("User-Agent", matching(".*acme-admissions/1.0.*")));
        shared.dispatcher().executorService().shutdown();
    }

    @Test
    void aClosedClientRefusesCalls() {
        WebAdmitClient client = WebAdmitClient.builder().apiKey(API_KEY).baseUrl(wm.baseUrl()).build();
        client.close();
        client.close();

        assertThrows(IllegalStateException.class, () -> client.exports().list());
        assertEquals(0, wm.getAllServeEvents().size());
    }
}
