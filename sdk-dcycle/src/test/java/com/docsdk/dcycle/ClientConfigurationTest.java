package com.docsdk.dcycle;

import static com.docsdk.dcycle.DcycleTesting.FILE_ID;
import static com.docsdk.dcycle.DcycleTesting.ORG_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.retry.RetryPolicy;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Builder, environment variables, both authentication schemes, and what the client shows of itself. */
class ClientConfigurationTest {
    private static final String SECRET = "dcy_live_s3cr3t";

    @RegisterExtension
    static WireMockExtension api = DcycleTesting.wireMock();

    @BeforeEach
    void stub() {
        api.stubFor(get(urlPathEqualTo("/v1/files/" + FILE_ID)).willReturn(okJson("{\"id\": \"%s\"}"
                .formatted(FILE_ID))));
    }

    @AfterEach
    void contract() {
        DcycleTesting.CONTRACT.assertRequestsMatch(api);
    }

    private Map<String, String> env() {
        return Map.of("DCYCLE_API_KEY", SECRET, "DCYCLE_ORGANIZATION_ID", ORG_ID, "DCYCLE_BASE_URL", api.baseUrl());
    }

    @Test
    void fromEnvReadsKeyOrganizationAndBaseUrl() {
        try (DcycleClient dcycle = DcycleClient.builder().fromEnv(env()).build()) {
            assertEquals(FILE_ID, dcycle.files().get(FILE_ID).getId());
        }
        api.verify(getRequestedFor(urlPathEqualTo("/v1/files/" + FILE_ID))
                .withHeader("x-api-key", equalTo(SECRET))
                .withHeader("x-organization-id", equalTo(ORG_ID))
                .withHeader("Authorization", absent())
                .withHeader("x-partner", absent())
                .withHeader("User-Agent", matching("docsdk-dcycle/.*")));
    }

    @Test
    void valuesSetOnTheBuilderWinOverTheEnvironment() {
        try (DcycleClient dcycle = DcycleClient.builder().fromEnv(Map.of("DCYCLE_API_KEY", "env-key",
                "DCYCLE_ORGANIZATION_ID", "env-org", "DCYCLE_BASE_URL", "https://api.dcycle.io"))
                .apiKey("builder-key").organizationId(ORG_ID).baseUrl(api.baseUrl()).build()) {
            dcycle.files().get(FILE_ID);
        }
        api.verify(getRequestedFor(urlPathEqualTo("/v1/files/" + FILE_ID))
                .withHeader("x-api-key", equalTo("builder-key")).withHeader("x-organization-id", equalTo(ORG_ID)));
    }

    @Test
    void theLegacyBearerSchemeSendsAuthorizationOrganizationAndPartner() {
        try (DcycleClient dcycle = DcycleClient.builder().fromEnv(env())
                .authScheme(DcycleAuthScheme.LEGACY_BEARER).partner("dcycle").build()) {
            dcycle.files().get(FILE_ID);
        }
        api.verify(getRequestedFor(urlPathEqualTo("/v1/files/" + FILE_ID))
                .withHeader("Authorization", equalTo("Bearer " + SECRET))
                .withHeader("x-organization-id", equalTo(ORG_ID))
                .withHeader("x-partner", equalTo("dcycle"))
                .withHeader("x-api-key", absent()));
    }

    @Test
    void aJwtIsSentAsABearerTokenWithoutPartner() {
        try (DcycleClient dcycle = DcycleClient.builder().bearerToken("eyJ.jwt.sig").organizationId(ORG_ID)
                .baseUrl(api.baseUrl()).build()) {
            dcycle.files().get(FILE_ID);
        }
        api.verify(getRequestedFor(urlPathEqualTo("/v1/files/" + FILE_ID))
                .withHeader("Authorization", equalTo("Bearer eyJ.jwt.sig"))
                .withHeader("x-organization-id", equalTo(ORG_ID))
                .withHeader("x-partner", absent()));
    }

