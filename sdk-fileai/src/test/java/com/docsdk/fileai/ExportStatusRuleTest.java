package com.docsdk.fileai;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.SdkException;
import com.docsdk.fileai.model.IntegrationExportStatus;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * One rule for every way of reporting {@code error}: at least one non-blank message, checked before anything is sent.
 * The server here would accept anything, so a request that got through would show up.
 */
class ExportStatusRuleTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FileAiClient client = FileAiClient.builder().apiKey("test-key").baseUrl(wm.baseUrl()).build();

    @BeforeEach
    void acceptEverything() {
        wm.stubFor(patch(urlPathMatching("/prod/v1/files/[^/]+")).willReturn(okJson(Examples.EXPORT_STATUS_UPDATED)));
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson(Examples.LIST_FILES)));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static void refusedNamingMessages(Executable call) {
        refusedNaming("messages", call);
    }

    private static void refusedNaming(String field, Executable call) {
        ClientValidationException e = assertThrows(ClientValidationException.class, call);
        assertEquals(field, e.field());
        assertEquals(0, wm.getAllServeEvents().size(), "nothing may be sent");
    }

    @Test
    void anErrorWithoutAMessageIsRefusedBeforeAnyRequestWhicheverWayItIsReported() {
        String field = "fileExportStatusUpdate.integrationExportMessages";
        refusedNaming(field, () -> client.files().updateExportStatus(Examples.FILE_ID,
                Examples.report(IntegrationExportStatus.ERROR)));
        refusedNaming(field, () -> client.files().withRawResponse().updateExportStatus(Examples.FILE_ID,
                Examples.report(IntegrationExportStatus.ERROR), RequestOptions.none()));
        refusedNaming(field, () -> client.files().async().updateExportStatus(Examples.FILE_ID,
                Examples.report(IntegrationExportStatus.ERROR)));
        refusedNaming(field, () -> client.files().updateExportStatus(Examples.FILE_ID,
                Examples.report(IntegrationExportStatus.ERROR).integrationExportMessages(List.of())));
        refusedNamingMessages(() -> ExportOutcome.failed(List.of()));
        refusedNamingMessages(() -> ExportOutcome.failed());
    }

    @Test
    void blankMessagesAreRefusedForEveryStatus() {
        for (IntegrationExportStatus status : List.of(IntegrationExportStatus.ERROR,
                IntegrationExportStatus.COMPLETED, IntegrationExportStatus.EXPORTING)) {
            ClientValidationException e = assertThrows(ClientValidationException.class,
                    () -> client.files().updateExportStatus(Examples.FILE_ID, Examples.report(status, " ")));
            assertEquals("fileExportStatusUpdate.integrationExportMessages[0]", e.field());
        }
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void otherStatusesNeedNoMessage() {
        client.files().updateExportStatus(Examples.FILE_ID, Examples.report(IntegrationExportStatus.COMPLETED));
        client.files().updateExportStatus(Examples.FILE_ID, Examples.report(com.docsdk.fileai.model.IntegrationExportStatus.EMPTY));
        assertEquals(2, wm.getAllServeEvents().size());
    }

    @Test
    void aCheckpointHoldingAnErrorWithoutAMessageIsNotReported() {
        ExportCheckpointStore store = ExportCheckpointStore.inMemory();
        store.write("{\"format\": 1, \"pending\": {\"" + Examples.FILE_ID
                + "\": {\"outcome\": \"FAILED\", \"messages\": []}}}");

        SdkException e = assertThrows(SdkException.class,
                () -> client.syncExports(store, file -> ExportOutcome.completed()));

        assertTrue(e.getMessage().contains("not readable") && e.getMessage().contains("message"), e.getMessage());
        assertEquals(0, wm.getAllServeEvents().size(), "nothing may be sent");
    }
}
