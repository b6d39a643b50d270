package com.docsdk.core;

import com.docsdk.core.auth.AccessToken;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.internal.SecretRegistry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * A client scrubs its own secrets from what a server echoes, in every encoding a server echoes them in: as sent,
 * percent-encoded (every character outside {@code A-Z a-z 0-9 - . _ ~}), form-encoded, JSON-escaped, and JSON as Gson
 * writes it by default (HTML-safe). Short values are not secrets worth blanking; the registry remembers the eight
 * latest tokens.
 */
class SecretScrubbingTest {
    /** Every boundary of the unreserved set, next to characters just outside it and a space. */
    private static final String KEY = "az-AZ_09.~ `{@[/:";

    private static String percentEncoded(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append(String.format("%%%02X", (int) c));
            }
        }
        return sb.toString();
    }

    /** What the client's exception says when the server answers 400 with {@code echoed} in its body. */
    private static BadRequestException echo(Credentials credentials, String echoed) {
        try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Reply.status(400, "text/plain",
                "rejected: " + echoed + " :end"));
                Transport t = TestHttp.transport(server.baseUrl(), credentials).build()) {
            return assertThrows(BadRequestException.class, () -> TestHttp.get(t, server.url("/v1/files")));
        }
    }

    @Test
    void aKeyEchoedPercentEncodedIsScrubbed() {
        String encoded = percentEncoded(KEY);
        assertEquals("az-AZ_09.~%20%60%7B%40%5B%2F%3A", encoded);
        BadRequestException e = echo(Credentials.apiKey("x-api-key", KEY), encoded);
        assertEquals("rejected: REDACTED :end", e.rawBody());
    }

    @Test
    void everyLetterAndDigitIsKeptByThePercentForm() {
        String key = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789";
        BadRequestException e = echo(Credentials.apiKey("x-api-key", key), percentEncoded(key));
        assertEquals("rejected: REDACTED :end", e.rawBody());
    }

    @Test
    void aKeyEchoedRawOrFormEncodedIsScrubbed() {
        assertEquals("rejected: REDACTED :end", echo(Credentials.apiKey("x-api-key", KEY), KEY).rawBody());
        assertEquals("rejected: REDACTED :end", echo(Credentials.apiKey("x-api-key", KEY),
                "az-AZ_09.%7E+%60%7B%40%5B%2F%3A").rawBody());
    }

    @Test
    void aSecretEchoedJsonEscapedOrHtmlSafeIsScrubbed() {
        SecretRegistry registry = new SecretRegistry();
        String secret = "a \"q\" \\ <b>=&'\t\n\r\u0001 z";
        registry.register(secret);
        assertEquals("[REDACTED]", registry.scrub("[a \\\"q\\\" \\\\ <b>=&'\\t\\n\\r\\u0001 z]"));
        assertEquals("[REDACTED]", registry.scrub("[a \\\"q\\\" \\\\ \\u003cb\\u003e\\u003d\\u0026\\u0027\\t\\n\\r"
                + "\\u0001 z]"));
        registry.register("path/to/key");
        assertEquals("{REDACTED}", registry.scrub("{path\\/to\\/key}"));
    }

    @Test
    void theLongestSecretIsScrubbedFirstSoNoTailOfItRemains() {
        // The extra header's value is registered first and is the start of the API key.
        Credentials credentials = Credentials.apiKey("x-api-key", "tenant-key-2024XYZ").withHeader("x-tenant",
                "tenant-key");
        BadRequestException e = echo(credentials, "tenant-key-2024XYZ");
        assertEquals("rejected: REDACTED :end", e.rawBody());
    }

    @Test
    void anExtraHeaderIsASecretUnlessItIsSafeToPrint() {
        Credentials credentials = Credentials.apiKey("x-api-key", "key-000111").withHeader("x-partner",
                "partner-SECRET").withHeader("x-organization-id", "org-4711-public");
        BadRequestException e = echo(credentials, "partner-SECRET for org-4711-public");
        assertEquals("rejected: REDACTED for org-4711-public :end", e.rawBody());
        BadRequestException refreshing = echo(Credentials.refreshingToken(() -> new AccessToken("tok-000111", null))
                .withHeader("x-partner", "partner-SECRET"), "partner-SECRET");
        assertEquals("rejected: REDACTED :end", refreshing.rawBody());
    }

    @Test
    void valuesShorterThanSixCharactersAreNotScrubbedAndSixAre() {
        assertEquals("rejected: abc12 in the abc12 team :end",
                echo(Credentials.apiKey("x-api-key", "abc12"), "abc12 in the abc12 team").rawBody());
        assertEquals("rejected: REDACTED :end", echo(Credentials.apiKey("x-api-key", "abc123"), "abc123").rawBody());
        SecretRegistry registry = new SecretRegistry();
        registry.register("  abc12  ");
        registry.registerToken("12345");
        registry.register(null);
        registry.registerToken(null);
        assertEquals("  abc12  12345", registry.scrub("  abc12  12345"));
    }

    @Test
    void theEightLatestTokensAreRememberedAndAnOlderOneIsForgotten() {
        SecretRegistry registry = new SecretRegistry();
        registry.register("pinned-key-1");
        for (int i = 1; i <= 8; i++) {
            registry.registerToken("token-" + i + "-abcdef");
        }
        registry.registerToken("token-8-abcdef"); // again: no second slot
        registry.registerToken("pinned-key-1"); // a pinned secret takes no token slot
        assertEquals("REDACTED", registry.scrub("token-1-abcdef"));
        assertEquals("REDACTED", registry.scrub("pinned-key-1"));

        registry.registerToken("token-9-abcdef");
        assertEquals("token-1-abcdef", registry.scrub("token-1-abcdef"), "the oldest of nine is forgotten");
        assertEquals("REDACTED REDACTED", registry.scrub("token-2-abcdef token-9-abcdef"));
        assertEquals("REDACTED", registry.scrub("pinned-key-1"), "pinned secrets are never forgotten");
    }

    @Test
    void nullTextAndTheEmptyRegistry() {
        SecretRegistry registry = new SecretRegistry();
        registry.register("secret-value");
        assertNull(registry.scrub(null));
        assertEquals("", registry.scrub(""));
        assertFalse(registry.containsSecret(null));
        assertFalse(registry.containsSecret(""));
        assertTrue(registry.containsSecret("x secret-value y"));
        assertFalse(registry.containsSecret("x secret-valu y"));
        assertEquals("REDACTED?a=REDACTED", registry.redact("secret-value?a=secret-value"));

        SecretRegistry.NONE.register("never-remembered");
        SecretRegistry.NONE.registerToken("never-remembered-token");
        assertEquals("never-remembered never-remembered-token",
                SecretRegistry.NONE.scrub("never-remembered never-remembered-token"));

        assertSame(SecretRegistry.NONE, SecretRegistry.of(null));
        Request untagged = new Request.Builder().url("https://h/").build();
        assertSame(SecretRegistry.NONE, SecretRegistry.of(untagged));
        assertSame(registry, SecretRegistry.of(untagged.newBuilder().tag(SecretRegistry.class, registry).build()));
    }
}