    @Test
    void customCredentialsGetTheOrganizationHeader() {
        try (DcycleClient dcycle = DcycleClient.builder().credentials(Credentials.bearerToken("provided"))
                .organizationId(ORG_ID).baseUrl(api.baseUrl()).build()) {
            dcycle.files().get(FILE_ID);
        }
        api.verify(getRequestedFor(urlPathEqualTo("/v1/files/" + FILE_ID))
                .withHeader("Authorization", equalTo("Bearer provided"))
                .withHeader("x-organization-id", equalTo(ORG_ID)));
    }

    @Test
    void sharedTransportOptionsApply() {
        OkHttpClient shared = new OkHttpClient();
        try (DcycleClient dcycle = DcycleClient.builder().apiKey(SECRET).organizationId(ORG_ID)
                .baseUrl(api.baseUrl()).okHttpClient(shared).readTimeout(Duration.ofSeconds(5))
                .retryPolicy(RetryPolicy.none()).applicationName("acme-erp/4.2").build()) {
            dcycle.files().get(FILE_ID);
        }
        assertFalse(shared.dispatcher().executorService().isShutdown(), "a shared client is left running");
        api.verify(getRequestedFor(urlPathEqualTo("/v1/files/" + FILE_ID))
                .withHeader("User-Agent", matching("docsdk-dcycle/.* acme-erp/4\\.2")));
    }

    @Test
    void toStringNeverShowsTheKey() {
        try (DcycleClient dcycle = DcycleClient.builder().fromEnv(env()).build()) {
            String text = dcycle.toString();
            assertFalse(text.contains(SECRET), text);
            assertTrue(text.startsWith("DcycleClient{"), text);
        }
    }

    @Test
    void theDefaultBaseUrlIsProduction() {
        try (DcycleClient dcycle = DcycleClient.builder().apiKey(SECRET).organizationId(ORG_ID).build()) {
            assertTrue(dcycle.toString().contains("https://api.dcycle.io"), dcycle.toString());
        }
    }

    @Test
    void missingVariablesAreNamed() {
        ClientValidationException key = assertThrows(ClientValidationException.class,
                () -> DcycleClient.builder().fromEnv(Map.of("DCYCLE_ORGANIZATION_ID", ORG_ID)).build());
        assertEquals("DCYCLE_API_KEY", key.field());

        ClientValidationException org = assertThrows(ClientValidationException.class,
                () -> DcycleClient.builder().fromEnv(Map.of("DCYCLE_API_KEY", SECRET, "DCYCLE_ORGANIZATION_ID", " "))
                        .build());
        assertEquals("DCYCLE_ORGANIZATION_ID", org.field());
        assertFalse(org.getMessage().contains(SECRET));
        assertEquals(0, api.getAllServeEvents().size());
    }

    @Test
    void missingOrConflictingSettingsAreRejected() {
        assertEquals("apiKey", assertThrows(ClientValidationException.class,
                () -> DcycleClient.builder().organizationId(ORG_ID).build()).field());
        assertEquals("organizationId", assertThrows(ClientValidationException.class,
                () -> DcycleClient.builder().apiKey(SECRET).build()).field());
        assertEquals("bearerToken", assertThrows(ClientValidationException.class,
                () -> DcycleClient.builder().apiKey(SECRET).bearerToken("t").organizationId(ORG_ID).build()).field());
        assertEquals("credentials", assertThrows(ClientValidationException.class,
                () -> DcycleClient.builder().apiKey(SECRET).credentials(Credentials.bearerToken("t"))
                        .organizationId(ORG_ID).build()).field());
        assertEquals("partner", assertThrows(ClientValidationException.class,
                () -> DcycleClient.builder().apiKey(SECRET).partner("dcycle").organizationId(ORG_ID).build()).field());
        assertEquals("baseUrl", assertThrows(ClientValidationException.class,
                () -> DcycleClient.builder().apiKey(SECRET).organizationId(ORG_ID).baseUrl("http://api.example.com")
                        .build()).field());
        assertEquals("apiKey", assertThrows(ClientValidationException.class,
                () -> DcycleClient.builder().apiKey(" ")).field());
        assertEquals(0, api.getAllServeEvents().size());
    }

    @Test
    void aClosedClientRefusesCalls() {
        DcycleClient dcycle = DcycleClient.builder().fromEnv(env()).build();
        dcycle.close();
        dcycle.close();
        assertThrows(IllegalStateException.class, () -> dcycle.files().get(FILE_ID));
    }
}
