package com.docsdk.webadmit.callback;

import com.docsdk.core.callback.CallbackEvent;
import com.docsdk.core.callback.CallbackFields;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.webadmit.ExportFileStatus;
import com.docsdk.webadmit.WebAdmitClient;
import com.docsdk.webadmit.model.ExportFile;
import java.util.Map;
import java.util.Set;

/**
 * WebAdMIT's "export file ready" callback: a form POST of {@code export_file[id]}, {@code export_file[export_id]}
 * and {@code export_file[status]} (JSON with the same fields is read too). Thin: {@link #fetch(WebAdmitClient)}
 * re-reads the export file, with its download URL, before you act.
 *
 * <p>The idempotency key is {@code webadmit:export_file:<id>:<status>} (status as documented, e.g. {@code available}).
 */
public final class WebAdmitExportFileEvent extends CallbackEvent {
    static final Set<String> KNOWN = Set.of("export_file", "export_files");

    private final long exportFileId;
    private final long exportId;
    private final String statusText;

    WebAdmitExportFileEvent(Map<String, Object> fields) {
        super("webadmit", "export_file", key(fields), fields, KNOWN);
        Map<String, Object> file = file(fields);
        this.exportFileId = id(file, "id", "export_file[id]");
        this.exportId = id(file, "export_id", "export_file[export_id]");
        this.statusText = CallbackFields.string(file, "status").orElse("");
    }

    private static Map<String, Object> file(Map<String, Object> fields) {
        return CallbackFields.object(fields, "export_file")
                .or(() -> CallbackFields.object(fields, "export_files"))
                .orElse(fields);
    }

    private static long id(Map<String, Object> file, String name, String field) {
        try {
            long id = CallbackFields.number(file, name)
                    .orElseThrow(() -> new ClientValidationException(field, "is missing"));
            ClientValidationException.require(id > 0, field, "must be positive, got " + id);
            return id;
        } catch (ClientValidationException e) {
            throw e.field().equals(field) ? e : new ClientValidationException(field, "is not a whole number");
        }
    }

    private static String key(Map<String, Object> fields) {
        Map<String, Object> file = file(fields);
        long id = id(file, "id", "export_file[id]");
        id(file, "export_id", "export_file[export_id]");
        String status = CallbackFields.string(file, "status")
                .map(s -> s.toLowerCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_')).orElse("");
        return "webadmit:export_file:" + id + ":" + status;
    }

    /** The export file (run) that is ready. */
    public long exportFileId() {
        return exportFileId;
    }

    /** The export it is a run of. */
    public long exportId() {
        return exportId;
    }

    /** The status as sent ({@code Available}); empty when not sent. */
    public String statusText() {
        return statusText;
    }

    /** The status, parsed in any casing ({@code UNKNOWN} when absent or undocumented). */
    public ExportFileStatus status() {
        return ExportFileStatus.parse(statusText);
    }

    /** Re-reads the export file ({@code GET /api/v1/exports/{export_id}/export_files/{id}}). */
    public ExportFile fetch(WebAdmitClient client) {
        ClientValidationException.requireNonNull("client", client);
        return client.exportFiles().get(exportId, exportFileId);
    }
}
