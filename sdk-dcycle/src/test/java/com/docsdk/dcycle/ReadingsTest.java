package com.docsdk.dcycle;

import static com.docsdk.dcycle.DcycleTesting.FACILITY_1;
import static com.docsdk.dcycle.DcycleTesting.FACILITY_2;
import static com.docsdk.dcycle.DcycleTesting.FILE_ID;
import static com.docsdk.dcycle.DcycleTesting.FOLDER_ID;
import static com.docsdk.dcycle.DcycleTesting.PROJECT_ID;
import static com.docsdk.dcycle.DcycleTesting.READING_ID;
import static com.docsdk.dcycle.DcycleTesting.READING_ITEM;
import static com.docsdk.dcycle.DcycleTesting.WATER_ITEM;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.FakeTime;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.wait.WaitFailedException;
import com.docsdk.core.wait.WaitTimeoutException;
import com.docsdk.dcycle.model.FileReading;
import com.docsdk.dcycle.model.FileReadingContent;
import com.docsdk.dcycle.model.FileReadingListItem;
import com.docsdk.dcycle.model.FileReadingUpdateRequest;
import com.docsdk.dcycle.service.FileReadingsService;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** File readings: filters, correction, creating records, and waiting for a reading. */
class ReadingsTest {
    private static final String READINGS = "/v1/files/readings";

    @RegisterExtension
    static WireMockExtension api = DcycleTesting.wireMock();

    private FakeTime time;
    private DcycleClient dcycle;

    @BeforeEach
    void setUp() {
        time = new FakeTime();
        dcycle = DcycleTesting.client(api).clock(time).sleeper(time)
                .readingPollOptions(PollOptions.builder().interval(Duration.ofSeconds(2))
                        .maxInterval(Duration.ofSeconds(2)).timeout(Duration.ofMinutes(1)).build())
                .build();
    }

    @AfterEach
    void tearDown() {
        dcycle.close();
        DcycleTesting.CONTRACT.assertRequestsMatch(api);
    }

    @Test
    void listReadingsSendsEveryDocumentedFilter() {
        api.stubFor(get(urlPathEqualTo(READINGS)).willReturn(okJson(DcycleTesting.page(1, 10, 1, 1, READING_ITEM))));

        List<FileReadingListItem> items = dcycle.fileReadings().list(FileReadingsService.ListParams.builder()
                .fileId(List.of(FILE_ID, "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"))
                .folderId(FOLDER_ID).projectId(PROJECT_ID).linked(false).name("Water")
                .category(List.of("water", "electricity")).size(10).build(), RequestOptions.none()).stream().toList();

        assertEquals(1, items.size());
        FileReadingListItem item = items.get(0);
        assertEquals("water", item.getCategory());
        assertEquals(List.of("invoice::water"), item.getTags());
        assertFalse(item.getLinked());
        assertEquals(READING_ID, item.getReading().getId());
        assertEquals("success", item.getReading().getStatus());
        assertEquals("WTR-2024-03", item.getReading().getContent().getItems().get(0).get("invoice_number"));
        api.verify(getRequestedFor(urlPathEqualTo(READINGS))
                .withQueryParam("file_id", havingExactly(FILE_ID, "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"))
                .withQueryParam("folder_id", equalTo(FOLDER_ID))
                .withQueryParam("project_id", equalTo(PROJECT_ID))
                .withQueryParam("linked", equalTo("false"))
                .withQueryParam("name", equalTo("Water"))
                .withQueryParam("category", havingExactly("water", "electricity"))
                .withQueryParam("page", equalTo("1"))
                .withQueryParam("size", equalTo("10")));
    }

