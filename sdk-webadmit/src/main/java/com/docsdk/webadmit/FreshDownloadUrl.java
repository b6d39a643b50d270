package com.docsdk.webadmit;

import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkException;
import com.docsdk.webadmit.generated.model.ExportFile;
import java.util.function.Supplier;

/**
 * The download URL of an export file for the core Downloader. WebAdMIT's URLs expire less than 30 seconds after
 * they are issued, so the first call hands out the URL the wait just saw (when there is one) and every later call
 * (the Downloader asks again when the storage host rejects an expired URL) checks the status endpoint for a new one.
 */
final class FreshDownloadUrl implements Supplier<String> {
    private final WebAdmitCalls calls;
    private final long exportId;
    private final long exportFileId;
    private final RequestOptions options;
    private String pending;

    FreshDownloadUrl(WebAdmitCalls calls, long exportId, long exportFileId, String firstUrl, RequestOptions options) {
        this.calls = calls;
        this.exportId = exportId;
        this.exportFileId = exportFileId;
        this.options = options;
        this.pending = firstUrl == null || firstUrl.isBlank() ? null : firstUrl;
    }

    @Override
    public synchronized String get() {
        if (pending != null) {
            String url = pending;
            pending = null;
            return url;
        }
        ExportFile file = calls.getExportFile(exportId, exportFileId, options).value();
        String url = file.getDownloadUrl();
        if (url == null || url.isBlank()) {
            throw new SdkException("WebAdMIT gave no download URL for export file " + exportFileId + " of export "
                    + exportId + " (status '" + file.getStatus() + "'"
                    + (ExportFileStatus.of(file).hasFile() ? "" : ": there is no file to download yet, or none at all")
                    + ")");
        }
        return url;
    }
}
