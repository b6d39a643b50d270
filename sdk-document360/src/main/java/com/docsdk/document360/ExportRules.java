package com.docsdk.document360;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.RequestOptions;
import com.docsdk.document360.model.StartExportRequest;
import java.util.UUID;

/**
 * The rule of {@code StartExportRequest} the generator cannot express (its {@code not} in the spec): a start names
 * the workspace in {@code workspace_id} (v3.1 servers) or in {@code project_version_id} (older servers), never in
 * both. The generated {@code exports().start} runs it ({@code x-docsdk-check}); {@link ExportRequest} always
 * builds a body that keeps it.
 */
public final class ExportRules {
    private ExportRules() {
    }

    /** The check {@code startExport} runs before it sends anything. */
    @SuppressWarnings("deprecation") // project_version_id is deprecated in the spec, and older servers need it
    public static void check(UUID projectId, StartExportRequest body, RequestOptions options) {
        ClientValidationException.require(body.getWorkspaceId() == null || body.getProjectVersionId() == null,
                "startExportRequest", "names the workspace twice: send workspace_id to a v3.1 server or"
                        + " project_version_id to an older one, never both");
    }
}
