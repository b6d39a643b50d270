package com.docsdk.smartdocumentor;

import static com.docsdk.smartdocumentor.Fixtures.EXPORT_DATA_EXAMPLE;
import static com.docsdk.smartdocumentor.Fixtures.EXPORT_PATH_PREFIX;
import static com.docsdk.smartdocumentor.Fixtures.EXTERNAL_STATUS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.PATCH_BODY_EXAMPLE;
import static com.docsdk.smartdocumentor.Fixtures.PROCESS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.REPROCESS_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.error.TransportException;
import com.docsdk.smartdocumentor.model.CreateTaskRequest;
import com.docsdk.smartdocumentor.model.CreateTaskResponse;
import com.docsdk.smartdocumentor.model.ExportDataResponse;
import com.docsdk.smartdocumentor.model.ExportEntity;
import com.docsdk.smartdocumentor.model.PatchExternalIntegrationStatusRequest;
import com.docsdk.smartdocumentor.model.TaskContext;
import com.docsdk.smartdocumentor.service.TasksService;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Creating, marking, reprocessing and exporting tasks; every request checked against the spec. */
class TaskOperationsContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String FILE_PATH = "/storage/invoice-0001.pdf";

    private SmartDocumentorClient client;

    @BeforeEach
    void setUp() {
        client = Fixtures.client(wm);
    }

    @AfterEach
    void tearDown() {
        client.close();
        // The simulated storage host is not the vendor's API.
        Fixtures.contract().assertRequestsMatch(wm, r -> !r.getUrl().startsWith("/storage/"));
    }

    @Test
    void createsATaskWithExternalIdAndMetadata() {
        wm.stubFor(post(urlPathEqualTo(PROCESS_PATH)).willReturn(okJson("""
                {"taskId": 104, "workspaceId": 1, "externalId": "erp-invoice-0001", "displayName": "Invoice 0001",
                 "taskStatus": 30, "taskStatusText": "QueuedForPreProcessing", "queuePosition": 3}
                """)));

        CreateTaskResponse created = client.tasks().create(new CreateTaskRequest()
                .displayName("Invoice 0001")
                .description("Supplier invoice received by e-mail")
                .workspaceId(1L)
                .priority(1)
                .externalId("erp-invoice-0001")
                .putMetadataItem("source", "erp")
                .context(new TaskContext().url("https://example.com/files/invoice-0001.pdf")));

        assertEquals(104L, created.getTaskId());
        assertEquals(TaskStatus.QUEUED_FOR_PRE_PROCESSING, TaskStatus.from(created).orElseThrow());
        assertEquals(3.0, ((Number) created.getAdditionalProperty("queuePosition")).doubleValue());
        wm.verify(postRequestedFor(urlPathEqualTo(PROCESS_PATH)).withRequestBody(equalToJson("""
                {"displayName": "Invoice 0001", "description": "Supplier invoice received by e-mail",
                 "workspaceId": 1, "priority": 1, "externalId": "erp-invoice-0001",
                 "metadata": {"source": "erp"},
                 "context": {"url": "https://example.com/files/invoice-0001.pdf"}}
                """)));
    }

    @Test
    void aCreateResponseWithoutBodyOrWithABareIdStillParses() {
        wm.stubFor(post(urlPathEqualTo(PROCESS_PATH)).willReturn(aResponse().withStatus(200)));
        CreateTaskRequest minimal = new CreateTaskRequest().context(new TaskContext().url("https://example.com/a.pdf"));

        CreateTaskResponse empty = client.tasks().create(minimal);
        assertNull(empty.getTaskId());

        wm.stubFor(post(urlPathEqualTo(PROCESS_PATH)).willReturn(okJson("12345")));
        assertEquals(12345L, client.tasks().create(minimal).getTaskId());
    }

    @Test
    void createIsNotRetriedAfterAnIoFailure() {
        wm.stubFor(post(urlPathEqualTo(PROCESS_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThrows(TransportException.class, () -> client.tasks().create(
                new CreateTaskRequest().context(new TaskContext().url("https://example.com/a.pdf"))));
        assertEquals(1, wm.getAllServeEvents().size(), "a task must not be created twice");
    }

    @Test
    void setsTheExternalIntegrationStatusByTaskIdWithTheDocumentedBody() {
        wm.stubFor(patch(urlPathEqualTo(EXTERNAL_STATUS_PATH)).willReturn(aResponse().withStatus(200)));

        Fixtures.mark(client, 1234, "my-custom-status");

        wm.verify(patchRequestedFor(urlPathEqualTo(EXTERNAL_STATUS_PATH))
                .withQueryParam("taskId", equalTo("1234"))
                .withQueryParam("externalId", absent())
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson(PATCH_BODY_EXAMPLE)));
    }

    @Test
    void setsTheExternalIntegrationStatusByExternalIdWithAThirtyTwoCharacterValue() {
        wm.stubFor(patch(urlPathEqualTo(EXTERNAL_STATUS_PATH)).willReturn(aResponse().withStatus(200)));
        String longest = "x".repeat(32);

        client.tasks().updateExternalIntegrationStatus(
                new PatchExternalIntegrationStatusRequest().externalIntegrationStatus(longest),
                TasksService.UpdateExternalIntegrationStatusParams.builder().externalId("erp-invoice-0001").build(),
                RequestOptions.none());

        wm.verify(patchRequestedFor(urlPathEqualTo(EXTERNAL_STATUS_PATH))
                .withQueryParam("externalId", equalTo("erp-invoice-0001"))
                .withQueryParam("taskId", absent())
                .withRequestBody(equalToJson("{\"externalIntegrationStatus\": \"" + longest + "\"}")));
    }

    @Test
    void reprocessesATaskByIdOrExternalId() {
        wm.stubFor(patch(urlPathEqualTo(REPROCESS_PATH)).willReturn(aResponse().withStatus(200)));

        client.tasks().reprocess(TasksService.ReprocessParams.builder().taskId(104L).build(), RequestOptions.none());
        client.tasks().reprocess(TasksService.ReprocessParams.builder().externalId("erp-invoice-0001").build(),
                RequestOptions.none());

        wm.verify(1, patchRequestedFor(urlPathEqualTo(REPROCESS_PATH)).withQueryParam("taskId", equalTo("104")));
        wm.verify(1, patchRequestedFor(urlPathEqualTo(REPROCESS_PATH))
                .withQueryParam("externalId", equalTo("erp-invoice-0001")));
    }

    @Test
    void reprocessIsNotRetriedAfterAnIoFailure() {
        wm.stubFor(patch(urlPathEqualTo(REPROCESS_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThrows(TransportException.class, () -> client.tasks().reprocess(
                TasksService.ReprocessParams.builder().taskId(104L).build(), RequestOptions.none()));
        assertEquals(1, wm.getAllServeEvents().size(), "a destructive request is sent once");
    }

    @Test
    void readsTheDocumentedExportData() {
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH_PREFIX + "12345")).willReturn(okJson(EXPORT_DATA_EXAMPLE)));

        ExportDataResponse data = client.tasks().getExportData(12345L);

        assertEquals("string", data.getOriginalFileUrl());
        assertEquals(1, data.getChunks().size());
        ExportEntity entity = data.getChunks().get(0).getEntities().get(0);
        assertEquals("string", entity.getCategory());
        assertEquals(0.0, entity.getQrCode().getBoundingBox().getHeight());
        assertTrue(entity.getQrCode().getPoints().isEmpty());
        wm.verify(getRequestedFor(urlPathEqualTo(EXPORT_PATH_PREFIX + "12345")));
    }

    @Test
    void exportDataKeepsWhatTheDocsCutOff() {
        wm.stubFor(get(urlPathMatching(EXPORT_PATH_PREFIX + ".*")).willReturn(okJson("""
                {"taskId": 7, "chunks": [{"entities": [{"type": "Field", "value": "PT123", "confidence": 0.98,
                  "qrCode": null}]}], "exportedOn": "2024-01-01T00:00:00Z"}
                """)));

        ExportDataResponse data = client.tasks().getExportData(7L);

        ExportEntity entity = data.getChunks().get(0).getEntities().get(0);
        assertEquals("PT123", entity.getAdditionalProperty("value"));
        assertNull(entity.getQrCode());
        assertEquals("2024-01-01T00:00:00Z", data.getAdditionalProperty("exportedOn"));
    }

    @Test
    void downloadsTheOriginalFileAtomicallyWithoutSendingCredentialsToStorage(@TempDir Path dir) throws Exception {
        // The storage is on the same host in this test, so credentials would be attached: use a second address.
        String storageUrl = wm.baseUrl().replace("localhost", "127.0.0.1") + FILE_PATH + "?sig=abc";
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH_PREFIX + "49"))
                .willReturn(okJson("{\"taskId\": 49, \"originalFileUrl\": \"" + storageUrl + "\"}")));
        byte[] pdf = "%PDF-1.7 test".getBytes(StandardCharsets.US_ASCII);
        wm.stubFor(get(urlPathEqualTo(FILE_PATH)).willReturn(aResponse().withStatus(200).withBody(pdf)
                .withHeader("Content-Type", "application/pdf")));
        Path target = dir.resolve("invoice.pdf");

        DownloadResult result = client.downloadOriginalFile(49L, target);

        assertArrayEquals(pdf, Files.readAllBytes(target));
        assertEquals(pdf.length, result.bytes());
        wm.verify(getRequestedFor(urlPathEqualTo(FILE_PATH)).withHeader("Authorization", absent()));
    }

    @Test
    void aMissingOriginalFileUrlIsReported(@TempDir Path dir) {
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH_PREFIX + "49")).willReturn(okJson("{\"taskId\": 49}")));
        Path target = dir.resolve("invoice.pdf");

        SdkException e = assertThrows(SdkException.class, () -> client.downloadOriginalFile(49L, target));

        assertTrue(e.getMessage().contains("originalFileUrl"), e.getMessage());
        assertFalse(Files.exists(target));
    }
}
