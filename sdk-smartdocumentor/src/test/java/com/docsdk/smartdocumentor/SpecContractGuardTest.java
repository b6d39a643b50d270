package com.docsdk.smartdocumentor;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The independent OpenAPI check used after every contract test does fail on an off-spec request: here the docs'
 * code-sample path without {@code /external/}, which the spec (following the docs' heading) does not have, and a
 * PATCH body over the documented 32 characters.
 */
class SpecContractGuardTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final MediaType JSON = MediaType.get("application/json");

    @Test
    void theSamplePathWithoutExternalIsOffSpec() throws IOException {
        send("/api/v1.0/sdtask/externalIntegrationStatus?taskId=1234", "{\"externalIntegrationStatus\": \"x\"}");

        AssertionError e = assertThrows(AssertionError.class, () -> Fixtures.contract().assertRequestsMatch(wm));
        assertTrue(e.getMessage().contains("/api/v1.0/sdtask/externalIntegrationStatus"), e.getMessage());
    }

    @Test
    void aValueOverThirtyTwoCharactersIsOffSpec() throws IOException {
        send("/api/v1.0/external/sdtask/externalIntegrationStatus?taskId=1234",
                "{\"externalIntegrationStatus\": \"" + "x".repeat(33) + "\"}");

        assertThrows(AssertionError.class, () -> Fixtures.contract().assertRequestsMatch(wm));
    }

    private static void send(String pathAndQuery, String body) throws IOException {
        wm.stubFor(any(anyUrl()).willReturn(ok()));
        Request request = new Request.Builder().url(wm.baseUrl() + pathAndQuery)
                .header("Authorization", "Bearer t")
                .patch(RequestBody.create(body, JSON)).build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            assertTrue(response.isSuccessful());
        }
    }
}
