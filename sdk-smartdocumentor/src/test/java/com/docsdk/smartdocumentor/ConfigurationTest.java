package com.docsdk.smartdocumentor;

import com.docsdk.core.RequestOptions;

import static com.docsdk.smartdocumentor.Fixtures.STATUS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.TASK_STATUS_EXAMPLE;
import static com.docsdk.smartdocumentor.Fixtures.TOKEN_EXAMPLE;
import static com.docsdk.smartdocumentor.Fixtures.TOKEN_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Builder and environment configuration: which credentials and base URL a client ends up with. */
class ConfigurationTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @BeforeEach
    void stubs() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(TOKEN_EXAMPLE)));
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(TASK_STATUS_EXAMPLE)));
    }

    @AfterEach
    void checkContract() {
        Fixtures.contract().assertRequestsMatch(wm);
    }

    @Test
    void clientCredentialsFromTheEnvironmentWithItsBaseUrl() {
        Map<String, String> env = Map.of("SMARTDOCUMENTOR_CLIENT_ID", "env-id",
                "SMARTDOCUMENTOR_CLIENT_SECRET", "env-secret", "SMARTDOCUMENTOR_BASE_URL", wm.baseUrl() + "/");

        try (SmartDocumentorClient client = SmartDocumentorClient.builder().fromEnv(env).build()) {
            client.tasks().get(Fixtures.byId(49), RequestOptions.none());
        }

        wm.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withFormParam("client_id", equalTo("env-id"))
                .withFormParam("client_secret", equalTo("env-secret")));
        wm.verify(getRequestedFor(urlPathEqualTo(STATUS_PATH))
                .withHeader("Authorization", equalTo("Bearer your access token")));
    }

    @Test
    void aTokenFromTheEnvironment() {
        Map<String, String> env = Map.of("SMARTDOCUMENTOR_TOKEN", "env-token",
                "SMARTDOCUMENTOR_BASE_URL", wm.baseUrl());

        try (SmartDocumentorClient client = SmartDocumentorClient.builder().fromEnv(env).build()) {
            client.tasks().get(Fixtures.byId(49), RequestOptions.none());
        }

        wm.verify(0, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wm.verify(getRequestedFor(urlPathEqualTo(STATUS_PATH)).withHeader("Authorization", equalTo("Bearer env-token")));
    }

    @Test
    void clientCredentialsWinOverATokenInTheEnvironment() {
        Map<String, String> env = Map.of("SMARTDOCUMENTOR_TOKEN", "env-token", "SMARTDOCUMENTOR_CLIENT_ID", "id",
                "SMARTDOCUMENTOR_CLIENT_SECRET", "secret", "SMARTDOCUMENTOR_BASE_URL", wm.baseUrl());

        try (SmartDocumentorClient client = SmartDocumentorClient.builder().fromEnv(env).build()) {
            client.tasks().get(Fixtures.byId(49), RequestOptions.none());
        }

        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void explicitSettingsWinOverTheEnvironment() {
        Map<String, String> env = Map.of("SMARTDOCUMENTOR_TOKEN", "env-token",
                "SMARTDOCUMENTOR_BASE_URL", "https://elsewhere.example.com");

        try (SmartDocumentorClient client = SmartDocumentorClient.builder().fromEnv(env)
                .baseUrl(wm.baseUrl()).credentials(Credentials.bearerToken("explicit")).build()) {
            client.tasks().get(Fixtures.byId(49), RequestOptions.none());
        }

        wm.verify(getRequestedFor(urlPathEqualTo(STATUS_PATH)).withHeader("Authorization", equalTo("Bearer explicit")));
    }

    @Test
    void missingVariablesAreNamed() {
        assertEquals("SMARTDOCUMENTOR_CLIENT_ID", fromEnv(Map.of()).field());
        assertEquals("SMARTDOCUMENTOR_CLIENT_ID", fromEnv(Map.of("SMARTDOCUMENTOR_TOKEN", " ")).field());
        assertEquals("SMARTDOCUMENTOR_CLIENT_SECRET", fromEnv(Map.of("SMARTDOCUMENTOR_CLIENT_ID", "id")).field());
        assertEquals("SMARTDOCUMENTOR_CLIENT_ID", fromEnv(Map.of("SMARTDOCUMENTOR_CLIENT_SECRET", "s")).field());
        assertEquals("SMARTDOCUMENTOR_BASE_URL",
                fromEnv(Map.of("SMARTDOCUMENTOR_TOKEN", "t", "SMARTDOCUMENTOR_BASE_URL", "not a url")).field());
        ClientValidationException e = fromEnv(Map.of());
        assertTrue(e.getMessage().contains("SMARTDOCUMENTOR_TOKEN"), e.getMessage());
        Fixtures.assertNoRequests(wm);
    }

    @Test
    void defaultsToTheProductionHostForTheApiAndTheTokenUrl() {
        try (SmartDocumentorClient client = SmartDocumentorClient.builder().clientCredentials("id", "secret")
                .build()) {
            String text = client.toString();
            assertTrue(text.contains("baseUrl=https://cloud.smartdocumentor.net/"), text);
            assertTrue(text.contains("tokenUrl=https://cloud.smartdocumentor.net/connect/token"), text);
            assertTrue(text.contains("scope=WebAPI"), text);
            assertFalse(text.contains("secret,") || text.contains("=secret"), text);
        }
        Fixtures.assertNoRequests(wm);
    }

    @Test
    void sharesTheCallersOkHttpClientAndLeavesItRunning() {
        AtomicInteger seen = new AtomicInteger();
        OkHttpClient shared = new OkHttpClient.Builder()
                .addInterceptor(chain -> {
                    seen.incrementAndGet();
                    return chain.proceed(chain.request());
                })
                .build();

        try (SmartDocumentorClient client = Fixtures.builder(wm).okHttpClient(shared).accessToken("t")
                .applicationName("acme-erp/4.2").build()) {
            client.tasks().get(Fixtures.byId(49), RequestOptions.none());
        }

        assertEquals(1, seen.get());
        assertFalse(shared.dispatcher().executorService().isShutdown());
        wm.verify(getRequestedFor(urlPathEqualTo(STATUS_PATH))
                .withHeader("User-Agent", matching("docsdk-smartdocumentor/\\S+ docsdk-core/.* acme-erp/4\\.2")));
    }

    @Test
    void aClosedClientRefusesCalls() {
        SmartDocumentorClient client = Fixtures.client(wm);
        client.close();
        client.close();

        assertThrows(IllegalStateException.class, () -> client.tasks().get(Fixtures.byId(49), RequestOptions.none()));
        Fixtures.assertNoRequests(wm);
    }

    private static ClientValidationException fromEnv(Map<String, String> env) {
        return assertThrows(ClientValidationException.class,
                () -> SmartDocumentorClient.builder().fromEnv(env).build());
    }

    @Test
    void oauthOverPlainHttpToAnotherHostFollowsAllowInsecureHttp() {
        assertThrows(ClientValidationException.class, () -> SmartDocumentorClient.builder()
                .baseUrl("http://smartdocumentor.internal.example").clientCredentials("id", "secret").build());
        try (SmartDocumentorClient client = SmartDocumentorClient.builder()
                .baseUrl("http://smartdocumentor.internal.example").clientCredentials("id", "secret")
                .allowInsecureHttp(true).build()) {
            assertTrue(client.toString().contains("smartdocumentor.internal.example"), client.toString());
        }
    }
}
