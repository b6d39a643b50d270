package com.docsdk.fileai;

import com.docsdk.core.ClientBuilder;
import com.docsdk.core.ClientValidationException;
import com.docsdk.core.Credentials;
import com.docsdk.core.DownloadResult;
import com.docsdk.core.ErrorBodyParser;
import com.docsdk.core.PagedIterable;
import com.docsdk.core.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkModule;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.Transport;
import com.docsdk.fileai.generated.model.AiSchema;
import com.docsdk.fileai.generated.model.AiSchemaList;
import com.docsdk.fileai.generated.model.FileExportStatusUpdateResult;
import com.docsdk.fileai.generated.model.FileInfo;
import com.docsdk.fileai.generated.model.FileList;
import com.docsdk.fileai.generated.model.FilePreview;
import com.docsdk.fileai.generated.model.FileValuesResponse;
import com.docsdk.fileai.generated.model.FormValues;
import com.docsdk.fileai.generated.model.IntegrationExportStatus;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The fileAI Public API ({@code https://api.orion.file.ai/prod/v1}): files and their integration export status,
 * uploads with processing tracking, extracted values, previews and AI schemas, plus the pull-integration flow
 * ({@link #syncExports(ExportCheckpointStore, FileExportHandler)}) built in. Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (FileAiClient fileAi = FileAiClient.fromEnv()) {            // FILEAI_API_KEY (and optional FILEAI_BASE_URL)
 *     // upload a document and wait until fileAI has processed it
 *     UploadReceipt receipt = fileAi.upload(FileUpload.file(Path.of("invoice.pdf")).build());
 *     UploadProgress done = fileAi.awaitUpload(receipt.uploadId());
 *
 *     // every file changed since June, all pages, lazily
 *     FileQuery changed = FileQuery.builder().updatedAfter(Instant.parse("2025-06-01T00:00:00Z")).build();
 *     for (FileInfo file : fileAi.listFiles(changed)) {
 *         fileAi.fileValues(file.getFileId()).forEach(values -> System.out.println(values.getFields()));
 *     }
 *
 *     // the pull integration: export each new file once, report the outcome, remember where we are
 *     ExportSyncResult run = fileAi.syncExports(ExportCheckpointStore.file(Path.of("fileai-checkpoint.json")),
 *             file -> ExportOutcome.completed("Imported to ERP as " + erp.importDocument(file)));
 * }
 * }</pre>
 *
 * <p>Every method validates its arguments before sending anything ({@link ClientValidationException}); error
 * responses arrive as the core's exceptions ({@code AuthenticationException} for 401, {@code
 * PermissionDeniedException} for 403 read-only mode, {@code NotFoundException}, {@code BadRequestException} for 422,
 * {@code RateLimitException} once retries are exhausted) carrying fileAI's message.
 */
public final class FileAiClient implements AutoCloseable {
    /** fileAI's production host; paths start with {@code /prod/v1}. */
    public static final String DEFAULT_BASE_URL = "https://api.orion.file.ai";
    /** The environment variable holding the API key. */
    public static final String ENV_API_KEY = "FILEAI_API_KEY";
    /** The environment variable overriding the base URL (optional). */
    public static final String ENV_BASE_URL = "FILEAI_BASE_URL";
    /** The header carrying the API key. */
    public static final String API_KEY_HEADER = "x-api-key";

