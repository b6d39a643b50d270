package com.docsdk.smartdocumentor.callback;

import com.docsdk.core.callback.CallbackEvent;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.callback.CallbackFields;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.smartdocumentor.SmartDocumentorClient;
import com.docsdk.smartdocumentor.model.TaskStatusResponse;
import com.docsdk.smartdocumentor.service.TasksService;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A SmartDocumentor webhook, sent when a document is reviewed: JSON with at least {@code taskId}, and per kind the
 * OCR and metadata (text documents), the transcription (transcripts) or a SAS-protected {@code exportedFileUrl}
 * (url-to-file). Thin: {@link #fetch(SmartDocumentorClient)} re-reads the task before you act; the fields are kept
 * as received ({@link #fields()}).
 *
 * <p>The idempotency key is {@code smartdocumentor:<kind>:<taskId>[:<restartCount>]}: a reprocessed task (its
 * {@code restartCount} grows) is a new event.
 */
public final class SmartDocumentorWebhookEvent extends CallbackEvent {
    static final Set<String> KNOWN = Set.of("taskId", "taskNumber", "workspaceId", "displayName", "totalPages",
            "exportedFileUrl", "externalId", "batchId", "restartCount");

    /** The four webhook export configurations. */
    public enum Kind {
        /** Webhook (Text Documents): OCR and metadata of a reviewed document. */
        TEXT_DOCUMENTS("text_documents"),
        /** Webhook (Transcripts): the transcription data. */
        TRANSCRIPTS("transcripts"),
        /** Webhook Url To File (Transcripts): a SAS URL to the generated Word file. */
        URL_TO_FILE_TRANSCRIPTS("url_to_file_transcripts"),
        /** Webhook Url to File (Anonymization): a SAS URL to the anonymized file. */
        URL_TO_FILE_ANONYMIZATION("url_to_file_anonymization");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        /** The kind as it appears in keys and routes ({@code url_to_file_anonymization}). */
        public String value() {
            return wire;
        }
    }

    private final Kind webhookKind;
    private final long taskId;

    SmartDocumentorWebhookEvent(Kind kind, Map<String, Object> fields) {
        super("smartdocumentor", kind.value(), key(kind, fields), fields, KNOWN);
        this.webhookKind = kind;
        this.taskId = taskId(fields);
    }

    static long taskId(Map<String, Object> fields) {
        long id;
        try {
            id = CallbackFields.number(fields, "taskId")
                    .orElseThrow(() -> new ClientValidationException("taskId", "is missing"));
        } catch (ClientValidationException e) {
            throw e.field().equals("taskId") ? e : new ClientValidationException("taskId", "is not a whole number");
        }
        ClientValidationException.require(id > 0, "taskId", "must be positive, got " + id);
        return id;
    }

    private static String key(Kind kind, Map<String, Object> fields) {
        String restarts = CallbackFields.string(fields, "restartCount").map(r -> ":" + r).orElse("");
        return "smartdocumentor:" + kind.value() + ":" + taskId(fields) + restarts.toLowerCase(Locale.ROOT);
    }

    /** Which webhook configuration sent it. */
    public Kind webhookKind() {
        return webhookKind;
    }

    /** The task (document) reviewed. */
    public long taskId() {
        return taskId;
    }

    /** The task's number within its workspace, if sent. */
    public Optional<Long> taskNumber() {
        return lenientNumber("taskNumber");
    }

    /** The workspace, if sent. */
    public Optional<Long> workspaceId() {
        return lenientNumber("workspaceId");
    }

    /** The display name, if sent. */
    public Optional<String> displayName() {
        return CallbackFields.string(fields(), "displayName");
    }

    /** The external id, if sent. */
    public Optional<String> externalId() {
        return CallbackFields.string(fields(), "externalId");
    }

    /**
     * The SAS-protected URL of the generated file (url-to-file kinds), if sent. It expires (at most 168 h): download
     * it soon. Printed only redacted.
     */
    public Optional<String> exportedFileUrl() {
        return CallbackFields.string(fields(), "exportedFileUrl");
    }

    /** Re-reads the task's status ({@code GET /api/v1.0/external/sdtask/status?taskId=...}). */
    public TaskStatusResponse fetch(SmartDocumentorClient client) {
        ClientValidationException.requireNonNull("client", client);
        return client.tasks().get(TasksService.GetParams.builder().taskId(taskId).build(), RequestOptions.none());
    }

    private Optional<Long> lenientNumber(String name) {
        try {
            return CallbackFields.number(fields(), name);
        } catch (ClientValidationException e) {
            return Optional.empty();
        }
    }
}