    @Test
    void listReadingsKeepsFoldersAndWalksPages() {
        String folder = "{\"id\": \"%s\", \"name\": \"Q1 invoices\"}".formatted(FOLDER_ID);
        api.stubFor(get(urlPathEqualTo(READINGS)).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(DcycleTesting.page(1, 1, 2, 2, folder))));
        api.stubFor(get(urlPathEqualTo(READINGS)).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(DcycleTesting.page(2, 1, 2, 2, READING_ITEM))));

        List<FileReadingListItem> items = dcycle.fileReadings().list(FileReadingsService.ListParams.builder().size(1).build(),
                RequestOptions.none()).stream()
                .toList();

        assertEquals(2, items.size());
        assertNull(items.get(0).getReading(), "a folder has no reading");
        assertEquals(FILE_ID, items.get(1).getId());
    }

    @Test
    void updateReadingSendsTheDocumentedContentAndReturnsTheReading() {
        api.stubFor(put(urlPathEqualTo(READINGS + "/" + READING_ID)).willReturn(okJson(
                "{\"id\": \"%s\", \"status\": \"success\", \"content\": {\"items\": [%s]}}"
                        .formatted(READING_ID, WATER_ITEM))));
        Map<String, Object> item = Map.of("invoice_number", "WTR-2024-03", "quantity", 32.1,
                "unit", "cubic_metre_(m3)", "start_date", "2024-03-01", "end_date", "2024-03-31");

        FileReading updated = dcycle.fileReadings().update(READING_ID, new FileReadingUpdateRequest()
                .content(new FileReadingContent().items(List.of(item))));

        assertEquals(READING_ID, updated.getId());
        assertEquals(32.1, updated.getContent().getItems().get(0).get("quantity"));
        api.verify(putRequestedFor(urlPathEqualTo(READINGS + "/" + READING_ID))
                .withRequestBody(equalToJson("{\"content\": {\"items\": [" + WATER_ITEM + "]}}")));
    }

    @Test
    void createRecordsSendsTheDocumentedBody() {
        api.stubFor(post(urlPathEqualTo(READINGS)).willReturn(aResponse().withStatus(201)));

        dcycle.fileReadings().createRecords(DcycleTesting.records(READING_ID, DcycleTesting.share(FACILITY_1, 0.6),
                DcycleTesting.share(FACILITY_2, 0.4)));

        api.verify(postRequestedFor(urlPathEqualTo(READINGS)).withRequestBody(equalToJson("""
                {"file_readings": [{"id": "7b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d4e"}],
                 "facilities": [{"id": "a8315ef3-dd50-43f8-b7ce-d839e68d51fa", "percentage": 0.6},
                                {"id": "1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "percentage": 0.4}]}""")));
    }

    @Test
    void createRecordsSendsProjectAndSupplier() {
        api.stubFor(post(urlPathEqualTo(READINGS)).willReturn(aResponse().withStatus(200)));

        dcycle.fileReadings().createRecords(DcycleTesting.records(READING_ID, DcycleTesting.share(FACILITY_1, 1.0))
                .projectId(PROJECT_ID).supplierId("6f5e4d3c-2b1a-4098-8765-4321fedcba98"));

        api.verify(postRequestedFor(urlPathEqualTo(READINGS)).withRequestBody(equalToJson("""
                {"file_readings": [{"id": "%s"}], "facilities": [{"id": "%s", "percentage": 1.0}],
                 "project_id": "%s", "supplier_id": "6f5e4d3c-2b1a-4098-8765-4321fedcba98"}"""
                .formatted(READING_ID, FACILITY_1, PROJECT_ID))));
    }

    /** The readings of one file answer each response in turn, the last one for every later poll. */
    private static void stubPolls(ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            var m = get(urlPathEqualTo(READINGS)).withQueryParam("file_id", equalTo(FILE_ID))
                    .inScenario("reading").whenScenarioStateIs(i == 0 ? Scenario.STARTED : "poll-" + i);
            api.stubFor((i < responses.length - 1 ? m.willSetStateTo("poll-" + (i + 1)) : m)
                    .willReturn(responses[i]));
        }
    }

    private static ResponseDefinitionBuilder items(String... items) {
        return okJson(DcycleTesting.page(1, 50, 1, items.length, items));
    }

    private static String withReading(String status) {
        return """
                {"id": "%s", "name": "water-invoice-2024-03", "tags": ["invoice::water"], "category": "water",
                 "reading": {"id": "%s", "status": "%s", "content": {"items": []}}, "linked": false}"""
                .formatted(FILE_ID, READING_ID, status);
    }

    @Test
    void awaitReadingPollsUntilTheReadingExists() {
        stubPolls(items(), items("{\"id\": \"%s\", \"name\": \"water-invoice-2024-03\"}".formatted(FILE_ID)),
                items(READING_ITEM));

        FileReadingListItem item = dcycle.awaitReading(FILE_ID);

        assertEquals(READING_ID, item.getReading().getId());
        assertEquals("success", item.getReading().getStatus());
        api.verify(3, getRequestedFor(urlPathEqualTo(READINGS)).withQueryParam("file_id", equalTo(FILE_ID)));
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(2)), time.sleeps);
    }

    @Test
    void aReadingInErrorFailsTheWaitWithTheItem() {
        stubPolls(items(), items(withReading("error")));

        WaitFailedException e = assertThrows(WaitFailedException.class, () -> dcycle.awaitReading(FILE_ID));

        assertEquals("error", e.lastStatus().orElseThrow());
        assertTrue(e.messages().get(0).contains(READING_ID), e.messages().toString());
        assertEquals(READING_ID, ((FileReadingListItem) e.resource()).getReading().getId());
    }

    @Test
    void anUnknownReadingStatusKeepsWaitingUntilTheTimeout() {
        stubPolls(items(withReading("reviewing")));

        WaitTimeoutException e = assertThrows(WaitTimeoutException.class, () -> dcycle.awaitReading(FILE_ID,
                PollOptions.builder().interval(Duration.ofSeconds(10)).maxInterval(Duration.ofSeconds(10))
                        .timeout(Duration.ofSeconds(30)).build()));

        assertEquals("reviewing", e.lastStatus().orElseThrow());
        api.verify(4, getRequestedFor(urlPathEqualTo(READINGS)));
    }

    @Test
    void reprocessAndAwaitReadingSendsTheEventThenWaits() {
        api.stubFor(post(urlPathEqualTo("/v1/files/send-event")).willReturn(okJson("true")));
        stubPolls(items(), items(READING_ITEM));

        FileReadingListItem item = dcycle.reprocessAndAwaitReading(FILE_ID);

        assertEquals(READING_ID, item.getReading().getId());
        api.verify(1, postRequestedFor(urlPathEqualTo("/v1/files/send-event")));
        var first = api.getAllServeEvents().stream()
                .min((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
                .orElseThrow();
        assertEquals("/v1/files/send-event", first.getRequest().getUrl());
    }

    @Test
    void awaitReadingAsyncCompletesWithTheItem() throws Exception {
        stubPolls(items(), items(READING_ITEM));

        // The asynchronous wait runs on the scheduler's real timer: poll every millisecond.
        FileReadingListItem item = dcycle.awaitReadingAsync(FILE_ID, PollOptions.builder()
                .interval(Duration.ofMillis(1)).maxInterval(Duration.ofMillis(1)).build()).get(10, TimeUnit.SECONDS);

        assertEquals(READING_ID, item.getReading().getId());
    }

    @Test
    void findReadingIsEmptyWhileTheFileIsNotListed() {
        api.stubFor(get(urlPathEqualTo(READINGS)).willReturn(items()));

        assertTrue(dcycle.findReading(FILE_ID).isEmpty());
    }
}
