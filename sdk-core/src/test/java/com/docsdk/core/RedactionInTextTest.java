package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.BadRequestException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * URLs inside free text are redacted as URLs: user info, and every secret query parameter, including names that the
 * fallback for {@code name=value} pairs outside URLs does not know ({@code token}, {@code password}, {@code code}).
 */
class RedactionInTextTest {
    private static final String ECHOED = "https://svc:PWSECRET@idp.example.com/callback?state=s1&code=CODESECRET"
            + "&token=TOKSECRET&password=PASSSECRET&next=%2Fhome";
    private static final String REDACTED = "https://REDACTED:REDACTED@idp.example.com/callback?state=s1&code=REDACTED"
            + "&token=REDACTED&password=REDACTED&next=%2Fhome";
    private static final List<String> SECRETS = List.of("PWSECRET", "CODESECRET", "TOKSECRET", "PASSSECRET");

    @Test
    void aUrlInFreeTextLosesItsUserInfoAndSecretParametersAndKeepsTheRest() {
        assertEquals("could not fetch " + REDACTED + ": 401", Redactor.text("could not fetch " + ECHOED + ": 401"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET https://h/cb?code=abc failed|GET https://h/cb?code=REDACTED failed",
        "see https://h/p?session_token=abc&x=1.|see https://h/p?session_token=REDACTED&x=1.",
        "url=\"https://h/p?Password=abc\" sent|url=\"https://h/p?Password=REDACTED\" sent",
        "<a href=\"https://u@h/p\">|<a href=\"https://REDACTED@h/p\">",
        "two: http://h/a?token=1 and HTTPS://h/b?code=2|two: http://h/a?token=REDACTED and https://h/b?code=REDACTED"})
    void everyUrlInTheTextIsRedactedAsAUrl(String text, String expected) {
        assertEquals(expected, Redactor.text(text));
    }

    @Test
    void anErrorBodyEchoingSuchAUrlIsRedactedInEverythingTheExceptionSays() {
        String body = "{\"message\":\"redirect_uri mismatch: " + ECHOED + "\",\"error\":\"invalid_request\"}";
        try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Reply.json(400, body));
                Transport t = TestHttp.transport(server.baseUrl(), Credentials.none()).build()) {
            BadRequestException e = assertThrows(BadRequestException.class,
                    () -> TestHttp.get(t, server.url("/v1/oauth/callback")));
            for (String text : SecretAssertions.texts(e)) {
                for (String secret : SECRETS) {
                    assertFalse(text.contains(secret), secret + " in " + text);
                }
            }
            assertTrue(e.messages().toString().contains(REDACTED), e.messages().toString());
            assertTrue(e.rawBody().contains(REDACTED), e.rawBody());
        }
    }

    @Test
    void aFieldHoldingSuchAUrlIsRedactedToo() {
        assertEquals(REDACTED, Redactor.field("callbackUrl", ECHOED));
        assertEquals("[" + REDACTED + "]", Redactor.field("links", List.of(ECHOED)));
    }

    @Test
    void nullsAndFlagsAndTheShortSecretNames() {
        assertEquals("null", Redactor.text(null));
        assertEquals("null", Redactor.url((okhttp3.HttpUrl) null));
        assertEquals("null", Redactor.field("token", null));
        assertEquals(null, Redactor.headerValue("Content-Type", null));
        assertEquals("plain", Redactor.field(null, "plain"));
        assertEquals(Redactor.REDACTED, Redactor.field("sig", "abc"));
        assertEquals(Redactor.REDACTED, Redactor.field("Auth", "abc"));
        assertEquals("abc", Redactor.field("signup", "abc"));
        assertEquals("https://h/p?token&debug&code=REDACTED", Redactor.url("https://h/p?token&debug&code=1"));
        assertEquals("https://h/p?=v&a=1", Redactor.url("https://h/p?=v&a=1"));
        assertEquals("https://:REDACTED@h/p", Redactor.url("https://:pw@h/p"));
        assertTrue(Redactor.isSafeHeader("ETag"));
        assertFalse(Redactor.isSafeHeader(null));
    }
}
