package com.docsdk.dcycle;

import static com.docsdk.dcycle.DcycleTesting.API_KEY;
import static com.docsdk.dcycle.DcycleTesting.FILE_ID;
import static com.docsdk.dcycle.DcycleTesting.FILE_ID_2;
import static com.docsdk.dcycle.DcycleTesting.ORG_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkResponse;
import com.docsdk.dcycle.model.FileEventDetail;
import com.docsdk.dcycle.model.FileEventRequest;
import com.docsdk.dcycle.model.FilePage;
import com.docsdk.dcycle.model.FileRecord;
import com.docsdk.dcycle.service.FilesService;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** File records: lazy listing over page/size, get, soft-delete, recover, re-processing, download. */
class FilesTest {
    @RegisterExtension
    static WireMockExtension api = DcycleTesting.wireMock();
    @RegisterExtension
    static WireMockExtension storage = DcycleTesting.wireMock();

    @TempDir
    Path dir;

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

    /** The spec's {@code FileRecord} example, with a chosen id and URL. */
    private static String file(String id, String url) {
        return """
                {"id": "%s", "name": "water-invoice-2024-03", "extension": "pdf", "mime_type": "application/pdf",
                 "size_kb": 245, "status": "uploaded", "url": "%s"}""".formatted(id, url);
    }

    private static String file(String id) {
        return file(id, "https://dcycle-files.s3.eu-west-1.amazonaws.com/org/" + id + "/water-invoice-2024-03.pdf");
    }

    @Test
    void listFilesIsLazyAndWalksEveryPage() {
        api.stubFor(get(urlPathEqualTo("/v1/files")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(DcycleTesting.page(1, 2, 2, 3, file(FILE_ID), file(FILE_ID_2)))));
        api.stubFor(get(urlPathEqualTo("/v1/files")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(DcycleTesting.page(2, 2, 2, 3, file("c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f")))));

        var files = dcycle.files().list(FilesService.ListParams.builder().size(2).build(), RequestOptions.none());
        assertEquals(0, api.getAllServeEvents().size(), "nothing is fetched before iterating");

        Iterator<FileRecord> it = files.iterator();
        assertEquals(FILE_ID, it.next().getId());
        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/files")));
        List<String> ids = files.stream().map(FileRecord::getId).toList();

        assertEquals(List.of(FILE_ID, FILE_ID_2, "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"), ids);
        api.verify(getRequestedFor(urlPathEqualTo("/v1/files")).withQueryParam("page", equalTo("2"))
                .withQueryParam("size", equalTo("2"))
                .withHeader("x-api-key", equalTo(API_KEY)).withHeader("x-organization-id", equalTo(ORG_ID)));
    }

    @Test
    void listFilesAlwaysSendsThePageSizeTheSpecDefaults() {
        // the page size is sent even when not chosen, so that a short page means what the walk assumes
        api.stubFor(get(urlPathEqualTo("/v1/files")).willReturn(okJson(DcycleTesting.page(1, 50, 1, 1,
                file(FILE_ID)))));

        assertEquals(1, dcycle.files().list().stream().count());

        api.verify(1, getRequestedFor(urlPathEqualTo("/v1/files")).withQueryParam("page", equalTo("1"))
                .withQueryParam("size", equalTo("50")));
    }

    @Test
    void onePageWithItsEnvelopeAndHeaders() {
        api.stubFor(get(urlPathEqualTo("/v1/files")).willReturn(okJson(DcycleTesting.page(3, 10, 5, 42,
                file(FILE_ID))).withHeader("x-request-id", "req-7")));

        SdkResponse<FilePage> r = dcycle.files().withRawResponse().list(FilesService.ListParams.builder().page(3)
                .size(10).build(), RequestOptions.none());

        assertEquals(42L, r.value().getTotal());
        assertEquals(5, r.value().getPages());
        assertEquals("req-7", r.requestId().orElseThrow());
        api.verify(getRequestedFor(urlPathEqualTo("/v1/files")).withQueryParam("page", equalTo("3"))
                .withQueryParam("size", equalTo("10")));
    }

    @Test
    void getFileReturnsTheDocumentedRecord() {
        api.stubFor(get(urlPathEqualTo("/v1/files/" + FILE_ID)).willReturn(okJson(file(FILE_ID))));

        FileRecord f = dcycle.files().get(FILE_ID);

        assertEquals("water-invoice-2024-03", f.getName());
        assertEquals("pdf", f.getExtension());
        assertEquals("application/pdf", f.getMimeType());
        assertEquals(245, f.getSizeKb());
        assertEquals("uploaded", f.getStatus());
    }

    @Test
    void deleteIsASoftDeleteAndRecoverRestores() {
        api.stubFor(delete(urlPathEqualTo("/v1/files/" + FILE_ID)).willReturn(aResponse().withStatus(204)));
        api.stubFor(put(urlPathEqualTo("/v1/files/" + FILE_ID + "/recover")).willReturn(okJson("{}")));

        dcycle.files().delete(FILE_ID);
        dcycle.files().recover(FILE_ID);

        api.verify(1, deleteRequestedFor(urlPathEqualTo("/v1/files/" + FILE_ID))
                .withHeader("x-organization-id", equalTo(ORG_ID)));
        api.verify(1, putRequestedFor(urlPathEqualTo("/v1/files/" + FILE_ID + "/recover")));
    }

    @Test
    void reprocessSendsTheDocumentedProcessDocumentEvent() {
        api.stubFor(post(urlPathEqualTo("/v1/files/send-event")).willReturn(okJson("true")));

        assertTrue(dcycle.files().sendEvent(new FileEventRequest().eventType(DcycleClient.PROCESS_DOCUMENT)
                .detail(new FileEventDetail().fileId(FILE_ID))));

        api.verify(postRequestedFor(urlPathEqualTo("/v1/files/send-event")).withRequestBody(equalToJson("""
                {"event_type": "PROCESS_DOCUMENT", "detail": {"file_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a"}}
                """)));
    }

    @Test
    void downloadFileFetchesTheRecordsUrlWithoutDcycleCredentials() throws IOException {
        byte[] content = "%PDF-1.7 stored".getBytes(StandardCharsets.US_ASCII);
        api.stubFor(get(urlPathEqualTo("/v1/files/" + FILE_ID)).willReturn(okJson(file(FILE_ID,
                storage.baseUrl() + "/org/" + FILE_ID + "/water-invoice-2024-03.pdf"))));
        storage.stubFor(get(urlPathEqualTo("/org/" + FILE_ID + "/water-invoice-2024-03.pdf"))
                .willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(content)));
        Path target = dir.resolve("downloaded.pdf");

        DownloadResult result = dcycle.downloadFile(FILE_ID, target);

        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(content.length, result.bytes());
        storage.verify(getRequestedFor(urlPathEqualTo("/org/" + FILE_ID + "/water-invoice-2024-03.pdf"))
                .withHeader("x-api-key", absent()).withHeader("x-organization-id", absent()));
    }
}
