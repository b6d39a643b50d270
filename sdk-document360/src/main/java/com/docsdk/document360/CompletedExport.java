package com.docsdk.document360;

import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.document360.model.ExportTask;
import java.nio.file.Path;

/**
 * An export that was started, waited on and downloaded by
 * {@link Document360Client#exportToFile(java.util.UUID, ExportRequest, Path)}.
 *
 * <pre>{@code
 * CompletedExport done = client.exportToFile(projectId, ExportRequest.ofFormat("pdf"), Path.of("docs.zip"));
 * System.out.println(done.export().getId() + " -> " + done.file() + " (" + done.download().bytes() + " bytes)");
 * }</pre>
 *
 * @param export the export task in its {@code Completed} state
 * @param download what was written: bytes, SHA-256, content type
 */
public record CompletedExport(ExportTask export, DownloadResult download) {
    /** The file written. */
    public Path file() {
        return download.file().orElseThrow();
    }
}
