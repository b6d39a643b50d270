package com.docsdk.fileai;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.paging.PagedIterable;
import com.docsdk.fileai.model.AiSchema;
import com.docsdk.fileai.model.FileInfo;
import com.docsdk.fileai.model.FormValues;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every paginator of the fileAI module, against pages that are short although {@code count} (the total over all
 * pages, see {@code x-docsdk-paging} in openapi/fileai.yaml) announces more: the later page is requested and its items
 * returned. And the sync never moves its checkpoint past files it has not seen.
 */
class ShortPagePagingTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FileAiClient client = FileAiClient.builder().apiKey("test-key").baseUrl(wm.baseUrl()).build();

    @AfterEach
    void close() {
        client.close();
    }

    private static String file(String id) {
        return Examples.FILE.replace(Examples.FILE_ID, id);
    }

    private static String filesPage(int page, long count, String... ids) {
        List<String> files = new ArrayList<>();
        for (String id : ids) {
            files.add(file(id));
        }
        return "{\"files\": [" + String.join(",", files) + "], \"count\": " + count + ", \"currentPage\": " + page
                + "}";
    }

    private static void stubFilesPage(int page, String body) {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).withQueryParam("page", equalTo(String.valueOf(page)))
                .willReturn(okJson(body)));
    }

    @Test
    void listFilesAsksForPageTwoWhenPageOneIsShortButCountSaysThree() {
        stubFilesPage(1, filesPage(1, 3, "f1", "f2"));
        stubFilesPage(2, filesPage(2, 3, "f3"));

        PagedIterable<FileInfo> files = client.files().list();
        List<String> ids = files.stream().map(FileInfo::getFileId).toList();

        assertEquals(List.of("f1", "f2", "f3"), ids);
        assertEquals(OptionalLong.of(3), files.totalItems());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/prod/v1/files")).withQueryParam("page", equalTo("2"))
                .withQueryParam("limit", equalTo("100")));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/prod/v1/files")));
    }

    @Test
    void fileValuesAsksForTheNextPageWhileValuesCountSaysMore() {
        String first = Examples.FILE_VALUES.replace("\"count\": 1", "\"count\": 2");
        String second = first.replaceFirst("\"id\": \"67ea5f20650d2fb5e33c1ffb\"", "\"id\": \"second\"");
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files/f1/values")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(first)));
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files/f1/values")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(second)));

        List<String> ids = client.files().listValues("f1").stream().map(FormValues::getId).toList();

        assertEquals(List.of("67ea5f20650d2fb5e33c1ffb", "second"), ids);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/prod/v1/files/f1/values")));
    }

    @Test
    void listSchemasAsksForTheNextPageWhileCountSaysMore() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/schemas")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(Examples.SCHEMAS.replace("\"count\": 1", "\"count\": 2"))));
        wm.stubFor(get(urlPathEqualTo("/prod/v1/schemas")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(Examples.SCHEMAS.replace("\"count\": 1", "\"count\": 2")
                        .replace("\"id\": \"5f5f726eea75272d54e1e1e1\"", "\"id\": \"second\""))));

        PagedIterable<AiSchema> schemas = client.schemas().list();
        List<String> ids = schemas.stream().map(AiSchema::getId).toList();

        assertEquals(List.of("5f5f726eea75272d54e1e1e1", "second"), ids);
        assertEquals(OptionalLong.of(2), schemas.totalItems());
        wm.verify(2, getRequestedFor(urlPathEqualTo("/prod/v1/schemas")));
    }

    private static void stubReports() {
        wm.stubFor(patch(urlPathMatching("/prod/v1/files/[^/]+")).willReturn(okJson(Examples.EXPORT_STATUS_UPDATED)));
    }

    @Test
    void syncExportsExportsTheFileOnTheSecondPageAndThenMovesTheCheckpoint() {
        stubFilesPage(1, filesPage(1, 3, "f1", "f2"));
        stubFilesPage(2, filesPage(2, 3, "f3"));
        stubReports();
        List<String> handed = new ArrayList<>();
        ExportCheckpointStore store = ExportCheckpointStore.inMemory();

        ExportSyncResult result = client.syncExports(store, file -> {
            handed.add(file.getFileId());
            return ExportOutcome.completed("imported");
        });

        assertEquals(List.of("f1", "f2", "f3"), handed);
        assertEquals(List.of("f1", "f2", "f3"), result.completed());
        wm.verify(1, patchRequestedFor(urlPathEqualTo("/prod/v1/files/f3")).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("\"completed\"")));
        assertTrue(result.watermark().isPresent(), "a complete listing moves the watermark");
    }

    @Test
    void syncExportsKeepsItsWatermarkWhenTheListingEndsBeforeTheAnnouncedCount() {
        Instant before = Instant.parse("2025-05-01T00:00:00Z");
        ExportCheckpointStore store = ExportCheckpointStore.inMemory();
        store.write("{\"format\": 1, \"watermark\": \"" + before + "\"}");
        stubFilesPage(1, filesPage(1, 3, "f1", "f2"));
        stubFilesPage(2, filesPage(2, 3)); // the third file is announced but never delivered
        stubReports();

        ExportSyncResult result = client.syncExports(store, file -> ExportOutcome.completed("imported"));

        assertEquals(List.of("f1", "f2"), result.completed());
        assertEquals(Optional.of(before), result.watermark());
        assertEquals(Optional.of(before), ExportCheckpoint.fromJson(store.read().orElseThrow()).watermark(),
                "the saved checkpoint does not move past the file it has not seen");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/prod/v1/files")).withQueryParam("page", equalTo("2"))
                .withQueryParam("updatedAfter", equalTo("2025-05-01T00:00:00.000Z")));
    }
}
