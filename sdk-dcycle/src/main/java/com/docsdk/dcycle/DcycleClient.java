package com.docsdk.dcycle;

import com.docsdk.core.ClientBuilder;
import com.docsdk.core.ClientValidationException;
import com.docsdk.core.Credentials;
import com.docsdk.core.DownloadRequest;
import com.docsdk.core.DownloadResult;
import com.docsdk.core.PagedIterable;
import com.docsdk.core.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkModule;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.Transport;
import com.docsdk.dcycle.generated.model.CreateRecordsRequest;
import com.docsdk.dcycle.generated.model.FilePage;
import com.docsdk.dcycle.generated.model.FileReading;
import com.docsdk.dcycle.generated.model.FileReadingListItem;
import com.docsdk.dcycle.generated.model.FileReadingPage;
import com.docsdk.dcycle.generated.model.FileRecord;
import com.docsdk.dcycle.generated.model.UploadConfirmationStatus;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Client for the Dcycle Files API: presigned uploads, file records, file readings and the invoices or wastes created
 * from them.
 *
 * <pre>{@code
 * try (DcycleClient dcycle = DcycleClient.fromEnv()) {      // DCYCLE_API_KEY, DCYCLE_ORGANIZATION_ID
 *     UploadBatchResult uploaded = dcycle.uploadFiles(List.of(FileUpload.of(Path.of("water-invoice-2024-03.pdf"))));
 *     String fileId = uploaded.files().get(0).fileId().orElseThrow();
 *
 *     FileReadingListItem item = dcycle.awaitReading(fileId);           // classified and read by Dcycle
 *     dcycle.createRecords(RecordsRequest.builder(item.getReading().getId())
 *             .facility("a8315ef3-dd50-43f8-b7ce-d839e68d51fa", 1.0)
 *             .build());
 *
 *     for (FileRecord f : dcycle.listFiles()) {                          // lazy: pages are fetched as you iterate
 *         System.out.println(f.getId() + " " + f.getName() + "." + f.getExtension() + " " + f.getStatus());
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Credentials</b>: {@code x-api-key} plus {@code x-organization-id} (the current scheme), or with
 *       {@link Builder#authScheme(DcycleAuthScheme) LEGACY_BEARER} / {@link Builder#bearerToken(String)}
 *       {@code Authorization: Bearer} plus {@code x-organization-id} and an optional {@code x-partner}. They go to
 *       the API host only, never to presigned storage URLs.</li>
 *   <li><b>Uploads</b>: {@link #uploadFiles(List)} asks Dcycle for presigned URLs for the whole batch, streams each
 *       file to its URL with its exact MIME type, then marks the stored files {@code uploaded} and the others
 *       {@code error}: no file is left {@code pending} silently. If that confirmation fails, a
 *       {@link DcycleUploadException} carries every file's id and outcome.</li>
 *   <li><b>Errors</b>: Dcycle's {@code {detail, code}} bodies (and FastAPI's {@code detail} lists) become the core's
 *       exceptions ({@code NotFoundException}, {@code BadRequestException}...) with the vendor's message and code;
 *       a 403 also says to check the organization id.</li>
 *   <li><b>Validation</b>: arguments are checked before any request; a bad one throws
 *       {@link ClientValidationException} naming it.</li>
 * </ul>
 *
 * <p>Thread-safe; {@link #close()} releases the connection pool (unless it was shared through
 * {@link Builder#okHttpClient(okhttp3.OkHttpClient)}).
 */
public final class DcycleClient implements AutoCloseable {
    /** Environment variable holding the API key. */
    public static final String ENV_API_KEY = "DCYCLE_API_KEY";
    /** Environment variable holding the organization id sent as {@code x-organization-id}. */
    public static final String ENV_ORGANIZATION_ID = "DCYCLE_ORGANIZATION_ID";
    /** Optional environment variable overriding the base URL (a simulator, another host). */
    public static final String ENV_BASE_URL = "DCYCLE_BASE_URL";
    /** The production API. */
    public static final String DEFAULT_BASE_URL = "https://api.dcycle.io";
    /** The header of the current API-key scheme. */
    public static final String API_KEY_HEADER = "x-api-key";
    /** The header naming the organization every request acts on. */
    public static final String ORGANIZATION_HEADER = "x-organization-id";
    /** The optional header of the legacy bearer scheme. */
    public static final String PARTNER_HEADER = "x-partner";
    /** The page size {@link #listFiles()} uses: the API's maximum. */
    public static final int DEFAULT_PAGE_SIZE = Inputs.MAX_PAGE_SIZE;

    static final SdkModule MODULE = SdkModule.load(DcycleClient.class, "docsdk-dcycle");
    private static final PollOptions DEFAULT_READING_POLL_OPTIONS = PollOptions.builder()
            .interval(Duration.ofSeconds(2)).maxInterval(Duration.ofSeconds(30)).timeout(Duration.ofMinutes(15))
            .build();

    private final Transport transport;
    private final PollOptions readingPollOptions;
    private final UploadFlow uploads;
    private final FileOperations files;
    private final ReadingOperations readings;
    private final ReadingWaiter waiter;

    private DcycleClient(Transport transport, PollOptions readingPollOptions) {
        this.transport = transport;
        this.readingPollOptions = readingPollOptions;
        DcycleApi api = new DcycleApi(transport);
        this.uploads = new UploadFlow(api);
        this.files = new FileOperations(api);
        this.readings = new ReadingOperations(api);
        this.waiter = new ReadingWaiter(api, readings);
    }

    /** A builder; an API key (or token) and the organization id, or {@link Builder#fromEnv()}, are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from {@value #ENV_API_KEY}, {@value #ENV_ORGANIZATION_ID} and optionally
     * {@value #ENV_BASE_URL}, with the current {@code x-api-key} scheme.
     *
     * @throws ClientValidationException naming the missing variable
     */
    public static DcycleClient fromEnv() {
        return builder().fromEnv().build();
    }

    // ------------------------------------------------------------------------------------------------ uploads

    /**
     * Uploads files in one batch: {@code POST /v1/files/presigned-urls}, a streamed PUT of each file to its
     * presigned URL with its MIME type, then {@code PATCH /v1/files/batch-update} marking the stored files
     * {@code uploaded} (Dcycle then classifies them) and the others {@code error}. A file that could not be stored
     * does not fail the call: its outcome says why.
     *
     * @return every file's outcome, in order
     * @throws DcycleUploadException when the confirmation failed (files still {@code pending}; the exception has
     *     their ids and which were stored)
     * @throws com.docsdk.core.SdkHttpException when Dcycle refused the batch (nothing was created)
     */
    public UploadBatchResult uploadFiles(List<FileUpload> files) {
        return uploadFiles(files, UploadOptions.defaults());
    }

    /** Uploads files in one batch with options (a project to link them to, per-call settings). */
    public UploadBatchResult uploadFiles(List<FileUpload> files, UploadOptions options) {
        return uploads.upload(files, options);
    }

    /** Uploads one file, everything derived from it ({@link FileUpload#of(Path)}); see {@link #uploadFiles(List)}. */
    public FileUploadOutcome uploadFile(Path file) {
        return uploadFiles(List.of(FileUpload.of(file))).files().get(0);
    }

    /**
     * Marks files {@code uploaded} ({@code PATCH /v1/files/batch-update}), for example files a
     * {@link DcycleUploadException} left pending after their bytes were stored.
     */
    public void confirmUploaded(List<String> fileIds) {
        confirmUploaded(fileIds, null, RequestOptions.none());
    }

    /** Marks files {@code uploaded} and, with a {@code projectId} (nullable), links them to that project. */
    public void confirmUploaded(List<String> fileIds, String projectId, RequestOptions options) {
        if (projectId != null) {
            Inputs.id("projectId", projectId);
        }
        uploads.setStatus(fileIds, UploadConfirmationStatus.UPLOADED, projectId, options);
    }

    /** Marks files {@code error} ({@code PATCH /v1/files/batch-update}): their upload failed. */
    public void markUploadFailed(List<String> fileIds) {
        uploads.setStatus(fileIds, UploadConfirmationStatus.ERROR, null, RequestOptions.none());
    }

    // ------------------------------------------------------------------------------------------------ files

    /** Every file of the organization, fetched lazily {@value #DEFAULT_PAGE_SIZE} at a time. */
    public PagedIterable<FileRecord> listFiles() {
        return listFiles(DEFAULT_PAGE_SIZE, RequestOptions.none());
    }

    /**
     * Every file of the organization, fetched lazily {@code pageSize} at a time.
     *
     * @param pageSize 1 to 100
     */
    public PagedIterable<FileRecord> listFiles(int pageSize, RequestOptions options) {
        return files.list(pageSize, options);
    }

    /** One page of files ({@code page} from 1), with the page envelope and HTTP details. */
    public SdkResponse<FilePage> listFilesPageWithResponse(int page, int pageSize, RequestOptions options) {
        return files.page(page, pageSize, options);
    }

    /**
     * One file with its metadata.
     *
     * @throws com.docsdk.core.NotFoundException when it does not exist in the organization
     */
    public FileRecord getFile(String fileId) {
        return getFileWithResponse(fileId, RequestOptions.none()).value();
    }

    /** One file, with status, headers and request id. */
    public SdkResponse<FileRecord> getFileWithResponse(String fileId, RequestOptions options) {
        return files.get(fileId, options);
    }

    /** Soft-deletes a file (status {@code deleted}); {@link #recoverFile(String)} restores it. */
    public void deleteFile(String fileId) {
        deleteFile(fileId, RequestOptions.none());
    }

    public void deleteFile(String fileId, RequestOptions options) {
        files.delete(fileId, options);
    }

    /** Restores a soft-deleted file. */
    public void recoverFile(String fileId) {
        recoverFile(fileId, RequestOptions.none());
    }

    public void recoverFile(String fileId, RequestOptions options) {
        files.recover(fileId, options);
    }

    /**
     * Asks Dcycle to process a file again ({@code POST /v1/files/send-event}, {@code PROCESS_DOCUMENT}), for a
     * classified file that produced no reading. The reading comes later: {@link #awaitReading(String)}.
     *
     * @return true when Dcycle accepted and queued the event
     */
    public boolean reprocessFile(String fileId) {
        return reprocessFile(fileId, RequestOptions.none());
    }

    public boolean reprocessFile(String fileId, RequestOptions options) {
        return files.reprocess(fileId, options);
    }

    /**
     * Downloads a file from its record's {@code url} to {@code target}, atomically (a temporary file moved into
     * place when complete). The storage host gets no Dcycle credential; an expired URL is read again from the record.
     */
    public DownloadResult downloadFile(String fileId, Path target) {
        Inputs.id("fileId", fileId);
        ClientValidationException.requireNonNull("target", target);
        return files.download(DownloadRequest.fromSource(() -> files.downloadUrl(fileId)).toFile(target).build());
    }

    /** Streams a file into {@code out} (not closed). */
    public DownloadResult downloadFile(String fileId, OutputStream out) {
        Inputs.id("fileId", fileId);
        ClientValidationException.requireNonNull("out", out);
        return files.download(DownloadRequest.fromSource(() -> files.downloadUrl(fileId)).toStream(out).build());
    }

    // ------------------------------------------------------------------------------------------------ readings

    /** Every file reading (and folder) of the organization, fetched lazily. */
    public PagedIterable<FileReadingListItem> listReadings() {
        return listReadings(ReadingQuery.all());
    }

    /**
     * The file readings matching {@code query}, fetched lazily {@link ReadingQuery#pageSize()} at a time. The API
     * lists folders among them (items without a {@code reading}).
     */
    public PagedIterable<FileReadingListItem> listReadings(ReadingQuery query) {
        return listReadings(query, RequestOptions.none());
    }

    public PagedIterable<FileReadingListItem> listReadings(ReadingQuery query, RequestOptions options) {
        return readings.list(query, options);
    }

    /** One page of readings ({@code page} from 1), with the page envelope and HTTP details. */
    public SdkResponse<FileReadingPage> listReadingsPageWithResponse(ReadingQuery query, int page,
            RequestOptions options) {
        return readings.page(query, page, options);
    }

    /**
     * The listed item of one file with its reading ({@code GET /v1/files/readings?file_id=...}); empty while Dcycle
     * lists nothing for it. The item's {@code reading} is null until the file is processed.
     */
    public Optional<FileReadingListItem> findReading(String fileId) {
        return readings.ofFile(fileId, RequestOptions.none()).value();
    }

    /**
     * Replaces a reading's extracted content ({@code PUT /v1/files/readings/{file_reading_id}}) before records are
     * created from it. The item fields depend on the category, e.g. {@code invoice_number}, {@code quantity},
     * {@code unit}, {@code start_date}, {@code end_date} for water.
     *
     * @return the updated reading
     */
    public FileReading updateReading(String fileReadingId, List<Map<String, Object>> items) {
        return updateReadingWithResponse(fileReadingId, items, RequestOptions.none()).value();
    }

    public SdkResponse<FileReading> updateReadingWithResponse(String fileReadingId, List<Map<String, Object>> items,
            RequestOptions options) {
        return readings.update(fileReadingId, items, options);
    }

    /** Creates invoices or wastes from one file reading and links them to facilities ({@code POST /v1/files/readings}). */
    public void createRecords(RecordsRequest request) {
        createRecordsWithResponse(request, RequestOptions.none());
    }

    public SdkResponse<Void> createRecordsWithResponse(RecordsRequest request, RequestOptions options) {
        ClientValidationException.requireNonNull("request", request);
        return readings.createRecords(request.toBody(), options);
    }

    /**
     * Creates records from a generated request body, checked like a {@link RecordsRequest}: exactly one file reading,
     * at least one facility, shares in [0, 1] totalling at most 1.
     */
    public SdkResponse<Void> createRecordsWithResponse(CreateRecordsRequest body, RequestOptions options) {
        return readings.createRecords(body, options);
    }

    /**
     * Waits until Dcycle has read the file, with the client's reading poll options (every 2 s growing to 30 s, at
     * most 15 minutes by default).
     *
     * @return the file's listed item with its {@code reading} (status {@code success})
     * @throws com.docsdk.core.WaitFailedException when the reading has status {@code error} (the item is its
     *     {@code resource()})
     * @throws com.docsdk.core.WaitTimeoutException when no reading came in time
     */
    public FileReadingListItem awaitReading(String fileId) {
        return awaitReading(fileId, readingPollOptions);
    }

    public FileReadingListItem awaitReading(String fileId, PollOptions pollOptions) {
        return waiter.poller(fileId, pollOptions).await();
    }

    /** Waits in the background on the client's poll scheduler; cancelling the future stops polling. */
    public CompletableFuture<FileReadingListItem> awaitReadingAsync(String fileId) {
        return awaitReadingAsync(fileId, readingPollOptions);
    }

    public CompletableFuture<FileReadingListItem> awaitReadingAsync(String fileId, PollOptions pollOptions) {
        return waiter.poller(fileId, pollOptions).awaitAsync();
    }

    /** Re-triggers processing ({@link #reprocessFile(String)}) and waits for the reading. */
    public FileReadingListItem reprocessAndAwaitReading(String fileId) {
        var poller = waiter.poller(fileId, readingPollOptions); // checks the arguments before the event is sent
        reprocessFile(fileId);
        return poller.await();
    }

    /** Releases the connection pool and threads this client created. Idempotent. */
    @Override
    public void close() {
        transport.close();
    }

    /** Describes the client; never shows a credential. */
    @Override
    public String toString() {
        return "DcycleClient{" + transport + '}';
    }

    /**
     * Builds a {@link DcycleClient}. The base URL is {@link #baseUrl(String)}, else {@value DcycleClient#ENV_BASE_URL}
     * (with {@link #fromEnv()}), else {@value DcycleClient#DEFAULT_BASE_URL}.
     *
     * <pre>{@code
     * DcycleClient dcycle = DcycleClient.builder()
     *         .apiKey(apiKey)
     *         .organizationId("7d1e5a2b-0c3f-4e8a-9b6d-2f4c8e1a3b5d")
     *         .retryPolicy(RetryPolicy.builder().maxRetries(5).build())
     *         .build();
     * }</pre>
     */
    public static final class Builder extends ClientBuilder<Builder> {
        private String apiKey;
        private String bearerToken;
        private String organizationId;
        private String partner;
        private DcycleAuthScheme authScheme = DcycleAuthScheme.API_KEY;
        private boolean explicitCredentials;
        private PollOptions readingPollOptions = DEFAULT_READING_POLL_OPTIONS;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The API key; sent as {@code x-api-key}, or as a bearer token with {@link DcycleAuthScheme#LEGACY_BEARER}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = ClientValidationException.requireNonBlank("apiKey", apiKey);
            return this;
        }

        /** A JWT (from {@code POST /auth/login}) or API token, sent as {@code Authorization: Bearer} (legacy). */
        public Builder bearerToken(String token) {
            this.bearerToken = ClientValidationException.requireNonBlank("bearerToken", token);
            return this;
        }

        /** The organization every request acts on ({@code x-organization-id}). Required. */
        public Builder organizationId(String organizationId) {
            this.organizationId = Inputs.id("organizationId", organizationId);
            return this;
        }

        /** The legacy {@code x-partner} header ({@code dcycle} unless Dcycle gave you another value). */
        public Builder partner(String partner) {
            this.partner = ClientValidationException.requireNonBlank("partner", partner);
            return this;
        }

        /** How the API key is sent; default {@link DcycleAuthScheme#API_KEY}. */
        public Builder authScheme(DcycleAuthScheme authScheme) {
            this.authScheme = ClientValidationException.requireNonNull("authScheme", authScheme);
            return this;
        }

        /**
         * Any other credentials (a refreshing JWT provider); {@code x-organization-id} (and {@code x-partner}) are
         * added to them. Not combinable with {@link #apiKey(String)} or {@link #bearerToken(String)}.
         */
        @Override
        public Builder credentials(Credentials credentials) {
            explicitCredentials = true;
            return super.credentials(credentials);
        }

        /** How {@code awaitReading} polls by default (2 s growing to 30 s, at most 15 minutes). */
        public Builder readingPollOptions(PollOptions pollOptions) {
            this.readingPollOptions = ClientValidationException.requireNonNull("readingPollOptions", pollOptions);
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws ClientValidationException when the credential or organization id is missing (naming the
         *     environment variable with {@link #fromEnv()}), settings conflict, or the base URL is not usable
         */
        public DcycleClient build() {
            String org = organizationId != null ? organizationId : variable(ENV_ORGANIZATION_ID);
            super.credentials(resolveCredentials(org));
            Transport transport = buildTransport(MODULE, environmentVariable(ENV_BASE_URL).orElse(DEFAULT_BASE_URL),
                    DcycleErrorParser.INSTANCE,
                    List.of("x-request-id", "request-id"));
            return new DcycleClient(transport, readingPollOptions);
        }

        private Credentials resolveCredentials(String org) {
            ClientValidationException.require(apiKey == null || bearerToken == null, "bearerToken",
                    "set either apiKey(...) or bearerToken(...), not both");
            ClientValidationException.require(!explicitCredentials || (apiKey == null && bearerToken == null),
                    "credentials", "set either credentials(...) or apiKey/bearerToken, not both");
            DcycleAuthScheme scheme = bearerToken != null ? DcycleAuthScheme.LEGACY_BEARER : authScheme;
            ClientValidationException.require(partner == null || scheme == DcycleAuthScheme.LEGACY_BEARER
                    || explicitCredentials, "partner", "x-partner belongs to the legacy bearer scheme: use "
                    + "authScheme(DcycleAuthScheme.LEGACY_BEARER) or bearerToken(...)");
            Credentials base;
            if (explicitCredentials) {
                base = credentialsOrNull();
            } else {
                String key = bearerToken != null ? bearerToken : apiKey != null ? apiKey : variable(ENV_API_KEY);
                if (key == null) {
                    throw usesEnvironment()
                            ? new ClientValidationException(ENV_API_KEY, "is not set: the Dcycle API key is required")
                            : new ClientValidationException("apiKey",
                                    "required: apiKey(...), bearerToken(...), credentials(...) or fromEnv()");
                }
                base = scheme == DcycleAuthScheme.API_KEY ? Credentials.apiKey(API_KEY_HEADER, key)
                        : Credentials.bearerToken(key);
            }
            if (org == null) {
                throw usesEnvironment() && organizationId == null
                        ? new ClientValidationException(ENV_ORGANIZATION_ID,
                                "is not set: the Dcycle organization id (x-organization-id) is required")
                        : new ClientValidationException("organizationId",
                                "required: every Dcycle request names its organization (x-organization-id)");
            }
            Inputs.id(usesEnvironment() && organizationId == null ? ENV_ORGANIZATION_ID : "organizationId", org);
            Credentials withOrg = base.withHeader(ORGANIZATION_HEADER, org);
            return partner == null ? withOrg : withOrg.withHeader(PARTNER_HEADER, partner);
        }

        private String variable(String name) {
            return environmentVariable(name).orElse(null);
        }
    }
}
