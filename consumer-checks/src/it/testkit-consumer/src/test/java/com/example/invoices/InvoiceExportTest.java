package com.example.invoices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.fileai.FileAiClient;
import com.docsdk.fileai.model.FileExportStatusUpdate;
import com.docsdk.fileai.model.IntegrationExportStatus;
import com.docsdk.testkit.FileAiSimulator;
import com.docsdk.testkit.OpenApiContract;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user's test: the SDK against the testkit's fileAI simulator, requests checked against the bundled spec. */
class InvoiceExportTest {
    @RegisterExtension
    static FileAiSimulator fileAi = FileAiSimulator.create().expectApiKey("test-key");

    @Test
    void reportsExportStatusBackToFileAi() {
        String fileId = fileAi.addFile("invoice.pdf", "application/pdf");

        try (FileAiClient client = FileAiClient.builder().apiKey("test-key").baseUrl(fileAi.baseUrl()).build()) {
            assertTrue(client.findFile(fileId).isPresent());
            client.files().updateExportStatus(fileId, new FileExportStatusUpdate()
                    .integrationExportStatus(IntegrationExportStatus.ERROR)
                    .integrationExportMessages(List.of("Invoice number format invalid")));
        }

        assertEquals(Optional.of("error"), fileAi.exportStatus(fileId));
        assertEquals(List.of("Invoice number format invalid"), fileAi.exportMessages(fileId));
        // The swagger request validator (and so Jackson) loads and runs in the user's class path.
        OpenApiContract.forVendor("fileai").assertRequestsMatch(fileAi.requests(), r -> true);
    }
}
