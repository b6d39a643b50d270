package com.docsdk.core.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CallbackFieldsTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonReadsIntoPlainValuesKeepingNumbersAsText() {
        Map<String, Object> m = CallbackFields.jsonObject(b(
                "{\"a\":1.50,\"b\":true,\"c\":null,\"d\":[\"x\",2],\"e\":{\"f\":\"g\"},\"big\":12345678901234567890}"));
        assertEquals("1.50", m.get("a"));
        assertEquals(Boolean.TRUE, m.get("b"));
        assertTrue(m.containsKey("c"));
        assertEquals(null, m.get("c"));
        assertEquals(List.of("x", "2"), m.get("d"));
        assertEquals(Map.of("f", "g"), m.get("e"));
        assertEquals("12345678901234567890", m.get("big"));
        assertEquals(List.of("a", "b", "c", "d", "e", "big"), List.copyOf(m.keySet()));
        assertEquals(List.of("1"), CallbackFields.json(b("[\"1\"]")));
        assertEquals("s", CallbackFields.json(b("\"s\"")));
    }

    @Test
    void badJsonIsAValidationErrorNamingTheBody() {
        for (String bad : new String[] {"", "  ", "{", "{\"a\":}", "{a:1}", "{\"a\":1}{}", "[1,]", "nul", "{'a':1}",
            "[1] x"}) {
            ClientValidationException e = assertThrows(ClientValidationException.class,
                    () -> CallbackFields.json(b(bad)), bad);
            assertEquals("body", e.field(), bad);
        }
        assertTrue(assertThrows(ClientValidationException.class, () -> CallbackFields.json(b(" ")))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(ClientValidationException.class, () -> CallbackFields.jsonObject(b("[1]")))
                .getMessage().contains("JSON object"));
        assertTrue(assertThrows(ClientValidationException.class,
                () -> CallbackFields.json(new byte[] {'"', (byte) 0xC3, '"'})).getMessage().contains("UTF-8"));
        assertTrue(assertThrows(ClientValidationException.class, () -> CallbackFields.json(null))
                .getMessage().contains("missing"));
    }

    @Test
    void deepJsonIsRefusedBeforeTheStackIs() {
        String ok = "[".repeat(CallbackFields.MAX_DEPTH + 1) + "]".repeat(CallbackFields.MAX_DEPTH + 1);
        CallbackFields.json(b(ok));
        String deep = "[".repeat(CallbackFields.MAX_DEPTH + 2) + "]".repeat(CallbackFields.MAX_DEPTH + 2);
        assertTrue(assertThrows(ClientValidationException.class, () -> CallbackFields.json(b(deep)))
                .getMessage().contains("deeper"));
        String veryDeep = "{\"a\":".repeat(100_000);
        assertThrows(ClientValidationException.class, () -> CallbackFields.json(b(veryDeep)));
    }

    @Test
    void formsNestBracketsAndCollectLists() {
        Map<String, Object> m = CallbackFields.form(b(
                "export_file%5Bid%5D=99752&export_file[export_id]=123316&export_file[status]=Available+Now"
                        + "&ids[]=1&ids[]=2&r=a&r=b&r=c&flag&&odd]=1&x[y=2&e=%C3%A9&a[b][c]=d&s[]=1&s=2"));
        assertEquals(Map.of("id", "99752", "export_id", "123316", "status", "Available Now"), m.get("export_file"));
        assertEquals(List.of("1", "2"), m.get("ids"));
        assertEquals(List.of("a", "b", "c"), m.get("r"));
        assertEquals("", m.get("flag"));
        assertEquals("1", m.get("odd]"));
        assertEquals("2", m.get("x[y"));
        assertEquals("é", m.get("e"));
        assertEquals(Map.of("b", Map.of("c", "d")), m.get("a"));
        assertEquals(List.of("1", "2"), m.get("s"));
        assertEquals(Map.of(), CallbackFields.form(b(" ")));
        Map<String, Object> listAfterValue = CallbackFields.form(b("t=0&t[]=1&u[v]=1&u[v][w]=2"));
        assertEquals(List.of("0", "1"), listAfterValue.get("t"));
        assertEquals(Map.of("v", Map.of("w", "2")), listAfterValue.get("u"));
        assertEquals(Map.of("a", Map.of("b", "1")), CallbackFields.form(b("a[b]=1")));
        assertEquals(Map.of("a[b]x", "1"), CallbackFields.form(b("a[b]x=1")));
        assertEquals(Map.of("[a]", "1"), CallbackFields.form(b("[a]=1")));
    }

    @Test
    void badFormsAreValidationErrors() {
        assertTrue(assertThrows(ClientValidationException.class, () -> CallbackFields.form(b("a=%zz")))
                .getMessage().contains("%"));
        assertThrows(ClientValidationException.class, () -> CallbackFields.form(new byte[] {'a', '=', (byte) 0xFF}));
        String deep = "a" + "[b]".repeat(CallbackFields.MAX_DEPTH) + "=1";
        assertTrue(assertThrows(ClientValidationException.class, () -> CallbackFields.form(b(deep)))
                .getMessage().contains("deeper"));
        CallbackFields.form(b("a" + "[b]".repeat(CallbackFields.MAX_DEPTH - 1) + "=1"));
    }

    @Test
    void lookUpsIgnoreCaseAndSeparators() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Upload_ID", " u-1 ");
        m.put("nested", Map.of("Inner-Name", 5));
        m.put("n", "42");
        m.put("flag", Boolean.TRUE);
        m.put("list", List.of("a"));
        m.put("blank", "  ");
        assertEquals(Optional.of("u-1"), CallbackFields.string(m, "uploadId"));
        assertEquals(Optional.of("u-1"), CallbackFields.string(m, "UPLOAD-ID"));
        assertEquals(Optional.of("true"), CallbackFields.string(m, "flag"));
        assertEquals(Optional.empty(), CallbackFields.string(m, "list"));
        assertEquals(Optional.empty(), CallbackFields.string(m, "blank"));
        assertEquals(Optional.empty(), CallbackFields.string(m, "nested"));
        assertEquals(Optional.of(5), CallbackFields.get(m, "nested", "inner_name"));
        assertEquals(Optional.empty(), CallbackFields.get(m, "n", "x"));
        assertEquals(Optional.of(Map.of("Inner-Name", 5)), CallbackFields.object(m, "NESTED"));
        assertEquals(Optional.empty(), CallbackFields.object(m, "n"));
        assertEquals(Optional.of(42L), CallbackFields.number(m, "N"));
        assertEquals(Optional.empty(), CallbackFields.number(m, "missing"));
        assertEquals("u-1", CallbackFields.requireString(m, "uploadid"));
        ClientValidationException missing = assertThrows(ClientValidationException.class,
                () -> CallbackFields.requireString(m, "nested", "absent"));
        assertEquals("nested.absent", missing.field());
        Map<String, Object> bad = Map.of("a", "1.5", "b", "x", "c", "1e3", "d", "9".repeat(50));
        assertEquals("a", assertThrows(ClientValidationException.class, () -> CallbackFields.number(bad, "a")).field());
        assertThrows(ClientValidationException.class, () -> CallbackFields.number(bad, "b"));
        assertEquals(Optional.of(1000L), CallbackFields.number(bad, "c"));
        assertTrue(assertThrows(ClientValidationException.class, () -> CallbackFields.number(bad, "d"))
                .getMessage().endsWith("..."));
        assertEquals("uploadid", CallbackFields.normalize("Upload_I-D"));
        assertEquals("ab", CallbackFields.normalize("a b"));
        assertEquals("", CallbackFields.normalize(null));
    }

    @Test
    void stringListsComeFromStringsCommasArraysAndJsonText() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("one", "f1");
        m.put("commas", "f1, f2,,");
        m.put("array", List.of("f1", 2, true, " ", "f3"));
        m.put("jsonText", "[\"f1\",\"f2\"]");
        m.put("notJson", "[f1");
        m.put("jsonNull", "[null]");
        m.put("number", 7);
        assertEquals(List.of("f1"), CallbackFields.strings(m, "ONE"));
        assertEquals(List.of("f1", "f2"), CallbackFields.strings(m, "commas"));
        assertEquals(List.of("f1", "true", "f3"), CallbackFields.strings(m, "array"));
        assertEquals(List.of("f1", "f2"), CallbackFields.strings(m, "json_text"));
        assertEquals(List.of("[f1"), CallbackFields.strings(m, "notJson"));
        assertEquals(List.of(), CallbackFields.strings(m, "jsonNull"));
        assertEquals(List.of(), CallbackFields.strings(m, "number"));
        assertEquals(List.of(), CallbackFields.strings(m, "absent"));
    }

    @Test
    void randomBytesNeverThrowAnythingButAValidationError() {
        Random random = new Random(19);
        for (int i = 0; i < 5000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            if (i % 2 == 0) {
                String alphabet = "{}[]\":,0123456789.eE-+truefalsnul \\u&=%[]ab";
                for (int j = 0; j < bytes.length; j++) {
                    bytes[j] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
            }
            try {
                CallbackFields.json(bytes);
            } catch (ClientValidationException expected) {
                // the only failure allowed
            }
            try {
                CallbackFields.form(bytes);
            } catch (ClientValidationException expected) {
                // the only failure allowed
            }
        }
    }
}
