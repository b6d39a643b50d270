package com.docsdk.fileai.callback;

import com.docsdk.core.callback.CallbackEvent;
import com.docsdk.core.callback.CallbackFields;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.fileai.FileAiClient;
import com.docsdk.fileai.UploadProgress;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One processing callback of fileAI: {@code {status, step, uploadId, timestamp, fileIds}}, POSTed to the upload's
 * {@code callbackURL} as processing advances. Thin: fileAI does not sign it, so {@link #fetch(FileAiClient)} re-reads
 * the upload's steps before you act.
 *
 * <p>The idempotency key is {@code fileai:upload:<uploadId>:<step>:<status>}: fileAI's retries of one step (up to 5
 * attempts) share it.
 */
public final class FileAiCallbackEvent extends CallbackEvent {
    /** The last of the documented steps. */
    public static final String FINISHED_STEP = "processing_finished";
    static final Set<String> KNOWN = Set.of("status", "step", "uploadId", "timestamp", "fileIds", "fileId");

    private final String uploadId;
    private final String step;
    private final String status;
    private final List<String> fileIds;

    FileAiCallbackEvent(Map<String, Object> fields) {
        super("fileai", "processing", key(fields), fields, KNOWN);
        this.uploadId = CallbackFields.requireString(fields, "uploadId");
        this.step = CallbackFields.string(fields, "step").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        this.status = CallbackFields.string(fields, "status").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        List<String> ids = CallbackFields.strings(fields, "fileIds");
        this.fileIds = ids.isEmpty() ? CallbackFields.strings(fields, "fileId") : ids;
    }

    private static String key(Map<String, Object> fields) {
        String upload = CallbackFields.requireString(fields, "uploadId");
        String step = CallbackFields.string(fields, "step").orElse("").toLowerCase(Locale.ROOT);
        String status = CallbackFields.string(fields, "status").orElse("").toLowerCase(Locale.ROOT);
        if (step.isEmpty() && status.isEmpty()) {
            throw new ClientValidationException("step", "is missing, and so is status");
        }
        return "fileai:upload:" + upload + ":" + step + ":" + status;
    }

    /** The upload the callback is about. */
    public String uploadId() {
        return uploadId;
    }

    /** The step, lower case ({@code processing_finished}); empty when not sent. */
    public String step() {
        return step;
    }

    /** The step's status, lower case ({@code waiting}, {@code completed}, {@code failed}); empty when not sent. */
    public String status() {
        return status;
    }

    /** The produced file ids (sent as a string, a comma list or an array; under {@code fileId} too). */
    public List<String> fileIds() {
        return fileIds;
    }

    /** When fileAI says the step happened, if sent and parseable. */
    public Optional<OffsetDateTime> timestamp() {
        try {
            return CallbackFields.string(fields(), "timestamp").map(OffsetDateTime::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** True when this says processing finished ({@value #FINISHED_STEP}, completed). */
    public boolean isFinished() {
        return FINISHED_STEP.equals(step) && "completed".equals(status);
    }

    /** True when this says a step failed. */
    public boolean isFailed() {
        return "failed".equals(status);
    }

    /** Re-reads the upload's authoritative state ({@code GET /prod/v1/uploads/{uploadId}}). */
    public UploadProgress fetch(FileAiClient client) {
        ClientValidationException.requireNonNull("client", client);
        return client.uploadProgress(uploadId);
    }
}
