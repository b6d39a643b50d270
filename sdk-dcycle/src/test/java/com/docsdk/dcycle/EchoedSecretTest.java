package com.docsdk.dcycle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.SecretAssertions;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Dcycle echoing the caller's API key in a 400 or 401 never gets it into the exception. */
class EchoedSecretTest {
    @RegisterExtension
    static WireMockExtension api = DcycleTesting.wireMock();

    private static final String API_KEY = "dcy_4b8e1f0a9c7d2e6f";

    private DcycleClient client() {
        return DcycleTesting.client(api).apiKey(API_KEY).build();
    }

    @Test
    void anApiKeyEchoedInA401DetailIsRedacted() {
        api.stubFor(any(urlPathMatching("/v1/.*")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"detail\": \"Invalid API key " + API_KEY + "\"}")));
        try (DcycleClient dcycle = client()) {
            SdkHttpException e = assertThrows(SdkHttpException.class, () -> dcycle.files().get(DcycleTesting.FILE_ID));

            assertEquals(401, e.statusCode());
            SecretAssertions.assertScrubbed(e, API_KEY);
        }
    }

    @Test
    void anApiKeyEchoedInA400ValidationListIsRedacted() {
        // FastAPI's validation shape: detail[] of {loc, msg, type}, here repeating the header it rejected.
        api.stubFor(any(urlPathMatching("/v1/.*")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"detail": [{"loc": ["header", "x-api-key"], "msg": "unknown key %1$s",
                                     "type": "value_error", "input": "%1$s"}]}""".formatted(API_KEY))));
        try (DcycleClient dcycle = client()) {
            SdkHttpException e = assertThrows(SdkHttpException.class, () -> dcycle.files().get(DcycleTesting.FILE_ID));

            assertEquals(400, e.statusCode());
            assertFalse(e.fieldErrors().isEmpty(), "the validation list is read");
            SecretAssertions.assertScrubbed(e, API_KEY);
        }
    }
}
