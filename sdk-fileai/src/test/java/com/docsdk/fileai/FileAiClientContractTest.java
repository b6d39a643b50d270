package com.docsdk.fileai;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.wait.WaitFailedException;
import com.docsdk.core.wait.WaitTimeoutException;
import com.docsdk.fileai.model.AiSchema;
import com.docsdk.fileai.model.FileExportStatusUpdateResult;
import com.docsdk.fileai.model.FileInfo;
import com.docsdk.fileai.model.FileList;
import com.docsdk.fileai.service.FilesService;
import com.docsdk.fileai.model.FormValues;
import com.docsdk.fileai.model.IntegrationExportStatus;
import com.docsdk.testkit.OpenApiContract;
import com.docsdk.testkit.TestClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every operation of the facade against WireMock serving fileAI's documented examples; after each test every request
 * sent to the API is checked against openapi/fileai.yaml. A second WireMock server plays the storage host of the
 * presigned URLs (another origin: the API key must never reach it).
 */
class FileAiClientContractTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("fileai");

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension storage = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;

    private final List<Duration> slept = new ArrayList<>();
    private final TestClock clock = TestClock.at(Instant.parse("2025-06-11T10:30:00Z"));
    private FileAiClient client;

    @BeforeEach
    void setUp() {
        client = FileAiClient.builder().apiKey("test-key").baseUrl(wm.baseUrl()).clock(clock)
                .sleeper(d -> {
                    slept.add(d);
                    clock.advance(d);
                })
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        CONTRACT.assertRequestsMatch(wm);
    }

    // ---------------------------------------------------------------- list files

    @Test
    void listFilesSendsEveryFilterAndReadsTheDocumentedExample() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson(Examples.LIST_FILES)));
        FilesService.ListParams query = FilesService.ListParams.builder().fileIds("649e2d2d2d2d2d2d2d2d2d2d")
                .updatedAfter(OffsetDateTime.parse("2025-01-01T00:00:00.000Z"))
                .createdAfter(OffsetDateTime.parse("2024-12-01T10:15:30.250Z"))
                .sortBy("updatedAt").sortOrder("DESC").limit(50).page(2).build();

        FileList page = client.files().listPage(query, RequestOptions.none());

        FileInfo file = page.getFiles().get(0);
        assertEquals(Examples.FILE_ID, file.getFileId());
        assertEquals("Receipt", file.getFileClass());
        assertEquals(261928L, file.getFileSize());
        assertEquals(OffsetDateTime.parse("2025-05-27T12:14:24.258Z"), file.getUpdatedAt());
        assertNull(file.getDuplicateToFileId());
        assertEquals(1L, page.getCount());
        wm.verify(getRequestedFor(urlPathEqualTo("/prod/v1/files"))
                .withHeader("x-api-key", equalTo("test-key"))
                .withQueryParam("fileIds", equalTo("649e2d2d2d2d2d2d2d2d2d2d"))
                .withQueryParam("updatedAfter", equalTo("2025-01-01T00:00:00.000Z"))
                .withQueryParam("createdAfter", equalTo("2024-12-01T10:15:30.250Z"))
                .withQueryParam("sortBy", equalTo("updatedAt"))
                .withQueryParam("sortOrder", equalTo("DESC"))
                .withQueryParam("page", equalTo("2"))
                .withQueryParam("limit", equalTo("50")));
    }

    @Test
    void severalFileIdsAreSentAsTheJsonArrayGiven() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson(Examples.LIST_FILES)));

        client.files().listPage(FilesService.ListParams.builder().fileIds("[\"id1\",\"id2\"]").build(),
                RequestOptions.none());

        wm.verify(getRequestedFor(urlPathEqualTo("/prod/v1/files"))
                .withQueryParam("fileIds", equalTo("[\"id1\",\"id2\"]"))
                .withQueryParam("updatedAfter", absent()));
    }

    @Test
    void listFilesWalksEveryPageLazily() {
        String two = "{\"files\": [" + Examples.FILE + "," + Examples.FILE.replace(Examples.FILE_ID, "second")
                + "], \"count\": 3, \"currentPage\": 1}";
        String last = "{\"files\": [" + Examples.FILE.replace(Examples.FILE_ID, "third")
                + "], \"count\": 3, \"currentPage\": 2}";
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).withQueryParam("page", equalTo("1")).willReturn(okJson(two)));
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(last)));
        FilesService.ListParams query = FilesService.ListParams.builder().limit(2).build();

        assertEquals(Examples.FILE_ID, client.files().list(query, RequestOptions.none()).stream().findFirst()
                .orElseThrow().getFileId());
        assertEquals(1, wm.getAllServeEvents().size(), "the first item needs the first page only");

        List<String> ids = client.files().list(query, RequestOptions.none()).stream().map(FileInfo::getFileId)
                .toList();
        assertEquals(List.of(Examples.FILE_ID, "second", "third"), ids);
        assertEquals(3, wm.getAllServeEvents().size(), "a short page is the last");
    }

    @Test
    void findFileListsByIdAndIsEmptyWhenNothingMatches() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).withQueryParam("fileIds", equalTo(Examples.FILE_ID))
                .willReturn(okJson(Examples.LIST_FILES)));
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).withQueryParam("fileIds", equalTo("missing"))
                .willReturn(okJson("{\"files\": [], \"count\": 0, \"currentPage\": 1}")));

        assertEquals("file1.jpg", client.findFile(Examples.FILE_ID).orElseThrow().getFileName());
        assertEquals(Optional.empty(), client.findFile("missing"));
    }

    // ---------------------------------------------------------------- export status

    @Test
    void updateExportStatusSendsTheDocumentedBodyAndReturnsTheExportInfo() {
        stubPatch(Examples.EXPORT_STATUS_UPDATED);

        FileExportStatusUpdateResult result = client.files().updateExportStatus(Examples.FILE_ID,
                Examples.report(IntegrationExportStatus.COMPLETED, "Successfully synced to ERP system"));

        assertEquals(Examples.FILE_ID, result.getFileId());
        assertEquals(IntegrationExportStatus.COMPLETED, result.getExportInfo().getIntegrationExportStatus());
        assertEquals(List.of("Successfully synced to ERP system"),
                result.getExportInfo().getIntegrationExportMessages());
        assertEquals(OffsetDateTime.parse("2025-01-26T14:30:00.000Z"),
                result.getExportInfo().getIntegrationExportUpdatedAt());
        verifyPatchBody("""
                {"integrationExportStatus": "completed",
                 "integrationExportMessages": ["Successfully synced to ERP system"]}""");
    }

    @Test
    void anErrorReportSendsTheDocumentedErrorExample() {
        stubPatch(Examples.EXPORT_STATUS_UPDATED.replace("\"completed\"", "\"error\""));

        FileExportStatusUpdateResult result = client.files().updateExportStatus(Examples.FILE_ID,
                Examples.report(IntegrationExportStatus.ERROR,
                        "Validation error: Missing required field 'invoice_number'",
                        "Please check the document and retry"));

        assertEquals(IntegrationExportStatus.ERROR, result.getExportInfo().getIntegrationExportStatus());
        verifyPatchBody("""
                {"integrationExportStatus": "error", "integrationExportMessages":
                 ["Validation error: Missing required field 'invoice_number'", "Please check the document and retry"]}""");
    }

    @Test
    void markExportingAndClearSendTheirStatuses() {
        stubPatch(Examples.EXPORT_STATUS_UPDATED);

        client.files().updateExportStatus(Examples.FILE_ID,
                Examples.report(IntegrationExportStatus.EXPORTING, "Queued for processing"));
        verifyPatchBody("""
                {"integrationExportStatus": "exporting", "integrationExportMessages": ["Queued for processing"]}""");

        wm.resetRequests();
        client.files().updateExportStatus(Examples.FILE_ID, Examples.report(com.docsdk.fileai.model.IntegrationExportStatus.EMPTY));
        verifyPatchBody("{\"integrationExportStatus\": \"empty\"}");
    }

    @Test
    void theRawResponseViewGivesTheExchange() {
        wm.stubFor(patch(urlPathEqualTo("/prod/v1/files/" + Examples.FILE_ID)).willReturn(okJson(
                Examples.EXPORT_STATUS_UPDATED).withHeader("x-amzn-RequestId", "req-42")));

        SdkResponse<FileExportStatusUpdateResult> r = client.files().withRawResponse().updateExportStatus(
                Examples.FILE_ID, Examples.report(IntegrationExportStatus.COMPLETED, "Successfully imported to SAP"),
                RequestOptions.builder().header("X-Trace", "t-1").build());

        assertEquals(200, r.statusCode());
        assertEquals(Optional.of("req-42"), r.requestId());
        assertEquals(Examples.FILE_ID, r.value().getFileId());
        wm.verify(patchRequestedFor(urlPathEqualTo("/prod/v1/files/" + Examples.FILE_ID))
                .withHeader("X-Trace", equalTo("t-1")));
    }

    private void stubPatch(String body) {
        wm.stubFor(patch(urlPathEqualTo("/prod/v1/files/" + Examples.FILE_ID)).willReturn(okJson(body)));
    }

    private void verifyPatchBody(String json) {
        wm.verify(patchRequestedFor(urlPathEqualTo("/prod/v1/files/" + Examples.FILE_ID))
                .withHeader("x-api-key", equalTo("test-key"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson(json)));
    }

    // ---------------------------------------------------------------- values, schemas, previews

    @Test
    void fileValuesReadsTheDocumentedExampleAndAsksForFullTables() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files/" + Examples.FILE_ID + "/values"))
                .willReturn(okJson(Examples.FILE_VALUES)));

        List<FormValues> values = client.files().listValues(Examples.FILE_ID,
                FilesService.ListValuesParams.builder().includeFullTableData(true).build(), RequestOptions.none())
                .stream().toList();

        assertEquals(1, values.size());
        assertEquals("Degree", values.get(0).getFields().get(0).getTitle());
        assertEquals("Bachelor of Mathematics", values.get(0).getFields().get(0).getValue());
        assertEquals("67ea5f07650d2fb5e33c1ff4", values.get(0).getMetadata().getWorkspaceId());
        assertNull(values.get(0).getLanguageCode());
        wm.verify(getRequestedFor(urlPathEqualTo("/prod/v1/files/" + Examples.FILE_ID + "/values"))
                .withQueryParam("page", equalTo("1")).withQueryParam("limit", absent())
                .withQueryParam("includeFullTableData", equalTo("true")));
        assertEquals(1, wm.getAllServeEvents().size(), "a short page is the last");

        wm.resetRequests();
        client.files().listValuesPage(Examples.FILE_ID, FilesService.ListValuesParams.builder().page(3).limit(10)
                .build(), RequestOptions.none());
        wm.verify(getRequestedFor(urlPathEqualTo("/prod/v1/files/" + Examples.FILE_ID + "/values"))
                .withQueryParam("page", equalTo("3")).withQueryParam("limit", equalTo("10"))
                .withQueryParam("includeFullTableData", absent()));
    }

    @Test
    void listSchemasReadsTheDocumentedExample() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/schemas")).willReturn(okJson(Examples.SCHEMAS)));

        List<AiSchema> schemas = client.schemas().list().stream().toList();

        assertEquals(1, schemas.size());
        AiSchema s = schemas.get(0);
        assertEquals("5f5f726eea75272d54e1e1e1", s.getId());
        assertEquals(AiSchema.StateEnum.ACTIVE, s.getState());
        assertEquals(AiSchema.SchemaTypeEnum.SYSTEM, s.getSchemaType());
        assertEquals(1, s.getSchemaHistoryVersionNumber());
        assertEquals("5f5f726eea75272d54e1e1e2", s.getFields().get(0).getId());
        wm.verify(getRequestedFor(urlPathEqualTo("/prod/v1/schemas")).withQueryParam("page", equalTo("1")));
    }

    @Test
    void createPreviewAndDownloadThroughTheSignedUrlWithoutTheApiKey() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/prod/v1/files/preview")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(Examples.preview(storage.baseUrl()))));
        storage.stubFor(get(urlPathEqualTo("/bucket/upload/file.txt")).willReturn(aResponse()
                .withHeader("Content-Type", "text/plain").withBody("hello fileAI")));

        assertTrue(client.files().createPreview(new com.docsdk.fileai.model.FilePreviewRequest().s3Path("s3://orion.com/649e2d2d2d2d2d2d2d2d2d2d")).getSignedUrl()
                .startsWith(storage.baseUrl()));
        Path target = dir.resolve("preview.txt");
        DownloadResult result = client.downloadPreview("s3://orion.com/649e2d2d2d2d2d2d2d2d2d2d", target);

        assertEquals("hello fileAI", Files.readString(target));
        assertEquals(12, result.bytes());
        wm.verify(2, postRequestedFor(urlPathEqualTo("/prod/v1/files/preview"))
                .withRequestBody(equalToJson("{\"s3Path\": \"s3://orion.com/649e2d2d2d2d2d2d2d2d2d2d\"}")));
        storage.verify(getRequestedFor(urlPathEqualTo("/bucket/upload/file.txt")).withHeader("x-api-key", absent()));
    }

    // ---------------------------------------------------------------- uploads

    private void stubUploadRequest() {
        wm.stubFor(post(urlPathEqualTo("/prod/v1/files/upload")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(Examples.uploadResponse(storage.baseUrl()))));
        storage.stubFor(put(urlPathEqualTo("/bucket/upload/file.txt")).willReturn(aResponse().withStatus(200)
                .withHeader("ETag", "\"abc\"")));
    }

    @Test
    void uploadAsksForAPresignedUrlThenPutsTheBytesWithTheDeclaredType() throws Exception {
        stubUploadRequest();
        Path pdf = dir.resolve("scan.bin");
        byte[] bytes = "%PDF-1.7 fake".getBytes(StandardCharsets.US_ASCII);
        Files.write(pdf, bytes);
        List<Long> progress = new ArrayList<>();

        UploadReceipt receipt = client.upload(FileUpload.file(pdf).fileName("document.pdf")
                .fileType("application/pdf").split(false).splitExcel(false)
                .callbackUrl("https://example.com/callback").ocrModel("Beethoven_ENG_O5.6").schemaLocking(true)
                .directoryId("649e2d2d2d2d2d2d2d2d2d2d").ephemeral(false).pageCount(50)
                .apiRequestId("my-batch-request-123").progress((sent, total) -> progress.add(sent)).build());

        assertEquals(Examples.UPLOAD_ID, receipt.uploadId());
        assertEquals(Optional.of("s3://bucket/upload/file.txt"), receipt.s3Path());
        assertEquals(bytes.length, receipt.bytes());
        assertEquals((long) bytes.length, progress.get(progress.size() - 1));
        assertFalse(receipt.toString().contains("AWSAccessKeyId"), "the presigned URL is not printed");
        wm.verify(postRequestedFor(urlPathEqualTo("/prod/v1/files/upload"))
                .withRequestBody(equalToJson(Examples.UPLOAD_REQUEST)));
        storage.verify(putRequestedFor(urlPathEqualTo("/bucket/upload/file.txt"))
                .withQueryParam("AWSAccessKeyId", equalTo("AKIAIOSFODNN7EXAMPLE"))
                .withHeader("Content-Type", equalTo("application/pdf"))
                .withHeader("x-api-key", absent())
                .withRequestBody(binaryEqualTo(bytes)));
    }

    @Test
    void aZipStreamIsUploadedWithItsMinimalDocumentedRequest() {
        stubUploadRequest();
        byte[] zip = {0x50, 0x4b, 0x03, 0x04, 1, 2, 3};

        FileUpload upload = FileUpload.stream("documents.zip", () -> new ByteArrayInputStream(zip), zip.length)
                .apiRequestId("my-batch-request-123").build();
        client.upload(upload);

        assertTrue(upload.isZip());
        wm.verify(postRequestedFor(urlPathEqualTo("/prod/v1/files/upload")).withRequestBody(equalToJson("""
                {"fileName": "documents.zip", "fileType": "application/zip", "apiRequestId": "my-batch-request-123"}
                """)));
        storage.verify(putRequestedFor(urlPathEqualTo("/bucket/upload/file.txt"))
                .withHeader("Content-Type", equalTo("application/zip")).withRequestBody(binaryEqualTo(zip)));
    }

    @Test
    void uploadProgressReadsTheDocumentedExample() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/uploads/" + Examples.UPLOAD_ID))
                .willReturn(okJson(Examples.UPLOAD_STATUS)));

        UploadProgress p = client.uploadProgress(Examples.UPLOAD_ID);

        assertEquals(UploadState.PROCESSING, p.state(), "processing_finished has not been reported yet");
        assertEquals("fraud_detection", p.lastStep().orElseThrow().getStep());
        assertEquals(2, p.steps().size());
        assertEquals(List.of(Examples.FILE_ID), p.fileIds());
        assertFalse(p.isZip());
        assertFalse(p.isPartialZipResult());
    }

    @Test
    void aPartialZipResultIs207WithPerFileStatuses() {
        String zip = """
                {
                  "statuses": [{"status": "completed", "step": "file_uploaded", "timestamp": "2025-06-11T10:30:00Z"}],
                  "files": [
                    {"uploadId": "u-1", "fileName": "a.pdf",
                     "statuses": [{"status": "completed", "step": "processing_finished",
                                   "timestamp": "2025-06-11T10:32:00Z"}],
                     "files": [%s]},
                    {"uploadId": "u-2", "fileName": "b.pdf",
                     "statuses": [{"status": "failed", "step": "beethoven_ocr", "timestamp": "2025-06-11T10:31:00Z"}],
                     "files": []}
                  ]
                }""".formatted(Examples.FILE);
        wm.stubFor(get(urlPathEqualTo("/prod/v1/uploads/" + Examples.UPLOAD_ID)).willReturn(aResponse()
                .withStatus(207).withHeader("Content-Type", "application/json").withBody(zip)));

        UploadProgress p = client.awaitUpload(Examples.UPLOAD_ID);

        assertEquals(207, p.statusCode());
        assertTrue(p.isPartialZipResult());
        assertTrue(p.isZip());
        assertEquals(UploadState.PARTIALLY_FAILED, p.state());
        assertEquals(List.of(Examples.FILE_ID), p.fileIds());
        assertEquals(List.of("b.pdf: step beethoven_ocr failed"), p.failureMessages());
    }

    @Test
    void awaitUploadPollsUntilProcessingFinishes() {
        String url = "/prod/v1/uploads/" + Examples.UPLOAD_ID;
        wm.stubFor(get(urlPathEqualTo(url)).inScenario("upload").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(Examples.UPLOAD_STATUS)).willSetStateTo("second"));
        wm.stubFor(get(urlPathEqualTo(url)).inScenario("upload").whenScenarioStateIs("second")
                .willReturn(okJson(Examples.UPLOAD_STATUS)).willSetStateTo("done"));
        wm.stubFor(get(urlPathEqualTo(url)).inScenario("upload").whenScenarioStateIs("done")
                .willReturn(okJson(Examples.UPLOAD_FINISHED)));

        UploadProgress done = client.awaitUpload(Examples.UPLOAD_ID, PollOptions.builder()
                .interval(Duration.ofSeconds(2)).backoffMultiplier(1.0).maxInterval(Duration.ofSeconds(2)).build());

        assertEquals(UploadState.FINISHED, done.state());
        assertEquals(List.of(Examples.FILE_ID), done.fileIds());
        assertEquals(3, wm.getAllServeEvents().size());
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(2)), slept);
    }

    @Test
    void awaitUploadThrowsWithTheFailedStepWhenProcessingFails() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/uploads/" + Examples.UPLOAD_ID)).willReturn(okJson("""
                {"statuses": [{"status": "completed", "step": "processing_started", "timestamp": "2025-06-11T10:30:30Z"},
                              {"status": "failed", "step": "fraud_detection", "timestamp": "2025-06-11T10:31:00Z"}],
                 "files": []}""")));

        WaitFailedException e = assertThrows(WaitFailedException.class, () -> client.awaitUpload(Examples.UPLOAD_ID));

        assertEquals(List.of("step fraud_detection failed"), e.messages());
        assertEquals(UploadState.FAILED, ((UploadProgress) e.resource()).state());
    }

    @Test
    void awaitUploadGivesUpAfterItsTimeout() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/uploads/" + Examples.UPLOAD_ID))
                .willReturn(okJson(Examples.UPLOAD_STATUS)));

        assertThrows(WaitTimeoutException.class, () -> client.awaitUpload(Examples.UPLOAD_ID,
                PollOptions.builder().timeout(Duration.ofSeconds(10)).build()));
        assertTrue(wm.getAllServeEvents().size() > 1);
    }

    @Test
    void uploadAndAwaitChainsTheUploadAndTheWait() throws Exception {
        stubUploadRequest();
        wm.stubFor(get(urlPathEqualTo("/prod/v1/uploads/" + Examples.UPLOAD_ID))
                .willReturn(okJson(Examples.UPLOAD_FINISHED)));
        Path png = dir.resolve("receipt.png");
        Files.write(png, new byte[] {1, 2, 3});

        UploadProgress done = client.uploadAndAwait(FileUpload.file(png).build(), PollOptions.defaults());

        assertEquals(UploadState.FINISHED, done.state());
        wm.verify(postRequestedFor(urlPathEqualTo("/prod/v1/files/upload")).withRequestBody(equalToJson(
                "{\"fileName\": \"receipt.png\", \"fileType\": \"image/png\"}")));
        storage.verify(putRequestedFor(urlPathEqualTo("/bucket/upload/file.txt"))
                .withHeader("Content-Type", equalTo("image/png")));
    }
}
