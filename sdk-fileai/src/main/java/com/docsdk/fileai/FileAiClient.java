package com.docsdk.fileai;

import com.docsdk.core.ClientBuilder;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.transfer.DownloadRequest;
import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.transfer.Downloader;
import com.docsdk.core.error.ErrorBodyParser;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.wait.PollStatus;
import com.docsdk.core.wait.Poller;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.store.IntegrationStore;
import com.docsdk.core.SdkModule;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.Transport;
import com.docsdk.core.transfer.UploadRequest;
import com.docsdk.core.transfer.UploadResult;
import com.docsdk.core.transfer.Uploader;
import com.docsdk.fileai.model.FileInfo;
import com.docsdk.fileai.model.FilePreviewRequest;
import com.docsdk.fileai.model.FileUploadResponse;
import com.docsdk.fileai.model.UploadStatus;
import com.docsdk.fileai.service.FileAiServices;
import com.docsdk.fileai.service.FilesService;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The fileAI Public API ({@code https://api.orion.file.ai/prod/v1}). Its operations are the generated services
 * ({@link #files()}, {@link #uploads()}, {@link #schemas()}); this class adds the builder and the flows no spec can
 * state: the presigned upload, waiting for processing, downloading a stored file, and the pull-integration sync with
 * its checkpoint. Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (FileAiClient fileAi = FileAiClient.fromEnv()) {            // FILEAI_API_KEY (and optional FILEAI_BASE_URL)
 *     UploadReceipt receipt = fileAi.upload(FileUpload.file(Path.of("invoice.pdf")).build());
 *     UploadProgress done = fileAi.awaitUpload(receipt.uploadId());
 *
 *     FilesService.ListParams changed = FilesService.ListParams.builder()
 *             .updatedAfter(OffsetDateTime.parse("2025-06-01T00:00:00Z")).build();
 *     for (FileInfo file : fileAi.files().list(changed, RequestOptions.none())) {     // every page, lazily
 *         fileAi.files().listValues(file.getFileId()).forEach(v -> System.out.println(v.getFields()));
 *     }
 *
 *     ExportSyncResult run = fileAi.syncExports(ExportCheckpointStore.file(Path.of("fileai-checkpoint.json")),
 *             file -> ExportOutcome.completed("Imported to ERP as " + erp.importDocument(file)));
 * }
 * }</pre>
 *
 * <p>Every call validates its arguments before sending anything ({@link ClientValidationException}); error
 * responses arrive as the core's exceptions ({@code AuthenticationException} for 401, {@code
 * PermissionDeniedException} for 403 read-only mode, {@code NotFoundException}, {@code BadRequestException} for 422,
 * {@code RateLimitException} once retries are exhausted) carrying fileAI's message.
 */
public final class FileAiClient extends FileAiServices {
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

    private FileAiClient(Transport transport) {
        super(transport);
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

    /** The file with this id, if fileAI knows it (listed with the {@code fileIds} filter; there is no GET by id). */
    public Optional<FileInfo> findFile(String fileId) {
        String id = ClientValidationException.requireNonBlank("fileId", fileId).trim();
        List<FileInfo> page = files().listPage(FilesService.ListParams.builder().fileIds(id).limit(1).build(),
                RequestOptions.none()).getFiles();
        return page == null ? Optional.empty() : page.stream().filter(f -> id.equals(f.getFileId())).findFirst();
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
     * @throws com.docsdk.core.error.SdkException when listing or reporting fails (after retries); run again later
     */
    public ExportSyncResult syncExports(ExportCheckpointStore store, FileExportHandler handler) {
        return syncExports(store, handler, ExportSyncOptions.defaults());
    }

    /** As {@link #syncExports(ExportCheckpointStore, FileExportHandler)} with {@code options}. */
    public ExportSyncResult syncExports(ExportCheckpointStore store, FileExportHandler handler,
            ExportSyncOptions options) {
        ClientValidationException.requireNonNull("store", store);
        ClientValidationException.requireNonNull("handler", handler);
        ClientValidationException.requireNonNull("options", options);
        return new ExportSync(files(), transport().clock(),
                new CheckpointLedger(store, options.echoWindow()), handler, options).run();
    }

    /**
     * Runs the pull integration once as one of N workers sharing {@code store} (a database every replica reaches,
     * e.g. {@code sdk-jdbc}'s {@code JdbcIntegrationStore}): the same run as
     * {@link #syncExports(ExportCheckpointStore, FileExportHandler)}, but each listed file is claimed in the store
     * under a lease ({@link ExportSyncOptions#claimTtl()}) before it is handed over, so that every worker can list the
     * same window and each file goes to one of them; the outcome is recorded in the store before it is reported, so a
     * worker that crashes after its handler ran is resumed by another without calling the handler again; the
     * watermark moves only under the scope's lease and never past a file some worker has not finished.
     *
     * <p>The handler runs once per file, except when a worker crashes (or its handler outlives its claim) between
     * the handler and the outcome record: another worker then takes the file over and runs the handler again; the
     * result lists those files ({@link ExportSyncResult#takenOver()}, {@link ExportSyncResult#lostClaims()}).
     *
     * @throws com.docsdk.core.error.SdkException when listing or reporting fails (after retries), or the store
     *     does ({@link com.docsdk.core.store.StoreException}); run again later
     */
    public ExportSyncResult syncExports(IntegrationStore store, FileExportHandler handler, ExportSyncOptions options) {
        ClientValidationException.requireNonNull("store", store);
        ClientValidationException.requireNonNull("handler", handler);
        ClientValidationException.requireNonNull("options", options);
        return new ExportSync(files(), transport().clock(), new SharedLedger(store, options, transport().clock()),
                handler, options).run();
    }

    // ---------------------------------------------------------------- uploads

    /**
     * Uploads a document: asks fileAI for a presigned URL ({@code uploads().create}), then PUTs the bytes there with
     * the declared {@code fileType} (no API key goes to the storage host).
     *
     * @return the upload id and storage path; follow processing with {@link #awaitUpload(String)}
     */
    public UploadReceipt upload(FileUpload upload) {
        return upload(upload, RequestOptions.none());
    }

    /** As {@link #upload(FileUpload)} with per-call options (for both the API call and the PUT). */
    public UploadReceipt upload(FileUpload upload, RequestOptions options) {
        ClientValidationException.requireNonNull("upload", upload);
        ClientValidationException.requireNonNull("options", options);
        FileUploadResponse created = uploads().create(upload.toRequest(), options);
        String uploadId = created == null ? null : created.getUploadId();
        String url = created == null ? null : created.getPresignedUploadURL();
        if (uploadId == null || uploadId.isBlank() || url == null || url.isBlank()) {
            throw new SdkException("fileAI accepted the upload of " + upload.fileName()
                    + " but sent no uploadId or presignedUploadURL");
        }
        UploadRequest.Builder put = UploadRequest.toUrl(url).contentType(upload.fileType())
                .progress(upload.progress()).options(options);
        if (upload.path().isPresent()) {
            put.file(upload.path().get());
        } else {
            put.stream(upload.stream(), upload.length());
        }
        UploadResult sent = new Uploader(transport()).upload(put.build());
        return new UploadReceipt(uploadId, sent.bytes(), created);
    }

    /** Uploads and waits until fileAI has processed the document (or every file of a ZIP archive). */
    public UploadProgress uploadAndAwait(FileUpload upload, PollOptions pollOptions) {
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
        return awaitUpload(upload(upload).uploadId(), pollOptions);
    }

    /** Where the processing of an upload stands (the status, with 207 read as a partly failed ZIP). */
    public UploadProgress uploadProgress(String uploadId) {
        return progress(uploadId, RequestOptions.none()).value();
    }

    /** Waits with {@link PollOptions#defaults()} until processing finishes (or fails). */
    public UploadProgress awaitUpload(String uploadId) {
        return awaitUpload(uploadId, PollOptions.defaults());
    }

    /**
     * Waits until processing finishes: returns when it {@linkplain UploadState#FINISHED finished} or, for a ZIP
     * archive, {@linkplain UploadState#PARTIALLY_FAILED partially failed} (check {@link UploadProgress#state()}).
     *
     * @throws com.docsdk.core.wait.WaitFailedException when processing failed, with the failed steps as messages
     * @throws com.docsdk.core.wait.WaitTimeoutException when it did not finish in {@code pollOptions.timeout()}
     */
    public UploadProgress awaitUpload(String uploadId, PollOptions pollOptions) {
        return uploadPoller(uploadId, pollOptions).await();
    }

    /** As {@link #awaitUpload(String, PollOptions)}, in the background; cancelling the future stops polling. */
    public CompletableFuture<UploadProgress> awaitUploadAsync(String uploadId, PollOptions pollOptions) {
        return uploadPoller(uploadId, pollOptions).awaitAsync();
    }

    private SdkResponse<UploadProgress> progress(String uploadId, RequestOptions options) {
        SdkResponse<UploadStatus> r = uploads().withRawResponse().get(uploadId, options);
        UploadStatus body = r.value() != null ? r.value() : new UploadStatus();
        return r.withValue(new UploadProgress(body, r.statusCode()));
    }

    private Poller<UploadProgress> uploadPoller(String uploadId, PollOptions pollOptions) {
        String id = ClientValidationException.requireNonBlank("uploadId", uploadId).trim();
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
        return Poller.<UploadProgress>builder("fileAI upload " + id)
                .pollResponse(() -> progress(id, RequestOptions.none()))
                .status(p -> p.state().name().toLowerCase(Locale.ROOT))
                .classifier(p -> switch (p.state()) {
                    case PROCESSING -> PollStatus.IN_PROGRESS;
                    case FINISHED, PARTIALLY_FAILED -> PollStatus.SUCCEEDED;
                    case FAILED -> PollStatus.FAILED;
                })
                .failureMessages(UploadProgress::failureMessages)
                .options(pollOptions)
                .runtime(transport())
                .build();
    }

    // ---------------------------------------------------------------- stored files

    /**
     * Downloads a stored file (e.g. {@link UploadReceipt#s3Path()}) to {@code target} atomically (a partial download
     * never appears there), asking {@code files().createPreview} for a fresh signed URL if the first one expired.
     */
    public DownloadResult downloadPreview(String s3Path, Path target) {
        String path = ClientValidationException.requireNonBlank("s3Path", s3Path).trim();
        ClientValidationException.requireNonNull("target", target);
        DownloadRequest request = DownloadRequest.fromSource(() -> signedUrl(path)).toFile(target).build();
        return new Downloader(transport()).download(request);
    }

    private String signedUrl(String s3Path) {
        var preview = files().createPreview(new FilePreviewRequest().s3Path(s3Path));
        String url = preview == null ? null : preview.getSignedUrl();
        if (url == null || url.isBlank()) {
            throw new SdkException("the preview of " + s3Path + " came without a signedUrl");
        }
        return url;
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
