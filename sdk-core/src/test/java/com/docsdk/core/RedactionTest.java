package com.docsdk.core;

import com.docsdk.core.auth.AccessToken;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.error.ConflictException;
import com.docsdk.core.retry.RetryPolicy;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No secret (API key, token, presigned-URL signature) in logs, exception messages, raw bodies or toString(). */
class RedactionTest {
    @RegisterExtension
    static WireMockExtension wm = TestHttp.wireMock();

    private static final String API_KEY = "sk-live-SECRET123";
    private static final String TOKEN = "eyBEARERSECRET";
    private static final List<String> SECRETS = List.of(API_KEY, TOKEN, "SIGSECRET", "CREDSECRET", "TOKSECRET",
            "AZSECRET", "PROXYSECRET");
    private static final String SIGNED_QUERY = "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=SIGSECRET"
            + "&X-Amz-Credential=CREDSECRET&X-Amz-Security-Token=TOKSECRET&sig=AZSECRET&X-Amz-Expires=900";

    private static void assertNoSecret(String where, String text) {
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), where + " leaks " + secret + ": " + text);
        }
    }

    private static Transport.Builder transport(Credentials credentials) {
        return TestHttp.transport(wm.baseUrl(), credentials)
                .retryPolicy(RetryPolicy.builder().jitter(() -> 0.5).build());
    }

    @Test
    void aFailingCallLeaksNothingInLogsOrTheException() {
        String path = "/files/f.pdf";
        TestHttp.stubSequence(wm, () -> get(urlPathEqualTo(path)),
                aResponse().withStatus(500).withBody("{\"message\":\"boom at " + wm.url(path + SIGNED_QUERY) + "\"}"),
                aResponse().withStatus(401).withHeader("Content-Type", "application/xml").withBody(
                        "<Error><Code>SignatureDoesNotMatch</Code><Message>The signature does not match</Message>"
                                + "<SignatureProvided>SIGSECRET</SignatureProvided>"
                                + "<StringToSign>AWS4-HMAC-SHA256\n20261123T100000Z\nCREDSECRET</StringToSign>"
                                + "</Error>"));
        List<String> texts = new ArrayList<>();
        for (Credentials credentials : List.of(Credentials.apiKey("x-api-key", API_KEY),
                Credentials.bearerToken(TOKEN))) {
            wm.resetScenarios();
            try (LogCapture logs = new LogCapture(); Transport t = transport(credentials).build()) {
                AuthenticationException e = assertThrows(AuthenticationException.class,
                        () -> TestHttp.get(t, wm.url(path + SIGNED_QUERY)));
                assertEquals(2, e.attempts(), e.getMessage());
                assertTrue(e.rawBody().contains("<SignatureProvided>REDACTED</SignatureProvided>"), e.rawBody());
                assertTrue(e.url().contains("X-Amz-Signature=REDACTED"), e.url());
                assertTrue(e.url().contains("X-Amz-Expires=900"), e.url());
                assertFalse(logs.lines().isEmpty(), "the attempts were logged");
                texts.add(logs.all());
                texts.add(e.getMessage());
                texts.add(e.toString());
                texts.add(e.url());
                texts.add(e.rawBody());
                texts.add(e.headers().toString());
                texts.add(t.toString());
                texts.add(credentials.toString());
            }
        }
        texts.forEach(text -> assertNoSecret("text", text));
    }

    @Test
    void aJsonErrorBodyEchoingASignedUrlIsRedactedInRawBodyMessagesAndMessage() {
        String echoed = "https://bucket.s3.amazonaws.com/f.pdf" + SIGNED_QUERY;
        wm.stubFor(get(urlPathEqualTo("/v1/import")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"could not fetch " + echoed + "\",\"errors\":[{\"field\":\"url\","
                        + "\"message\":\"unreachable: " + echoed + "\"}]}")));
        try (Transport t = transport(Credentials.apiKey("x-api-key", API_KEY)).build()) {
            BadRequestException e = assertThrows(BadRequestException.class,
                    () -> TestHttp.get(t, wm.url("/v1/import")));
            assertNoSecret("message", e.getMessage());
            assertNoSecret("raw body", e.rawBody());
            assertNoSecret("messages", e.messages().toString());
            assertNoSecret("field errors", e.fieldErrors().toString());
            assertTrue(e.messages().get(0).contains("X-Amz-Signature=REDACTED"), e.messages().toString());
        }
    }

    @Test
    void aSignedLocationHeaderIsRedactedInTheExceptionHeaders() {
        wm.stubFor(get(urlPathEqualTo("/v1/exports/1")).willReturn(aResponse().withStatus(409)
                .withHeader("Location", "https://acct.blob.core.windows.net/c/export.csv?sv=2024-01-01&sig=AZSECRET")
                .withBody("{\"message\":\"already exported\"}")));
        try (Transport t = transport(Credentials.bearerToken(TOKEN)).build()) {
            ConflictException e = assertThrows(ConflictException.class,
                    () -> TestHttp.get(t, wm.url("/v1/exports/1")));
            assertEquals("https://acct.blob.core.windows.net/c/export.csv?sv=2024-01-01&sig=REDACTED",
                    e.headers().get("location"));
        }
    }

    @Test
    void toStringOfConfigurationObjectsShowsNoSecret() {
        Credentials apiKey = Credentials.apiKey("x-api-key", API_KEY).withHeader("x-partner", TOKEN);
        RequestOptions options = RequestOptions.builder().header("Authorization", "Bearer " + TOKEN)
                .header("X-Api-Key", API_KEY).build();
        ProxyConfig proxy = ProxyConfig.of("proxy.corp", 3128).withCredentials("svc", "PROXYSECRET");
        try (Transport t = TestHttp.transport("https://api.example.com", apiKey).proxy(proxy).build()) {
            for (Object o : List.of(apiKey, Credentials.bearerToken(TOKEN), options, proxy, t,
                    new AccessToken(TOKEN, null), Credentials.refreshingToken(() -> new AccessToken(TOKEN, null)))) {
                assertNoSecret(o.getClass().getSimpleName(), o.toString());
            }
            assertTrue(proxy.toString().contains("svc"), proxy.toString());
        }
    }

    @Test
    void redactorUrlReplacesSignaturesTokensAndUserInfoAndKeepsTheRest() {
        assertEquals("https://bucket.s3.amazonaws.com/f.pdf?X-Amz-Signature=REDACTED&x=1",
                Redactor.url("https://bucket.s3.amazonaws.com/f.pdf?X-Amz-Signature=abc&x=1"));
        assertEquals("https://h/f?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=REDACTED"
                + "&X-Amz-Credential=REDACTED&X-Amz-Security-Token=REDACTED&sig=REDACTED&X-Amz-Expires=900",
                Redactor.url("https://h/f" + SIGNED_QUERY));
        assertEquals("https://REDACTED:REDACTED@h/p?access_token=REDACTED&client_secret=REDACTED&page=2",
                Redactor.url("https://me:pw@h/p?access_token=a&client_secret=b&page=2"));
        assertEquals("https://h/p?flag&sig=REDACTED&sig=REDACTED",
                Redactor.url("https://h/p?flag&sig=a&sig=b"));
        assertEquals("https://h/p?q=a%20b&next=%2Fx", Redactor.url("https://h/p?q=a%20b&next=%2Fx"));
        assertEquals(Redactor.REDACTED, Redactor.url("not a url with sig=abc"));
        assertEquals("null", Redactor.url((String) null));
    }

    @Test
    void redactorTextRedactsUrlsPairsAndS3XmlInFreeText() {
        assertEquals("failed to GET https://h/f?X-Amz-Signature=REDACTED&a=1: reset",
                Redactor.text("failed to GET https://h/f?X-Amz-Signature=xyz&a=1: reset"));
        assertEquals("bad request: client_secret=REDACTED&sig=REDACTED",
                Redactor.text("bad request: client_secret=s3cr3t&sig=abc"));
        assertEquals("<Error><SignatureProvided>REDACTED</SignatureProvided>\n"
                + "<StringToSign>REDACTED</StringToSign></Error>",
                Redactor.text("<Error><SignatureProvided>abc</SignatureProvided>\n<StringToSign>AWS4\nline"
                        + "</StringToSign></Error>"));
        assertEquals("{\"url\":\"https://h/f?sig=REDACTED\"}", Redactor.text("{\"url\":\"https://h/f?sig=abc\"}"));
        assertEquals("nothing secret here", Redactor.text("nothing secret here"));
    }

    @Test
    void redactorHeaderValuePrintsOnlyAllowListedHeaders() {
        assertEquals(Redactor.REDACTED, Redactor.headerValue("Authorization", "Bearer " + TOKEN));
        assertEquals(Redactor.REDACTED, Redactor.headerValue("x-api-key", API_KEY));
        assertEquals(Redactor.REDACTED, Redactor.headerValue("X-Vendor-Invented-Key", "k"));
        assertEquals(Redactor.REDACTED, Redactor.headerValue("Set-Cookie", "session=1"));
        assertEquals("application/json", Redactor.headerValue("Content-Type", "application/json"));
        assertEquals("req-1", Redactor.headerValue("X-Request-Id", "req-1"));
        assertEquals("https://h/f?X-Amz-Signature=REDACTED",
                Redactor.headerValue("Location", "https://h/f?X-Amz-Signature=abc"));
    }
}
