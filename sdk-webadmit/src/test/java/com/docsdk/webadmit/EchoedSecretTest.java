package com.docsdk.webadmit;

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

/** WebAdMIT echoing the caller's API key in a 400 or 401 never gets it into the exception. */
class EchoedSecretTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401})
    void anEchoedApiKeyIsRedactedFromEveryTextOfTheException(int status) {
        // WebAdMIT's {"message": ...} shape, plus a field list, each repeating the key.
        wm.stubFor(any(urlPathMatching("/api/v1/.*")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"message": "API key '%1$s' may not start exports",
                         "errors": [{"field": "x-api-key", "message": "'%1$s' lacks the API Access permission"}]}"""
                        .formatted(WebAdmitExamples.API_KEY))));
        try (WebAdmitClient client = WebAdmitClient.builder().apiKey(WebAdmitExamples.API_KEY).baseUrl(wm.baseUrl())
                .retryPolicy(RetryPolicy.none()).build()) {
            SdkHttpException e = assertThrows(SdkHttpException.class, () -> client.exportFiles().start(42L, 29897L));

            assertEquals(status, e.statusCode());
            assertFalse(e.fieldErrors().isEmpty(), "the field list is read");
            SecretAssertions.assertScrubbed(e, WebAdmitExamples.API_KEY);
        }
    }
}