    static final SdkModule MODULE = SdkModule.load(FileAiClient.class, "docsdk-fileai");
    /** fileAI documents no request-id header; these are the generic one and AWS API Gateway's (inferred). */
    private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "x-amzn-requestid",
            "x-amz-apigw-id");
    private static final String API_PATH = "/prod/v1";

    private final Transport transport;
    private final FileOperations files;
    private final UploadOperations uploads;

    private FileAiClient(Transport transport) {
        this.transport = transport;
        GeneratedApis apis = new GeneratedApis(transport);
        this.files = new FileOperations(apis);
        this.uploads = new UploadOperations(apis);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment: {@value #ENV_API_KEY} (required) and {@value #ENV_BASE_URL}
     * (optional).
     *
     * @throws ClientValidationException naming {@value #ENV_API_KEY} when it is not set
     */
    public static FileAiClient fromEnv() {
        return builder().fromEnv().build();
    }

    // ---------------------------------------------------------------- files

    /** Every file, all pages, lazily ({@value FileQuery#DEFAULT_PAGE_SIZE} per page). */
    public PagedIterable<FileInfo> listFiles() {
        return listFiles(FileQuery.all());
    }

    /**
     * The files {@code query} selects, all pages, lazily: a page is fetched when iteration reaches it.
     *
     * <pre>{@code
     * client.listFiles(FileQuery.builder().createdAfter(yesterday).build()).stream().limit(10).toList();
     * }</pre>
     */
    public PagedIterable<FileInfo> listFiles(FileQuery query) {
        return listFiles(query, RequestOptions.none());
    }

    public PagedIterable<FileInfo> listFiles(FileQuery query, RequestOptions options) {
        return files.listFiles(query, options);
    }

    /** One page (from 1) of the files {@code query} selects. */
    public FileList listFilesPage(FileQuery query, int page) {
        return listFilesPageWithResponse(query, page, RequestOptions.none()).value();
    }

    /** One page with the HTTP exchange (status, headers, request id). */
    public SdkResponse<FileList> listFilesPageWithResponse(FileQuery query, int page, RequestOptions options) {
        return files.listFilesPage(query, page, options);
    }

    /** The file with this id, if fileAI knows it (listed with the {@code fileIds} filter; there is no GET by id). */
    public Optional<FileInfo> findFile(String fileId) {
        String id = FileOperations.requireFileId(fileId);
        List<FileInfo> page = listFilesPage(FileQuery.builder().fileIds(id).pageSize(1).build(), 1).getFiles();
        return page == null ? Optional.empty() : page.stream().filter(f -> id.equals(f.getFileId())).findFirst();
    }

    // ---------------------------------------------------------------- export status

    /**
     * Reports a file's integration export status, with messages users see in the fileAI file list. Messages must not
     * be null or blank, and {@code error} needs at least one (the reason users see); otherwise nothing is sent.
     *
     * <pre>{@code
     * client.updateExportStatus(fileId, IntegrationExportStatus.ERROR,
     *         List.of("Validation failed: Invoice number format invalid", "Expected format: INV-YYYY-NNNN"));
     * }</pre>
     *
     * @return the file id and its export info as fileAI stored it
     * @throws ClientValidationException naming {@code messages} for an {@code error} without a message, before any
     *     request is sent
     */
    public FileExportStatusUpdateResult updateExportStatus(String fileId, IntegrationExportStatus status,
            List<String> messages) {
        return updateExportStatusWithResponse(fileId, status, messages, RequestOptions.none()).value();
    }

    public SdkResponse<FileExportStatusUpdateResult> updateExportStatusWithResponse(String fileId,
            IntegrationExportStatus status, List<String> messages, RequestOptions options) {
        return files.updateExportStatus(fileId, status, messages, options);
    }

    /** Reports the file as exported ({@code completed}), e.g. {@code "Successfully imported to SAP"}. */
    public FileExportStatusUpdateResult markExportCompleted(String fileId, String... messages) {
        return updateExportStatus(fileId, IntegrationExportStatus.COMPLETED, list(messages));
    }

    /** Reports the export as failed ({@code error}); at least one message says why. */
    public FileExportStatusUpdateResult markExportFailed(String fileId, String... messages) {
        return updateExportStatus(fileId, IntegrationExportStatus.ERROR, list(messages));
    }

    /** Reports the file as being exported ({@code exporting}), e.g. {@code "Queued for processing"}. */
    public FileExportStatusUpdateResult markExporting(String fileId, String... messages) {
        return updateExportStatus(fileId, IntegrationExportStatus.EXPORTING, list(messages));
    }

    /** Clears the export status ({@code empty}). */
    public FileExportStatusUpdateResult clearExportStatus(String fileId) {
        return updateExportStatus(fileId, IntegrationExportStatus.EMPTY, List.of());
    }

    // ---------------------------------------------------------------- pull integration

    /**
     * Runs the pull integration once with {@link ExportSyncOptions#defaults()}: every file updated since the
     * checkpoint (all pages) is reported {@code exporting}, handed to {@code handler}, then reported {@code completed}
     * or {@code error}; the checkpoint is saved after every file. A handler exception is reported as {@code error}
     * with its message and the run goes on. A run that stops half-way (crash, network failure) loses nothing: the next
     * run first reports outcomes already decided, then hands over every file without a final report; a file already
     * reported {@code completed} is not handed over twice.
     *
     * <pre>{@code
     * ExportSyncResult r = client.syncExports(ExportCheckpointStore.file(Path.of("fileai-checkpoint.json")), file -> {
     *     if (!"processed".equals(file.getStatus())) {
     *         return ExportOutcome.deferred();                 // not ready yet: again next run
     *     }
     *     return ExportOutcome.completed("Imported as " + erp.importDocument(file));
     * });
     * }</pre>
     *
     * @throws com.docsdk.core.SdkException when listing or reporting fails (after retries); run again later
     */
    public ExportSyncResult syncExports(ExportCheckpointStore store, FileExportHandler handler) {
        return syncExports(store, handler, ExportSyncOptions.defaults());
    }

    public ExportSyncResult syncExports(ExportCheckpointStore store, FileExportHandler handler,
            ExportSyncOptions options) {
        ClientValidationException.requireNonNull("store", store);
        ClientValidationException.requireNonNull("handler", handler);
        ClientValidationException.requireNonNull("options", options);
        return new ExportSync(files, transport.clock(), store, handler, options).run();
    }

    // ---------------------------------------------------------------- uploads

    /**
     * Uploads a document: asks fileAI for a presigned URL, then PUTs the bytes there with the declared
     * {@code fileType} (no API key goes to the storage host).
     *
     * @return the upload id and storage path; follow processing with {@link #awaitUpload(String)}
     */
    public UploadReceipt upload(FileUpload upload) {
        return upload(upload, RequestOptions.none());
    }

    public UploadReceipt upload(FileUpload upload, RequestOptions options) {
        return uploads.upload(upload, options);
    }

    /** Uploads and waits until fileAI has processed the document (or every file of a ZIP archive). */
    public UploadProgress uploadAndAwait(FileUpload upload, PollOptions pollOptions) {
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
        return awaitUpload(upload(upload).uploadId(), pollOptions);
    }

    /** Where the processing of an upload stands. */
    public UploadProgress uploadProgress(String uploadId) {
        return uploadProgressWithResponse(uploadId, RequestOptions.none()).value();
    }

    public SdkResponse<UploadProgress> uploadProgressWithResponse(String uploadId, RequestOptions options) {
        return uploads.progress(uploadId, options);
    }

    /** Waits with {@link PollOptions#defaults()} until processing finishes (or fails). */
    public UploadProgress awaitUpload(String uploadId) {
        return awaitUpload(uploadId, PollOptions.defaults());
    }

    /**
     * Waits until processing finishes: returns when it {@linkplain UploadState#FINISHED finished} or, for a ZIP
     * archive, {@linkplain UploadState#PARTIALLY_FAILED partially failed} (check {@link UploadProgress#state()}).
     *
     * @throws com.docsdk.core.WaitFailedException when processing failed, with the failed steps as messages
     * @throws com.docsdk.core.WaitTimeoutException when it did not finish in {@code pollOptions.timeout()}
     */
    public UploadProgress awaitUpload(String uploadId, PollOptions pollOptions) {
        return uploads.poller(uploadId, pollOptions, RequestOptions.none()).await();
    }

    /** As {@link #awaitUpload(String, PollOptions)}, in the background; cancelling the future stops polling. */
    public CompletableFuture<UploadProgress> awaitUploadAsync(String uploadId, PollOptions pollOptions) {
        return uploads.poller(uploadId, pollOptions, RequestOptions.none()).awaitAsync();
    }

    // ---------------------------------------------------------------- values, previews, schemas

    /** The values extracted from a file, all pages, lazily (100 per page). */
    public PagedIterable<FormValues> fileValues(String fileId) {
        return fileValues(fileId, false);
    }

    /**
     * The values extracted from a file, all pages, lazily; {@code includeFullTableData} returns every row of table
     * and list fields with more than 100 rows.
     */
    public PagedIterable<FormValues> fileValues(String fileId, boolean includeFullTableData) {
        return files.fileValues(fileId, FileOperations.DEFAULT_PAGE_SIZE, includeFullTableData, RequestOptions.none());
    }

    /** One page (from 1) of the values extracted from a file. */
    public FileValuesResponse fileValuesPage(String fileId, int page, int pageSize, boolean includeFullTableData) {
        return fileValuesPageWithResponse(fileId, page, pageSize, includeFullTableData, RequestOptions.none()).value();
    }

    public SdkResponse<FileValuesResponse> fileValuesPageWithResponse(String fileId, int page, int pageSize,
            boolean includeFullTableData, RequestOptions options) {
        return files.fileValuesPage(fileId, page, pageSize, includeFullTableData, options);
    }

    /** A signed URL to fetch a stored file, e.g. {@link UploadReceipt#s3Path()}. */
    public FilePreview createPreview(String s3Path) {
        return createPreviewWithResponse(s3Path, RequestOptions.none()).value();
    }

    public SdkResponse<FilePreview> createPreviewWithResponse(String s3Path, RequestOptions options) {
        return files.createPreview(s3Path, options);
    }

    /**
     * Downloads a stored file to {@code target} (atomically: a partial download never appears there), asking for a
     * fresh signed URL if the first one expired.
     */
    public DownloadResult downloadPreview(String s3Path, Path target) {
        return files.downloadPreview(s3Path, target, RequestOptions.none());
    }

    /** Every AI schema of the workspace, all pages, lazily (100 per page). */
    public PagedIterable<AiSchema> listSchemas() {
        return files.schemas(FileOperations.DEFAULT_PAGE_SIZE, RequestOptions.none());
    }

    /** One page (from 1) of AI schemas. */
    public AiSchemaList listSchemasPage(int page, int pageSize) {
        return listSchemasPageWithResponse(page, pageSize, RequestOptions.none()).value();
    }

    public SdkResponse<AiSchemaList> listSchemasPageWithResponse(int page, int pageSize, RequestOptions options) {
        return files.schemasPage(page, pageSize, options);
    }

    // ---------------------------------------------------------------- lifecycle

    /** The base URL requests go to (paths add {@code /prod/v1/...}). */
    public String baseUrl() {
        return transport.baseUrl().toString();
    }

    /** Releases connections and threads (not those of an {@code OkHttpClient} given to the builder). Idempotent. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "FileAiClient{" + transport + '}';
    }

    private static List<String> list(String[] messages) {
        ClientValidationException.requireNonNull("messages", messages);
        return Arrays.asList(messages);
    }

    /**
     * Builds a {@link FileAiClient}. Credentials come from {@link #apiKey(String)}, {@link #credentials(Credentials)}
     * or, after {@link #fromEnv()}, from {@value FileAiClient#ENV_API_KEY}; the base URL from {@link #baseUrl(String)}, else
     * {@value FileAiClient#ENV_BASE_URL} (after {@code fromEnv()}), else {@value FileAiClient#DEFAULT_BASE_URL}. Every transport setting of
     * {@link ClientBuilder} (shared {@code OkHttpClient}, timeouts, proxy, retries) applies.
     *
     * <pre>{@code
     * FileAiClient client = FileAiClient.builder()
     *         .apiKey(secrets.get("fileai"))
     *         .baseUrl("http://localhost:8089")        // a simulator; ".../prod/v1" is accepted too
     *         .readTimeout(Duration.ofSeconds(30))
     *         .build();
     * }</pre>
     */
    public static final class Builder extends ClientBuilder<Builder> {

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Authenticates with this API key (header {@value FileAiClient#API_KEY_HEADER}). */
        public Builder apiKey(String apiKey) {
            ClientValidationException.requireNonBlank("apiKey", apiKey);
            return credentials(Credentials.apiKey(API_KEY_HEADER, apiKey.trim()));
        }

        /**
         * The API's base URL, e.g. a simulator's or a regional host; fileAI's own examples include the
         * {@code /prod/v1} prefix, which is accepted and dropped (the SDK adds it to every path).
         */
        @Override
        public Builder baseUrl(String baseUrl) {
            ClientValidationException.requireNonBlank("baseUrl", baseUrl);
            return super.baseUrl(withoutApiPath(baseUrl.trim()));
        }

        /**
         * @throws ClientValidationException when no credentials were given (naming {@value FileAiClient#ENV_API_KEY} when they
         *     were to come from the environment) or a setting is invalid
         */
        public FileAiClient build() {
            if (credentialsOrNull() == null && usesEnvironment()) {
                apiKey(requireEnvironmentVariable(ENV_API_KEY, "the fileAI API key"));
            }
            if (credentialsOrNull() == null) {
                throw new ClientValidationException("credentials", "an API key is required: apiKey(...), "
                        + "credentials(...), or fromEnv() with " + ENV_API_KEY + " set");
            }
            String defaultBaseUrl = environmentVariable(ENV_BASE_URL).map(Builder::withoutApiPath)
                    .orElse(DEFAULT_BASE_URL);
            return new FileAiClient(buildTransport(MODULE, defaultBaseUrl, ErrorBodyParser.json(),
                    REQUEST_ID_HEADERS));
        }

        private static String withoutApiPath(String url) {
            String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            return u.endsWith(API_PATH) ? u.substring(0, u.length() - API_PATH.length()) : url;
        }
    }
}
