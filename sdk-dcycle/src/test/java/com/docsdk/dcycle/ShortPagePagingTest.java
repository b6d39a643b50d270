package com.docsdk.dcycle;

import static com.docsdk.dcycle.DcycleTesting.FILE_ID;
import static com.docsdk.dcycle.DcycleTesting.FILE_ID_2;
import static com.docsdk.dcycle.DcycleTesting.FOLDER_ID;
import static com.docsdk.dcycle.DcycleTesting.READING_ITEM;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.docsdk.core.paging.PagedIterable;
import com.docsdk.core.RequestOptions;
import com.docsdk.dcycle.model.FileReadingListItem;
import com.docsdk.dcycle.model.FileRecord;
import com.docsdk.dcycle.service.FilesService;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Both paginators of the Dcycle module against a page shorter than {@code size} whose envelope announces more
 * ({@code pages} above the page number, or {@code total} above the items read; see {@code x-docsdk-paging} in
 * openapi/dcycle.yaml): the later page is requested and its items are returned.
 */
class ShortPagePagingTest {
    private static final String FILES = "/v1/files";
    private static final String READINGS = "/v1/files/readings";

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

    private static String file(String id) {
        return """
                {"id": "%s", "name": "water-invoice-2024-03", "extension": "pdf", "mime_type": "application/pdf",
                 "size_kb": 245, "status": "uploaded"}""".formatted(id);
    }

    private static void stubPage(String path, int page, String body) {
        api.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo(String.valueOf(page)))
                .willReturn(okJson(body)));
    }

    @Test
    void listFilesFollowsPagesTwoAfterAShortFirstPage() {
        stubPage(FILES, 1, DcycleTesting.page(1, 50, 2, 2, file(FILE_ID)));
        stubPage(FILES, 2, DcycleTesting.page(2, 50, 2, 2, file(FILE_ID_2)));

        PagedIterable<FileRecord> files = dcycle.files().list(FilesService.ListParams.builder().size(50).build(),
                RequestOptions.none());
        List<String> ids = files.stream().map(FileRecord::getId).toList();

        assertEquals(List.of(FILE_ID, FILE_ID_2), ids);
        assertEquals(OptionalInt.of(2), files.totalPages());
        assertEquals(OptionalLong.of(2), files.totalItems());
        api.verify(2, getRequestedFor(urlPathEqualTo(FILES)));
    }

    @Test
    void listReadingsFollowsPagesTwoWhenOnlyPagesAnnouncesIt() {
        String folder = "{\"id\": \"%s\", \"name\": \"Q1 invoices\"}".formatted(FOLDER_ID);
        stubPage(READINGS, 1, "{\"items\": [" + folder + "], \"page\": 1, \"size\": 50, \"pages\": 2}");
        stubPage(READINGS, 2, "{\"items\": [" + READING_ITEM + "], \"page\": 2, \"size\": 50, \"pages\": 2}");

        List<String> ids = dcycle.fileReadings().list().stream().map(FileReadingListItem::getId).toList();

        assertEquals(List.of(FOLDER_ID, FILE_ID), ids);
        api.verify(2, getRequestedFor(urlPathEqualTo(READINGS)));
    }

    @Test
    void listReadingsFollowsPageTwoWhileTheTotalIsAboveWhatWasRead() {
        String folder = "{\"id\": \"%s\", \"name\": \"Q1 invoices\"}".formatted(FOLDER_ID);
        stubPage(READINGS, 1, "{\"items\": [" + folder + "], \"total\": 2, \"page\": 1, \"size\": 50}");
        stubPage(READINGS, 2, "{\"items\": [" + READING_ITEM + "], \"total\": 2, \"page\": 2, \"size\": 50}");

        PagedIterable<FileReadingListItem> readings = dcycle.fileReadings().list();
        List<String> ids = readings.stream().map(FileReadingListItem::getId).toList();

        assertEquals(List.of(FOLDER_ID, FILE_ID), ids);
        assertEquals(OptionalLong.of(2), readings.totalItems());
        api.verify(2, getRequestedFor(urlPathEqualTo(READINGS)));
    }
}
