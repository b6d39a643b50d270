package com.docsdk.document360;

import com.docsdk.core.SdkException;
import com.docsdk.document360.model.ExportTask;
import com.docsdk.document360.service.ExportsService;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The download URL of an export for the core {@code Downloader}: a URL already known (from the completed task) is
 * used first; after that, and when the storage host rejects the URL as expired (its SAS token lives 30 minutes), a
 * fresh one is read from the export's status. Bound to its export before the download starts, so that the download
 * target can be validated before the export is even started.
 */
final class ExportUrlSource implements Supplier<String> {
    private final ExportsService exports;
    private volatile UUID projectId;
    private volatile UUID exportId;
    private volatile String knownUrl;

    ExportUrlSource(ExportsService exports) {
        this.exports = exports;
    }

    ExportUrlSource bind(UUID projectId, UUID exportId, String knownUrl) {
        this.projectId = projectId;
        this.exportId = exportId;
        this.knownUrl = knownUrl == null || knownUrl.isBlank() ? null : knownUrl;
        return this;
    }

    @Override
    public String get() {
        String url = knownUrl;
        if (url != null) {
            knownUrl = null;
            return url;
        }
        if (projectId == null || exportId == null) {
            throw new IllegalStateException("the export to download is not known yet");
        }
        ExportTask task = exports.get(projectId, exportId);
        String fresh = task == null ? null : task.getDownloadUrl();
        if (fresh == null || fresh.isBlank()) {
            throw new SdkException(Document360Client.describe(projectId, exportId) + " has no download_url (status '"
                    + (task == null ? null : task.getStatus()) + "'): wait for it to complete before downloading it");
        }
        return fresh;
    }
}
