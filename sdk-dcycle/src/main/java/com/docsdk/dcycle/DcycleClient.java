package com.docsdk.dcycle;

import com.docsdk.core.ClientBuilder;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.transfer.DownloadRequest;
import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.transfer.Downloader;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.SdkModule;
import com.docsdk.core.Transport;
import com.docsdk.core.transfer.Uploader;
import com.docsdk.dcycle.model.FileEventDetail;
import com.docsdk.dcycle.model.FileEventRequest;
import com.docsdk.dcycle.model.FileReadingListItem;
import com.docsdk.dcycle.model.FileRecord;
import com.docsdk.dcycle.service.DcycleServices;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The Dcycle Files API ({@code https://api.dcycle.io}, paths {@code /v1/files/...}). Its operations are the generated
 * services ({@link #uploads()}, {@link #files()}, {@link #fileReadings()}); this class adds the builder and the flows
 * no spec can state: the presigned batch upload with its confirmation, waiting for a file's reading, and downloading a
 * stored file. Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (DcycleClient dcycle = DcycleClient.fromEnv()) {      // DCYCLE_API_KEY, DCYCLE_ORGANIZATION_ID
 *     UploadBatchResult uploaded = dcycle.uploadFiles(List.of(FileUpload.of(Path.of("water-invoice-2024-03.pdf"))));
 *     String fileId = uploaded.files().get(0).fileId().orElseThrow();
 *
 *     FileReadingListItem item = dcycle.awaitReading(fileId);           // classified and read by Dcycle
 *     dcycle.fileReadings().createRecords(new CreateRecordsRequest()
 *             .addFileReadingsItem(new FileReadingReference().id(item.getReading().getId()))
 *             .addFacilitiesItem(new FacilityAllocation().id("a8315ef3-dd50-43f8-b7ce-d839e68d51fa").percentage(1.0)));
 *
 *     for (FileRecord f : dcycle.files().list()) {                       // lazy: pages are fetched as you iterate
 *         System.out.println(f.getId() + " " + f.getName() + "." + f.getExtension() + " " + f.getStatus());
 *     }
 * }
 * }</pre>
 *
 * <p>Credentials ({@code x-api-key}, or the legacy {@code Authorization: Bearer} with {@code x-partner}) and
 * {@code x-organization-id} go to the API host only, never to presigned storage URLs. Every call validates its
 * arguments before sending anything ({@link ClientValidationException} naming the parameter); Dcycle's
 * {@code {detail, code}} bodies (and FastAPI's {@code detail} lists) arrive as the core's exceptions with the vendor's
 * message and code, and a 403 also says to check the organization id.
 */
public final class DcycleClient extends DcycleServices {
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
    /** The event ({@code files().sendEvent}) that makes Dcycle (re-)process a classified file into a reading. */
    public static final String PROCESS_DOCUMENT = "PROCESS_DOCUMENT";

    static final SdkModule MODULE = SdkModule.load(DcycleClient.class, "docsdk-dcycle");
    private static final PollOptions DEFAULT_READING_POLL_OPTIONS = PollOptions.builder()
            .interval(Duration.ofSeconds(2)).maxInterval(Duration.ofSeconds(30)).timeout(Duration.ofMinutes(15))
            .build();
    /** Ids as the spec constrains the ones a client sends: a UUID, never blank, no whitespace. */
    private static final Pattern ID = Pattern.compile("\\S+");

    private final PollOptions readingPollOptions;
    private final UploadFlow uploadFlow;
    private final ReadingWaiter readings;

    private DcycleClient(Transport transport, PollOptions readingPollOptions) {
        super(transport);
        this.readingPollOptions = readingPollOptions;
        this.uploadFlow = new UploadFlow(uploads(), new Uploader(transport));
        this.readings = new ReadingWaiter(fileReadings(), transport);
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

    /** The records flow: create a reading's invoices or wastes naming facilities by id or name, read them back. */
    public DcycleRecords records() { return new DcycleRecords(this); }

    // ---------------------------------------------------------------- uploads

    /**
     * Uploads files in one batch: {@code uploads().create} ({@code POST /v1/files/presigned-urls}), a streamed PUT of
     * each file to its presigned URL with its MIME type, then {@code uploads().update}
     * ({@code PATCH /v1/files/batch-update}) marking the stored files {@code uploaded} (Dcycle then classifies them)
     * and the others {@code error}. A file that could not be stored does not fail the call: its outcome says why.
     *
     * @return every file's outcome, in order
     * @throws DcycleUploadException when the confirmation failed (files still {@code pending}; the exception has
     *     their ids and which were stored)
     * @throws com.docsdk.core.error.SdkHttpException when Dcycle refused the batch (nothing was created)
     */
    public UploadBatchResult uploadFiles(List<FileUpload> files) {
        return uploadFiles(files, UploadOptions.defaults());
    }

    /** Uploads files in one batch with options (a project to link them to, per-call settings). */
    public UploadBatchResult uploadFiles(List<FileUpload> files, UploadOptions options) {
        return uploadFlow.upload(files, options);
    }

    /** Uploads one file, everything derived from it ({@link FileUpload#of(Path)}); see {@link #uploadFiles(List)}. */
    public FileUploadOutcome uploadFile(Path file) {
        return uploadFiles(List.of(FileUpload.of(file))).files().get(0);
    }

    // ---------------------------------------------------------------- readings

    /**
     * The listed item of one file with its reading ({@code fileReadings().list} with {@code file_id}); empty while
     * Dcycle lists nothing for it. The item's {@code reading} is null until the file is processed.
     */
    public Optional<FileReadingListItem> findReading(String fileId) {
        return readings.find(fileId).value();
    }

    /**
     * Waits until Dcycle has read the file, with the client's reading poll options (every 2 s growing to 30 s, at
     * most 15 minutes by default).
     *
     * @return the file's listed item with its {@code reading} (status {@code success})
     * @throws com.docsdk.core.wait.WaitFailedException when the reading has status {@code error} (the item is its
     *     {@code resource()})
     * @throws com.docsdk.core.wait.WaitTimeoutException when no reading came in time
     */
    public FileReadingListItem awaitReading(String fileId) {
        return awaitReading(fileId, readingPollOptions);
    }

    /** As {@link #awaitReading(String)} with these poll options. */
    public FileReadingListItem awaitReading(String fileId, PollOptions pollOptions) {
        return readings.poller(fileId, pollOptions).await();
    }

    /** Waits in the background on the client's poll scheduler; cancelling the future stops polling. */
    public CompletableFuture<FileReadingListItem> awaitReadingAsync(String fileId) {
        return awaitReadingAsync(fileId, readingPollOptions);
    }

    /** As {@link #awaitReadingAsync(String)} with these poll options. */
    public CompletableFuture<FileReadingListItem> awaitReadingAsync(String fileId, PollOptions pollOptions) {
        return readings.poller(fileId, pollOptions).awaitAsync();
    }

    /**
     * Asks Dcycle to process the file again ({@code files().sendEvent} with {@value #PROCESS_DOCUMENT}), for a
     * classified file that produced no reading, and waits for the reading.
     */
    public FileReadingListItem reprocessAndAwaitReading(String fileId) {
        var poller = readings.poller(fileId, readingPollOptions); // checks the arguments before the event is sent
        files().sendEvent(new FileEventRequest().eventType(PROCESS_DOCUMENT)
                .detail(new FileEventDetail().fileId(fileId)));
        return poller.await();
    }

    // ---------------------------------------------------------------- downloads

    /**
     * Downloads a file from its record's {@code url} to {@code target}, atomically (a temporary file moved into
     * place when complete). The storage host gets no Dcycle credential; an expired URL is read again from the record.
     */
    public DownloadResult downloadFile(String fileId, Path target) {
        requireId("fileId", fileId);
        ClientValidationException.requireNonNull("target", target);
        return new Downloader(transport()).download(DownloadRequest.fromSource(() -> downloadUrl(fileId))
                .toFile(target).build());
    }

    /** Streams a file into {@code out} (not closed). */
    public DownloadResult downloadFile(String fileId, OutputStream out) {
        requireId("fileId", fileId);
        ClientValidationException.requireNonNull("out", out);
        return new Downloader(transport()).download(DownloadRequest.fromSource(() -> downloadUrl(fileId))
                .toStream(out).build());
    }

    private String downloadUrl(String fileId) {
        FileRecord file = files().get(fileId);
        String url = file == null ? null : file.getUrl();
        if (url == null || url.isBlank()) {
            throw new SdkException("Dcycle file " + fileId + " has no url to download (status "
                    + (file == null ? null : file.getStatus()) + ")");
        }
        return url;
    }

    /** An id the client sends, checked as the spec checks its ids: not blank, no whitespace. */
    static String requireId(String field, String value) {
        ClientValidationException.requireNonBlank(field, value);
        ClientValidationException.require(ID.matcher(value).matches(), field,
                "must be an id (a UUID) without whitespace");
        return value;
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
            this.organizationId = requireId("organizationId", organizationId);
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
            requireId(usesEnvironment() && organizationId == null ? ENV_ORGANIZATION_ID : "organizationId", org);
            Credentials withOrg = base.withHeader(ORGANIZATION_HEADER, org);
            return partner == null ? withOrg : withOrg.withHeader(PARTNER_HEADER, partner);
        }

        private String variable(String name) {
            return environmentVariable(name).orElse(null);
        }
    }
}
