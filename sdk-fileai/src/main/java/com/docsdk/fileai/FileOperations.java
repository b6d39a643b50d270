package com.docsdk.fileai;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.DownloadRequest;
import com.docsdk.core.DownloadResult;
import com.docsdk.core.Downloader;
import com.docsdk.core.PagedIterable;
import com.docsdk.core.Paginator;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkException;
import com.docsdk.core.SdkResponse;
import com.docsdk.fileai.generated.model.AiSchema;
import com.docsdk.fileai.generated.model.AiSchemaList;
import com.docsdk.fileai.generated.model.FileExportStatusUpdate;
import com.docsdk.fileai.generated.model.FileExportStatusUpdateResult;
import com.docsdk.fileai.generated.model.FileInfo;
import com.docsdk.fileai.generated.model.FileList;
import com.docsdk.fileai.generated.model.FilePreview;
import com.docsdk.fileai.generated.model.FilePreviewRequest;
import com.docsdk.fileai.generated.model.FileValuesResponse;
import com.docsdk.fileai.generated.model.FormValues;
import com.docsdk.fileai.generated.model.FormValuesPage;
import com.docsdk.fileai.generated.model.IntegrationExportStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Files, their export status, extracted values, previews and AI schemas: the reads and writes behind the facade. */
final class FileOperations {
    /** Page size for values and schemas, whose default page size is not documented (inferred). */
    static final int DEFAULT_PAGE_SIZE = 100;

    private final GeneratedApis apis;

    FileOperations(GeneratedApis apis) {
        this.apis = apis;
    }

    SdkResponse<FileList> listFilesPage(FileQuery query, int page, RequestOptions options) {
        ClientValidationException.requireNonNull("query", query);
        requirePage(page);
        ClientValidationException.requireNonNull("options", options);
        return apis.transport.execute(() -> apis.files.listFilesCall(query.fileIdsParameter().orElse(null),
                        utc(query.updatedAfter().orElse(null)), utc(query.createdAfter().orElse(null)), page,
                        query.pageSize(), query.sortBy().orElse(null),
                        query.sortOrder().map(Enum::name).orElse(null), null),
                options, GeneratedApis.json(FileList.class));
    }

    PagedIterable<FileInfo> listFiles(FileQuery query, RequestOptions options) {
        return listFiles(query, options, response -> { });
    }

    /**
     * Every page of the files {@code query} selects; {@code count} is the total over all pages (see the spec's
     * {@code x-docsdk-paging}), so a short page is not the last while fewer files were read. {@code observer} sees
     * each page's HTTP exchange (the sync reads the first page's {@code Date}).
     */
    PagedIterable<FileInfo> listFiles(FileQuery query, RequestOptions options,
            Consumer<SdkResponse<FileList>> observer) {
        ClientValidationException.requireNonNull("query", query);
        ClientValidationException.requireNonNull("options", options);
        return Paginator.<FileList, FileInfo>pageNumbers(FileList::getFiles)
                .firstPage(1).pageSize(query.pageSize())
                .totalItems(l -> Optional.ofNullable(l.getCount()))
                .build(page -> {
                    SdkResponse<FileList> response = listFilesPage(query, page, options);
                    observer.accept(response);
                    return response.value();
                });
    }

    SdkResponse<FileExportStatusUpdateResult> updateExportStatus(String fileId, IntegrationExportStatus status,
            List<String> messages, RequestOptions options) {
        String id = requireFileId(fileId);
        List<String> checked = requireReport(status, messages);
        ClientValidationException.requireNonNull("options", options);
        FileExportStatusUpdate body = new FileExportStatusUpdate().integrationExportStatus(status)
                .integrationExportMessages(checked.isEmpty() ? null : new ArrayList<>(checked));
        return apis.transport.execute(() -> apis.files.updateFileExportStatusCall(id, body, null), options,
                GeneratedApis.json(FileExportStatusUpdateResult.class));
    }

    SdkResponse<FileValuesResponse> fileValuesPage(String fileId, int page, int pageSize,
            boolean includeFullTableData, RequestOptions options) {
        String id = requireFileId(fileId);
        requirePage(page);
        requirePageSize(pageSize);
        ClientValidationException.requireNonNull("options", options);
        return apis.transport.execute(() -> apis.files.getFileValuesCall(id, page, pageSize,
                includeFullTableData ? Boolean.TRUE : null, null), options,
                GeneratedApis.json(FileValuesResponse.class));
    }

