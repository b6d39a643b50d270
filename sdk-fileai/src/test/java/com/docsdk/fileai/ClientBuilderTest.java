package com.docsdk.fileai;

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
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Configuration: explicit credentials or the environment, base-URL overrides, shared transport options. */
class ClientBuilderTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @AfterEach
    void noStrayRequests() {
        wm.getAllServeEvents().forEach(e -> assertTrue(e.getRequest().getUrl().startsWith("/prod/v1/files"),
                e.getRequest().getUrl()));
    }

    @Test
    void theEnvironmentGivesKeyAndBaseUrl() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson(Examples.LIST_FILES)));
        try (FileAiClient client = FileAiClient.builder()
                .fromEnv(Map.of("FILEAI_API_KEY", "env-key", "FILEAI_BASE_URL", wm.baseUrl() + "/prod/v1/"))
                .build()) {
            assertEquals(1, client.files().list().stream().count());
            assertEquals(wm.baseUrl() + "/", client.baseUrl());
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/prod/v1/files")).withHeader("x-api-key", equalTo("env-key"))
                .withHeader("User-Agent", matching("docsdk-fileai/\\S+ docsdk-core/.*")));
    }

    @Test
    void explicitSettingsWinOverTheEnvironment() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson(Examples.LIST_FILES)));
        try (FileAiClient client = FileAiClient.builder().apiKey("explicit").baseUrl(wm.baseUrl())
                .fromEnv(Map.of("FILEAI_API_KEY", "env-key", "FILEAI_BASE_URL", "https://eu.example.com"))
                .build()) {
            client.files().listPage(com.docsdk.fileai.service.FilesService.ListParams.builder().page(1).build(), com.docsdk.core.RequestOptions.none());
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/prod/v1/files")).withHeader("x-api-key", equalTo("explicit")));
    }

    @Test
    void aMissingApiKeyVariableIsNamed() {
        ClientValidationException e = assertThrows(ClientValidationException.class,
                () -> FileAiClient.builder().fromEnv(Map.of("FILEAI_BASE_URL", wm.baseUrl())).build());
        assertEquals("FILEAI_API_KEY", e.field());
        assertEquals("FILEAI_API_KEY", assertThrows(ClientValidationException.class,
                () -> FileAiClient.builder().fromEnv(Map.of("FILEAI_API_KEY", " ")).build()).field());
    }

    @Test
    void credentialsAreRequired() {
        ClientValidationException e = assertThrows(ClientValidationException.class,
                () -> FileAiClient.builder().baseUrl(wm.baseUrl()).build());
        assertEquals("credentials", e.field());
        assertTrue(e.getMessage().contains("FILEAI_API_KEY"));
        assertEquals("apiKey", assertThrows(ClientValidationException.class,
                () -> FileAiClient.builder().apiKey(" ")).field());
        assertEquals("baseUrl", assertThrows(ClientValidationException.class,
                () -> FileAiClient.builder().baseUrl("")).field());
        assertEquals("baseUrl", assertThrows(ClientValidationException.class,
                () -> FileAiClient.builder().apiKey("k").baseUrl("http://api.example.com").build()).field(),
                "plain http to a remote host is refused");
    }

    @Test
    void theDefaultIsTheProductionHost() {
        try (FileAiClient client = FileAiClient.builder().credentials(Credentials.apiKey("x-api-key", "k"))
                .build()) {
            assertEquals("https://api.orion.file.ai/", client.baseUrl());
        }
    }

    @Test
    void toStringNeverShowsTheKeyAndCloseIsIdempotent() {
        OkHttpClient shared = new OkHttpClient();
        FileAiClient client = FileAiClient.builder().apiKey("super-secret-key").baseUrl(wm.baseUrl())
                .okHttpClient(shared).connectTimeout(Duration.ofSeconds(3)).applicationName("erp-sync/1.0").build();
        assertFalse(client.toString().contains("super-secret-key"), client.toString());
        client.close();
        client.close();
        assertFalse(shared.dispatcher().executorService().isShutdown(), "a shared OkHttpClient keeps running");
        assertThrows(IllegalStateException.class, () -> client.files().listPage(com.docsdk.fileai.service.FilesService.ListParams.builder().page(1).build(), com.docsdk.core.RequestOptions.none()));
    }
}
