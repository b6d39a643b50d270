package com.docsdk.fileai;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.docsdk.fileai.model.AiSchema;
import com.docsdk.fileai.model.FileExportStatusUpdateResult;
import com.docsdk.fileai.model.FileInfo;
import com.docsdk.fileai.model.IntegrationExportStatus;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Through the facade: fields we do not know, enum values we do not know and missing "required" fields still parse. */
class ForwardCompatibilityTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private FileAiClient client;

    @BeforeEach
    void setUp() {
        client = FileAiClient.builder().apiKey("test-key").baseUrl(wm.baseUrl()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void aFileWithUnknownFieldsAndAnUnknownExportStatusParses() {
        String file = Examples.FILE.replace("\"summary\": \"Example file\",", """
                "summary": "Example file", "integrationExportStatus": "archived", "pageCount": 3,
                "tags": ["a", {"nested": true}],""");
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson(
                "{\"files\": [" + file + "], \"count\": 1, \"currentPage\": 1, \"nextCursor\": \"abc\"}")));

        FileInfo f = client.files().list().stream().findFirst().orElseThrow();

        assertEquals(IntegrationExportStatus.UNKNOWN, f.getIntegrationExportStatus());
        assertEquals(3, ((Number) f.getAdditionalProperty("pageCount")).intValue());
        assertEquals("file1.jpg", f.getFileName());
    }

    @Test
    void theSyncHandsOverAFileWithAnUnknownExportStatus() {
        String file = Examples.FILE.replace("\"summary\": \"Example file\",",
                "\"summary\": \"Example file\", \"integrationExportStatus\": \"archived\",");
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson(
                "{\"files\": [" + file + "], \"count\": 1, \"currentPage\": 1}")));
        wm.stubFor(patch(urlPathEqualTo("/prod/v1/files/" + Examples.FILE_ID))
                .willReturn(okJson(Examples.EXPORT_STATUS_UPDATED)));

        ExportSyncResult r = client.syncExports(ExportCheckpointStore.inMemory(), f -> ExportOutcome.completed());

        assertEquals(List.of(Examples.FILE_ID), r.completed());
    }

    @Test
    void anExportInfoWithoutItsRequiredTimestampAndWithAnUnknownStatusParses() {
        wm.stubFor(patch(urlPathEqualTo("/prod/v1/files/" + Examples.FILE_ID)).willReturn(okJson("""
                {"fileId": "53d6a0b1-2a8d-4ed9-9e6a-ceaef7ca3908",
                 "exportInfo": {"integrationExportStatus": "synced", "exportedBy": "erp"},
                 "traceId": "t-1"}""")));

        FileExportStatusUpdateResult r = client.files().updateExportStatus(Examples.FILE_ID, Examples.report(com.docsdk.fileai.model.IntegrationExportStatus.COMPLETED));

        assertEquals(IntegrationExportStatus.UNKNOWN, r.getExportInfo().getIntegrationExportStatus());
        assertNull(r.getExportInfo().getIntegrationExportUpdatedAt());
        assertNull(r.getExportInfo().getIntegrationExportMessages());
    }

    @Test
    void schemasWithUnknownEnumValuesParse() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/schemas")).willReturn(okJson(Examples.SCHEMAS
                .replace("\"ACTIVE\"", "\"ARCHIVED\"").replace("\"SYSTEM\"", "\"HYBRID\"")
                .replace("\"deletedBy\": null", "\"deletedBy\": null, \"owner\": {\"id\": 1}"))));

        AiSchema s = client.schemas().list().stream().findFirst().orElseThrow();

        assertEquals(AiSchema.StateEnum.UNKNOWN, s.getState());
        assertEquals(AiSchema.SchemaTypeEnum.UNKNOWN, s.getSchemaType());
        assertEquals(AiSchema.UsageApprovalStateEnum.APPROVED, s.getUsageApprovalState());
    }

    @Test
    void anUnknownStepStatusCountsAsStillProcessing() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/uploads/" + Examples.UPLOAD_ID)).willReturn(okJson("""
                {"statuses": [{"status": "queued_for_review", "step": "human_review", "timestamp": "2025-06-11T10:30:30Z",
                               "reviewer": "x"}],
                 "files": [], "estimatedSeconds": 30}""")));

        UploadProgress p = client.uploadProgress(Examples.UPLOAD_ID);

        assertEquals(UploadState.PROCESSING, p.state());
        assertEquals("human_review", p.lastStep().orElseThrow().getStep());
    }
}
