package com.docsdk.document360;

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

/** Document360 echoing the caller's bearer token or API key in a 400 or 401 never gets it into the exception. */
class EchoedSecretTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TOKEN = "d360_pat_9c1e7a4f2b8d";
    private static final String API_KEY = "d360_sk_3f6a0c9e5d1b";

    /** The documented problem+json shape, each part repeating what it was sent. */
    private static String problem(int status) {
        return """
                {"type": "https://developer.document360.com/errors/unauthorized", "title": "Token %1$s rejected.",
                 "status": %3$d, "detail": "The token %1$s (X-API-Key %2$s) is missing or has expired.",
                 "trace_id": "req_abc123def456",
                 "errors": [{"code": "UNAUTHORIZED", "message": "Bearer %1$s is invalid.", "field": "X-API-Key",
                             "details": "%2$s"}]}""".formatted(TOKEN, API_KEY, status);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401})
    void anEchoedTokenIsRedactedFromEveryTextOfTheException(int status) {
        wm.stubFor(any(urlPathMatching("/v3/.*")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/problem+json").withBody(problem(status))));
        try (Document360Client client = Document360Client.builder().baseUrl(wm.baseUrl()).bearerToken(TOKEN)
                .apiKey(API_KEY).retryPolicy(RetryPolicy.none()).sleeper(d -> { }).build()) {
            SdkHttpException e = assertThrows(SdkHttpException.class,
                    () -> client.projects().get(VendorExamples.PROJECT_ID));

            assertEquals(status, e.statusCode());
            assertFalse(e.fieldErrors().isEmpty(), "errors[] is read");
            SecretAssertions.assertScrubbed(e, TOKEN, API_KEY);
        }
    }
}
