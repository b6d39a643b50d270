package com.docsdk.fileai;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.RequestOptions;
import com.docsdk.fileai.model.FileExportStatusUpdate;
import com.docsdk.fileai.model.IntegrationExportStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for every way of reporting an export status, which the spec cannot state: a status fileAI accepts,
 * messages that are neither null nor blank, and at least one message for {@code error} (users see it in fileAI as
 * the reason). The generated {@code files().updateExportStatus} runs it ({@code x-docsdk-check} in the spec), and so
 * do {@link ExportOutcome} and the sync's checkpoint.
 */
public final class ExportStatusRules {
    private ExportStatusRules() {
    }

    /** The check {@code updateFileExportStatus} runs before it sends anything. */
    public static void check(String fileId, FileExportStatusUpdate body, RequestOptions options) {
        List<String> messages = body.getIntegrationExportMessages();
        requireReport("fileExportStatusUpdate.integrationExportStatus",
                "fileExportStatusUpdate.integrationExportMessages", body.getIntegrationExportStatus(),
                messages == null ? List.of() : messages);
    }

    /**
     * @return an immutable copy of the messages
     * @throws ClientValidationException naming {@code status}, {@code messages} or {@code messages[i]}
     */
    static List<String> requireReport(IntegrationExportStatus status, List<String> messages) {
        return requireReport("status", "messages", status, messages);
    }

    private static List<String> requireReport(String statusName, String messagesName,
            IntegrationExportStatus status, List<String> messages) {
        ClientValidationException.requireNonNull(statusName, status);
        ClientValidationException.require(status != IntegrationExportStatus.UNKNOWN, statusName,
                "must be one of error, completed, exporting, empty");
        ClientValidationException.requireNonNull(messagesName, messages);
        List<String> copy = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            String m = messages.get(i);
            ClientValidationException.require(m != null && !m.isBlank(), messagesName + "[" + i + "]",
                    "must not be null or blank");
            copy.add(m);
        }
        ClientValidationException.require(status != IntegrationExportStatus.ERROR || !copy.isEmpty(), messagesName,
                "an error needs at least one message saying why");
        return List.copyOf(copy);
    }
}
