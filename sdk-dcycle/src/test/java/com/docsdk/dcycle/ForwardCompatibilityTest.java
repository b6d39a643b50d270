package com.docsdk.dcycle;

import static com.docsdk.dcycle.DcycleTesting.FILE_ID;
import static com.docsdk.dcycle.DcycleTesting.READING_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.docsdk.dcycle.model.FileReading;
import com.docsdk.dcycle.model.FileReadingContent;
import com.docsdk.dcycle.model.FileReadingUpdateRequest;
import com.docsdk.dcycle.model.FileReadingListItem;
import com.docsdk.dcycle.model.FileRecord;
import com.docsdk.dcycle.model.UploadConfirmationStatus;
import com.docsdk.dcycle.internal.JSON;
import com.docsdk.dcycle.model.FileBatchUpdateRequest;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Answers with fields, statuses and categories this SDK does not know still parse through the facade. */
class ForwardCompatibilityTest {
    @RegisterExtension
    static WireMockExtension api = DcycleTesting.wireMock();

    private DcycleClient dcycle;

    @BeforeEach
    void setUp() {
        dcycle = DcycleTesting.client(api).build();
    }

    @AfterEach
    void tearDown() {
        dcycle.close();
        DcycleTesting.CONTRACT.assertRequestsMatch(api);
    }

    @Test
    void aFileWithUnknownFieldsAndAnUnknownStatusParses() {
        api.stubFor(get(urlPathEqualTo("/v1/files/" + FILE_ID)).willReturn(okJson("""
                {"id": "%s", "name": "water-invoice-2024-03", "status": "classifying",
                 "created_at": "2026-03-01T09:00:00Z", "classification": {"confidence": 0.97}}""".formatted(FILE_ID))));

        FileRecord f = dcycle.files().get(FILE_ID);

        assertEquals("classifying", f.getStatus());
        assertNull(f.getSizeKb(), "missing fields stay null");
        assertEquals("2026-03-01T09:00:00Z", f.getAdditionalProperty("created_at"));
        assertEquals(0.97, ((Map<?, ?>) f.getAdditionalProperty("classification")).get("confidence"));
    }

    @Test
    void aReadingWithAnUnknownCategoryAndExtraFieldsParses() {
        api.stubFor(get(urlPathEqualTo("/v1/files/readings")).willReturn(okJson(DcycleTesting.page(1, 50, 1, 1, """
                {"id": "%s", "category": "refrigerants", "tags": ["invoice::refrigerants"], "confidence": 0.5,
                 "reading": {"id": "%s", "status": "needs_review", "model": "v9",
                             "content": {"items": [{"gas": "R-410A", "kg": 3}], "pages": 2}}}"""
                .formatted(FILE_ID, READING_ID)))));

        FileReadingListItem item = dcycle.findReading(FILE_ID).orElseThrow();

        assertEquals("refrigerants", item.getCategory());
        assertEquals(0.5, ((Number) item.getAdditionalProperty("confidence")).doubleValue());
        assertEquals("needs_review", item.getReading().getStatus());
        assertEquals("v9", item.getReading().getAdditionalProperty("model"));
        assertEquals("R-410A", item.getReading().getContent().getItems().get(0).get("gas"));
        assertNull(item.getLinked());
    }

    @Test
    void anUpdatedReadingMissingFieldsParses() {
        api.stubFor(put(urlPathEqualTo("/v1/files/readings/" + READING_ID)).willReturn(okJson("{\"extra\": 1}")));

        FileReading r = dcycle.fileReadings().update(READING_ID, new FileReadingUpdateRequest()
                .content(new FileReadingContent().addItemsItem(Map.of("quantity", 1))));

        assertNull(r.getId());
        assertNull(r.getContent());
    }

    @Test
    void anUnknownEnumValueOfTheOnlyEnumParses() {
        FileBatchUpdateRequest r = JSON.getGson().fromJson(
                "{\"file_ids\": [\"%s\"], \"status\": \"archived\", \"extra\": true}".formatted(FILE_ID),
                FileBatchUpdateRequest.class);

        assertEquals(UploadConfirmationStatus.UNKNOWN, r.getStatus());
        assertEquals(List.of(FILE_ID), r.getFileIds());
    }
}
