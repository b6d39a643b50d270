package com.docsdk.core.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.internal.SecretRegistry;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretAndUrlsTest {
    private static final String VALUE = "s3cr3t-Value_0123456789";
    private final CallbackSecret secret = CallbackSecret.of(VALUE);

    @Test
    void aGeneratedSecretIsLongUrlSafeAndNewEachTime() {
        CallbackSecret a = CallbackSecret.generate();
        CallbackSecret b = CallbackSecret.generate();
        assertEquals(43, a.value().length());
        assertTrue(a.value().chars().allMatch(c -> CallbackSecret.isUrlSafe((char) c)), a.value());
        assertNotEquals(a.value(), b.value());
        assertEquals(a.value(), CallbackSecret.of(a.value()).value());
    }

    @Test
    void aSecretMatchesOnlyItselfAndNeverPrintsItself() {
        assertTrue(secret.matches(VALUE));
        assertFalse(secret.matches(VALUE + "x"));
        assertFalse(secret.matches(VALUE.substring(1)));
        assertFalse(secret.matches(""));
        assertFalse(secret.matches(null));
        assertEquals("CallbackSecret[REDACTED]", secret.toString());
    }

    @Test
    void aWeakOrOddSecretIsRefusedWithoutPrintingIt() {
        ClientValidationException shortOne = assertThrows(ClientValidationException.class,
                () -> CallbackSecret.of("abcdefghijklmno"));
        assertEquals("secret", shortOne.field());
        assertTrue(shortOne.getMessage().contains("16") && shortOne.getMessage().contains("15"),
                shortOne.getMessage());
        assertFalse(shortOne.getMessage().contains("abcdefghijklmno"));
        CallbackSecret.of("abcdefghijklmnop"); // exactly 16 is enough
        ClientValidationException odd = assertThrows(ClientValidationException.class,
                () -> CallbackSecret.of("abcdefghijklmnop/q"));
        assertTrue(odd.getMessage().contains("character 17"), odd.getMessage());
        assertThrows(ClientValidationException.class, () -> CallbackSecret.of(" "));
        assertThrows(ClientValidationException.class, () -> CallbackSecret.of(null));
        for (char c : "-_.~09azAZ".toCharArray()) {
            assertTrue(CallbackSecret.isUrlSafe(c), String.valueOf(c));
        }
        for (char c : "/?&=%+ #@:{}`".toCharArray()) {
            assertFalse(CallbackSecret.isUrlSafe(c), String.valueOf(c));
        }
        for (char c : new char[] {'a' - 1, 'z' + 1, 'A' - 1, 'Z' + 1, '0' - 1, '9' + 1}) {
            assertFalse(CallbackSecret.isUrlSafe(c), String.valueOf(c));
        }
    }

    @Test
    void aRegisteredSecretIsScrubbedByTheClientsRegistry() {
        SecretRegistry registry = new SecretRegistry();
        assertSame(secret, secret.registerWith(registry));
        assertEquals("path /hooks/REDACTED", registry.scrub("path /hooks/" + VALUE));
        assertThrows(ClientValidationException.class, () -> secret.registerWith(null));
    }

    @Test
    void queryUrlsCarryTheTokenAndAreRecognised() {
        CallbackUrls urls = CallbackUrls.inQuery("https://hooks.example.com/docsdk/", secret);
        String url = urls.url("fileai");
        assertEquals("https://hooks.example.com/docsdk/fileai?docsdk_token=" + VALUE, url);
        assertEquals("https://hooks.example.com/docsdk/fileai?docsdk_token=" + VALUE,
                CallbackUrls.inQuery("https://hooks.example.com/docsdk", secret).url("fileai"));
        assertEquals(Optional.of("fileai"), urls.match("/docsdk/fileai?docsdk_token=" + VALUE));
        assertEquals(Optional.of("fileai"), urls.match("/docsdk/fileai/?a=1&docsdk_token=" + VALUE));
        assertEquals(Optional.of("x"), urls.match("x?docsdk_token=" + VALUE));
        assertEquals(Optional.empty(), urls.match("/docsdk/fileai?docsdk_token=" + VALUE + "0"));
        assertEquals(Optional.empty(), urls.match("/docsdk/fileai"));
        assertEquals(Optional.empty(), urls.match("/?docsdk_token=" + VALUE));
        assertEquals(Optional.empty(), urls.match("/docsdk/fileai?docsdk_token=" + VALUE + "&docsdk_token="
                + VALUE));
        assertEquals(Optional.empty(), urls.match(""));
        assertEquals(Optional.empty(), urls.match(null));
        assertEquals(Optional.of("a b"), urls.match("/a b?docsdk_token=" + VALUE), "404 later: no such route");
        assertSame(secret, urls.secret());
        assertEquals("CallbackUrls[base=https://hooks.example.com/docsdk/, secretIn=query]", urls.toString());
    }

    @Test
    void pathUrlsCarryTheTokenAsTheLastSegment() {
        CallbackUrls urls = CallbackUrls.inPath("http://127.0.0.1:8080/", secret);
        assertEquals("http://127.0.0.1:8080/webadmit-export/" + VALUE, urls.url("webadmit-export"));
        assertEquals(Optional.of("webadmit-export"), urls.match("/webadmit-export/" + VALUE));
        assertEquals(Optional.of("webadmit-export"), urls.match("/webadmit-export/" + VALUE + "/"));
        assertEquals(Optional.empty(), urls.match("/" + VALUE));
        assertEquals(Optional.empty(), urls.match("/webadmit-export/wrong-token-0123456789"));
        assertEquals(Optional.empty(), urls.match("/webadmit-export?docsdk_token=" + VALUE));
        assertFalse(urls.toString().contains(VALUE));
        assertTrue(urls.toString().contains("secretIn=path"), urls.toString());
        assertEquals("failed at REDACTED", urls.redact("failed at " + VALUE));
    }

    @Test
    void badBasesAndRoutesAreRefused() {
        assertEquals("baseUrl", assertThrows(ClientValidationException.class,
                () -> CallbackUrls.inQuery("ftp://x", secret)).field());
        assertEquals("baseUrl", assertThrows(ClientValidationException.class,
                () -> CallbackUrls.inQuery("https://x/?a=1", secret)).field());
        assertEquals("baseUrl", assertThrows(ClientValidationException.class,
                () -> CallbackUrls.inQuery("https://x/#f", secret)).field());
        assertEquals("baseUrl", assertThrows(ClientValidationException.class,
                () -> CallbackUrls.inQuery(" ", secret)).field());
        assertEquals("secret", assertThrows(ClientValidationException.class,
                () -> CallbackUrls.inPath("https://x/", null)).field());
        CallbackUrls urls = CallbackUrls.inQuery("https://x", secret);
        for (String bad : new String[] {"a/b", "a b", "", "a?b", "a~b"}) {
            assertEquals("route", assertThrows(ClientValidationException.class, () -> urls.url(bad)).field(), bad);
        }
        assertEquals("https://x/a.b-c_D9?docsdk_token=" + VALUE, urls.url("a.b-c_D9"));
    }

    @Test
    void targetsArePrintedWithoutTokens() {
        assertEquals("/hooks/fileai?docsdk_token=REDACTED&x=1",
                CallbackUrls.redactTarget("/hooks/fileai?docsdk_token=" + VALUE + "&x=1"));
        assertEquals("/hooks/fileai/REDACTED", CallbackUrls.redactTarget("/hooks/fileai/" + VALUE));
        assertEquals("/hooks/short-segment", CallbackUrls.redactTarget("hooks/short-segment"));
        assertEquals("https://h/x/REDACTED?sig=REDACTED",
                CallbackUrls.redactTarget("https://h/x/" + VALUE + "?sig=abc"));
        assertEquals("https://h/REDACTED", CallbackUrls.redactTarget("HTTPS://h/" + VALUE));
        assertEquals("http://h/REDACTED", CallbackUrls.redactTarget("Http://h/" + VALUE));
        assertEquals("null", CallbackUrls.redactTarget(null));
        assertEquals("REDACTED", CallbackUrls.redactTarget("http://"));
    }
}
