package com.docsdk.dcycle;

import com.docsdk.core.DownloadRequest;
import com.docsdk.core.DownloadResult;
import com.docsdk.core.Downloader;
import com.docsdk.core.PagedIterable;
import com.docsdk.core.Paginator;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkException;
import com.docsdk.core.SdkResponse;
import com.docsdk.dcycle.generated.model.FileEventDetail;
import com.docsdk.dcycle.generated.model.FileEventRequest;
import com.docsdk.dcycle.generated.model.FilePage;
import com.docsdk.dcycle.generated.model.FileRecord;
import java.util.Optional;

/** File records: list, get, soft-delete, recover, re-process, download. */
final class FileOperations {
    /** The event that makes Dcycle (re-)process a classified file into a reading. */
    static final String PROCESS_DOCUMENT = "PROCESS_DOCUMENT";

    private final DcycleApi api;
    private final Downloader downloader;

    FileOperations(DcycleApi api) {
        this.api = api;
        this.downloader = new Downloader(api.transport);
    }

    PagedIterable<FileRecord> list(int pageSize, RequestOptions options) {
        Inputs.pageSize(pageSize);
        Inputs.options(options);
        return Paginator.<FilePage, FileRecord>pageNumbers(FilePage::getItems)
                .firstPage(1).pageSize(pageSize)
                .totalItems(p -> Optional.ofNullable(p.getTotal()))
                .totalPages(p -> Optional.ofNullable(p.getPages()))
                .build(page -> page(page, pageSize, options).value());
    }

    SdkResponse<FilePage> page(int page, int pageSize, RequestOptions options) {
        Inputs.page(page);
        Inputs.pageSize(pageSize);
        Inputs.options(options);
        return api.json(() -> api.files.listFilesCall(page, pageSize, null), options, FilePage.class);
    }

    SdkResponse<FileRecord> get(String fileId, RequestOptions options) {
        Inputs.id("fileId", fileId);
        Inputs.options(options);
        return api.json(() -> api.files.getFileCall(fileId, null), options, FileRecord.class);
    }

    SdkResponse<Void> delete(String fileId, RequestOptions options) {
        Inputs.id("fileId", fileId);
        Inputs.options(options);
        return api.noBody(() -> api.files.deleteFileCall(fileId, null), options);
    }

    SdkResponse<Void> recover(String fileId, RequestOptions options) {
        Inputs.id("fileId", fileId);
        Inputs.options(options);
        return api.noBody(() -> api.files.recoverFileCall(fileId, null), options);
    }

    /** Emits {@code PROCESS_DOCUMENT}; true when Dcycle accepted and queued it (its documented answer). */
    boolean reprocess(String fileId, RequestOptions options) {
        Inputs.id("fileId", fileId);
        Inputs.options(options);
        FileEventRequest event = new FileEventRequest().eventType(PROCESS_DOCUMENT)
                .detail(new FileEventDetail().fileId(fileId));
        Boolean accepted = api.<Boolean>json(() -> api.files.sendFileEventCall(event, null), options, Boolean.class)
                .value();
        return accepted == null || accepted;
    }

    /** Downloads with the core's downloader (atomic to a file; no Dcycle credentials to the storage host). */
    DownloadResult download(DownloadRequest request) {
        return downloader.download(request);
    }

    /** The download URL of a file, from its record. */
    String downloadUrl(String fileId) {
        FileRecord file = get(fileId, RequestOptions.none()).value();
        String url = file == null ? null : file.getUrl();
        if (url == null || url.isBlank()) {
            throw new SdkException("Dcycle file " + fileId + " has no url to download (status "
                    + (file == null ? null : file.getStatus()) + ")");
        }
        return url;
    }
}
