package com.docsdk.fileai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.SecretAssertions;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** fileAI echoing the caller's API key in a 400 or 401 never gets it into the exception. */
class EchoedSecretTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String API_KEY = "fai_live_7f3a9c2e1b4d";

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401})
    void anEchoedApiKeyIsRedactedFromEveryTextOfTheException(int status) {
        // The documented NestJS shape (message, error, statusCode) plus a field list, each repeating the key.
        wm.stubFor(any(urlPathMatching("/prod/v1/.*")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"message": "Invalid API key %1$s", "error": "Unauthorized", "statusCode": %2$d,
                         "errors": [{"field": "x-api-key", "message": "key %1$s is revoked"}]}"""
                        .formatted(API_KEY, status))));
        try (FileAiClient client = FileAiClient.builder().apiKey(API_KEY).baseUrl(wm.baseUrl())
                .retryPolicy(RetryPolicy.none()).build()) {
            SdkHttpException e = assertThrows(SdkHttpException.class, () -> client.uploadProgress("u-1"));

            assertEquals(status, e.statusCode());
            assertFalse(e.fieldErrors().isEmpty(), "the field list is read");
            SecretAssertions.assertScrubbed(e, API_KEY);
        }
    }
}