    PagedIterable<FormValues> fileValues(String fileId, int pageSize, boolean includeFullTableData,
            RequestOptions options) {
        requireFileId(fileId);
        requirePageSize(pageSize);
        ClientValidationException.requireNonNull("options", options);
        return Paginator.<FileValuesResponse, FormValues>pageNumbers(
                        r -> r.getValues() == null ? List.of() : r.getValues().getFormValues())
                .firstPage(1).pageSize(pageSize)
                .totalItems(r -> Optional.ofNullable(r.getValues()).map(FormValuesPage::getCount))
                .build(page -> fileValuesPage(fileId, page, pageSize, includeFullTableData, options).value());
    }

    SdkResponse<FilePreview> createPreview(String s3Path, RequestOptions options) {
        String path = ClientValidationException.requireNonBlank("s3Path", s3Path).trim();
        ClientValidationException.requireNonNull("options", options);
        FilePreviewRequest body = new FilePreviewRequest().s3Path(path);
        return apis.transport.execute(() -> apis.files.createFilePreviewCall(body, null), options,
                GeneratedApis.json(FilePreview.class));
    }

    DownloadResult downloadPreview(String s3Path, Path target, RequestOptions options) {
        ClientValidationException.requireNonBlank("s3Path", s3Path);
        ClientValidationException.requireNonNull("target", target);
        ClientValidationException.requireNonNull("options", options);
        DownloadRequest request = DownloadRequest.fromSource(() -> signedUrl(s3Path, options))
                .toFile(target).options(options).build();
        return new Downloader(apis.transport).download(request);
    }

    SdkResponse<AiSchemaList> schemasPage(int page, int pageSize, RequestOptions options) {
        requirePage(page);
        requirePageSize(pageSize);
        ClientValidationException.requireNonNull("options", options);
        return apis.transport.execute(() -> apis.schemas.listSchemasCall(page, pageSize, null), options,
                GeneratedApis.json(AiSchemaList.class));
    }

    PagedIterable<AiSchema> schemas(int pageSize, RequestOptions options) {
        requirePageSize(pageSize);
        ClientValidationException.requireNonNull("options", options);
        return Paginator.<AiSchemaList, AiSchema>pageNumbers(AiSchemaList::getSchemas)
                .firstPage(1).pageSize(pageSize)
                .totalItems(l -> Optional.ofNullable(l.getCount()))
                .build(page -> schemasPage(page, pageSize, options).value());
    }

    private String signedUrl(String s3Path, RequestOptions options) {
        String url = createPreview(s3Path, options).value().getSignedUrl();
        if (url == null || url.isBlank()) {
            throw new SdkException("the preview of " + s3Path + " came without a signedUrl");
        }
        return url;
    }

    static String requireFileId(String fileId) {
        return ClientValidationException.requireNonBlank("fileId", fileId).trim();
    }

    /**
     * The one rule for every way of reporting an export status ({@code updateExportStatus}, {@code markExport*},
     * {@link ExportOutcome}, the sync and the outcomes its checkpoint keeps): a status fileAI accepts, messages that
     * are neither null nor blank, and at least one message for {@code error} (users see it in fileAI as the reason).
     *
     * @return an immutable copy of the messages
     * @throws ClientValidationException naming {@code status}, {@code messages} or {@code messages[i]}
     */
    static List<String> requireReport(IntegrationExportStatus status, List<String> messages) {
        ClientValidationException.requireNonNull("status", status);
        ClientValidationException.require(status != IntegrationExportStatus.UNKNOWN_DEFAULT_OPEN_API, "status",
                "must be one of error, completed, exporting, empty");
        ClientValidationException.requireNonNull("messages", messages);
        List<String> copy = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            String m = messages.get(i);
            ClientValidationException.require(m != null && !m.isBlank(), "messages[" + i + "]",
                    "must not be null or blank");
            copy.add(m);
        }
        ClientValidationException.require(status != IntegrationExportStatus.ERROR || !copy.isEmpty(), "messages",
                "an error needs at least one message saying why");
        return List.copyOf(copy);
    }

    private static void requirePage(int page) {
        ClientValidationException.require(page >= 1, "page", "must be at least 1, got " + page);
    }

    private static void requirePageSize(int pageSize) {
        ClientValidationException.require(pageSize >= 1, "pageSize", "must be at least 1, got " + pageSize);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
