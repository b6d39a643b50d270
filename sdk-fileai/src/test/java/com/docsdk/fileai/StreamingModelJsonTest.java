package com.docsdk.fileai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.fileai.internal.JSON;
import com.docsdk.fileai.model.FileInfo;
import com.docsdk.fileai.model.FileList;
import com.docsdk.fileai.model.IntegrationExportStatus;
import com.google.gson.Gson;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated models' streaming type adapters (openapi/generator's pojo.mustache and JSON.mustache): known fields,
 * unknown fields kept with the values the former JsonElement-tree adapter gave, round trips, missing and null fields,
 * and the RFC 3339 fast path giving exactly what {@code OffsetDateTime.parse} gives.
 */
class StreamingModelJsonTest {
    private final Gson gson = JSON.getGson();

    private static final String FILE_WITH_UNKNOWNS = Examples.FILE.replace("\"summary\": \"Example file\",", """
            "summary": "Example file", "integrationExportStatus": "archived", "pageCount": 3, "ratio": 0.25,
            "flag": true, "label": "x", "gone": null, "tags": ["a", {"nested": true}], "meta": {"k": [1, 2]},
            "additionalProperties": {"odd": 1},""");

    @Test
    void knownFieldsBindAndUnknownFieldsAreKeptWithTheirJsonTypes() {
        FileInfo f = gson.fromJson(FILE_WITH_UNKNOWNS, FileInfo.class);
        assertEquals("file1.jpg", f.getFileName());
        assertEquals(261928L, f.getFileSize());
        assertEquals(Boolean.FALSE, f.getIsDuplicate());
        assertNull(f.getDuplicateToFileId());
        assertEquals(OffsetDateTime.parse("2025-05-27T12:14:24.258Z"), f.getCreatedAt());
        assertEquals(IntegrationExportStatus.UNKNOWN, f.getIntegrationExportStatus());

        Map<String, Object> extra = f.getAdditionalProperties();
        assertEquals(3, ((Number) extra.get("pageCount")).intValue());
        assertEquals(0.25, ((Number) extra.get("ratio")).doubleValue());
        assertEquals(Boolean.TRUE, extra.get("flag"));
        assertEquals("x", extra.get("label"));
        assertTrue(extra.containsKey("gone"));
        assertNull(extra.get("gone"));
        assertEquals(List.of("a", Map.of("nested", true)), extra.get("tags"));
        assertInstanceOf(Map.class, extra.get("meta"));
        assertEquals(Map.of("odd", 1.0), extra.get("additionalProperties"));
        assertFalse(extra.containsKey("fileName"), "a known field is not an additional one");
    }

    @Test
    void aModelWrittenAndReadBackIsEqualAndWritesNoFieldTwice() {
        // (an unknown field that is null is not written, as Gson writes no null: it is left out here)
        String file = FILE_WITH_UNKNOWNS.replace("\"gone\": null, ", "");
        FileList page = gson.fromJson("{\"files\": [" + file + ", " + Examples.FILE
                + "], \"count\": 2, \"currentPage\": 1, \"nextCursor\": \"abc\"}", FileList.class);
        String json = gson.toJson(page);
        FileList again = gson.fromJson(json, FileList.class);
        assertEquals(page, again);
        assertEquals("abc", again.getAdditionalProperty("nextCursor"));
        assertEquals(2, again.getFiles().size());
        assertFalse(json.contains("\"additionalProperties\":{\"pageCount\""), json);
        assertFalse(json.contains("\"duplicateToFileId\""), "a null field is not written: " + json);

        FileInfo f = new FileInfo().fileName("a.pdf");
        f.putAdditionalProperty("fileName", "shadow");
        f.putAdditionalProperty("pages", 4);
        String written = gson.toJson(f);
        assertEquals("{\"fileName\":\"a.pdf\",\"pages\":4}", written);
    }

    @Test
    void missingAndNullFieldsStayUnset() {
        FileInfo empty = gson.fromJson("{}", FileInfo.class);
        assertNull(empty.getFileId());
        assertNull(empty.getAdditionalProperties());
        FileInfo nulls = gson.fromJson("{\"fileId\": null, \"createdAt\": null, \"integrationExportStatus\": null,"
                + " \"integrationExportMessages\": null}", FileInfo.class);
        assertNull(nulls.getFileId());
        assertNull(nulls.getCreatedAt());
        assertNull(nulls.getIntegrationExportStatus());
        assertNull(nulls.getIntegrationExportMessages());
        assertNull(gson.fromJson("null", FileInfo.class));
    }

    @Test
    void dateTimesParseExactlyAsTheFormatterParsesThem() {
        for (String s : List.of("2025-05-27T12:14:24.258Z", "2025-05-27T12:14:24Z", "2025-05-27t12:14:24z",
                "2025-05-27T12:14:24.1+02:00", "2025-05-27T12:14:24.123456789-05:30", "2025-05-27T23:59:59.999999-00:00",
                "0001-01-01T00:00:00Z", "2024-02-29T00:00:00+18:00", "2025-05-27T12:14Z", "2025-05-27T12:14:24+02:00:30",
                "2025-05-27T12:14:24.Z")) {
            OffsetDateTime expected;
            try {
                expected = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeException e) {
                assertThrows(DateTimeException.class, () -> parse(s), s);
                continue;
            }
            OffsetDateTime actual = parse(s);
            assertEquals(expected, actual, s);
            assertEquals(expected.getOffset(), actual.getOffset(), s);
        }
        assertEquals(OffsetDateTime.parse("2025-05-27T12:14:24Z"), parse("2025-05-27T12:14:24+0000"));
        for (String bad : List.of("2025-02-30T12:14:24Z", "2025-05-27T24:00:00Z", "2025-05-27T12:60:00Z",
                "2025-05-27T12:14:60Z", "2025-13-01T00:00:00Z", "2025-05-27T12:14:24+19:00",
                "2025-05-27T12:14:24.1234567890Z", "2025-05-27T12:14:24", "2025-05-27 12:14:24Z", "20x5-05-27T12:14:24Z",
                "2025-05-27T12:14:24+02:60")) {
            assertThrows(DateTimeException.class, () -> parse(bad), bad);
        }
    }

    private OffsetDateTime parse(String s) {
        return gson.fromJson("\"" + s + "\"", OffsetDateTime.class);
    }
}
