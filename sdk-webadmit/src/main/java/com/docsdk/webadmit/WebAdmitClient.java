package com.docsdk.webadmit;

import com.docsdk.core.ClientBuilder;
import com.docsdk.core.ClientValidationException;
import com.docsdk.core.Credentials;
import com.docsdk.core.DownloadResult;
import com.docsdk.core.ErrorBodyParser;
import com.docsdk.core.PollOptions;
import com.docsdk.core.RateLimit;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkModule;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.TransferProgress;
import com.docsdk.core.Transport;
import com.docsdk.webadmit.generated.model.Export;
import com.docsdk.webadmit.generated.model.ExportFile;
import com.docsdk.webadmit.generated.model.UserIdentity;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Client for the Liaison WebAdMIT API's exports: list user identities and exports, start an export run (an "export
 * file"), wait for it, and download the file before its short-lived URL expires.
 *
 * <pre>{@code
 * try (WebAdmitClient webadmit = WebAdmitClient.fromEnv()) {        // WEBADMIT_API_KEY, optional WEBADMIT_BASE_URL
 *     UserIdentity identity = webadmit.listUserIdentities().get(0);
 *     Export export = webadmit.listExports(identity.getId()).get(0);
 *
 *     ExportRunResult r = webadmit.exportToFile(identity.getId(), export.getId(), Path.of("export.csv"));
 *     if (r.isEmptyList()) {
 *         System.out.println("nothing to export today");
 *     } else {
 *         if (r.hasErrors()) {
 *             System.err.println("WebAdMIT reported errors in export file " + r.exportFileId());
 *         }
 *         System.out.println(r.bytes() + " bytes, sha256 " + r.sha256().orElseThrow());
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Every request carries {@code x-api-key}; the download from the storage host (a presigned S3 URL) carries no
 *       credentials.</li>
 *   <li>Statuses are read in any casing: the vendor's docs say {@code "In Progress"}, older docs
 *       {@code "in_progress"} ({@link ExportFileStatus}). An unknown status counts as still running.</li>
 *   <li>Errors are the core's exceptions: a 404 {@code {"message": ...}} is a {@code NotFoundException} carrying the
 *       vendor's message, the empty-bodied 401 an {@code AuthenticationException}. Bad inputs throw
 *       {@link ClientValidationException} before any request is sent.</li>
 *   <li>WebAdMIT allows 5,000 calls per API key per hour and reports the state in {@code X-RateLimit-Limit} and
 *       {@code X-RateLimit-Remaining}: see {@code ...WithResponse(...).rateLimit()} and {@link #lastRateLimit()}.</li>
 *   <li>WebAdMIT's lists are not paginated: list methods return the whole, immutable list.</li>
 * </ul>
 *
 * <p>Thread-safe; build one per API key and share it. {@link #close()} releases its resources.
 */
public final class WebAdmitClient implements AutoCloseable {
    /** Environment variable holding the API key. */
    public static final String ENV_API_KEY = "WEBADMIT_API_KEY";
    /** Optional environment variable overriding the base URL. */
    public static final String ENV_BASE_URL = "WEBADMIT_BASE_URL";
    /** The header carrying the API key. */
    public static final String API_KEY_HEADER = "x-api-key";
    /** The production base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.webadmit.org";
    /**
     * Default timing of export waits: first poll at once, then every 2 s growing by 1.5x up to 30 s, for at most
     * 30 minutes (a poll a minute at worst against the 5,000 calls per hour limit).
     */
    public static final PollOptions DEFAULT_EXPORT_POLL_OPTIONS = PollOptions.builder()
            .interval(Duration.ofSeconds(2)).maxInterval(Duration.ofSeconds(30)).timeout(Duration.ofMinutes(30))
            .build();

    static final SdkModule MODULE = SdkModule.load(WebAdmitClient.class, "docsdk-webadmit");

    private final Transport transport;
    private final WebAdmitCalls calls;
    private final ExportFiles exportFiles;
    private final PollOptions exportPollOptions;

    private WebAdmitClient(Transport transport, PollOptions exportPollOptions) {
        this.transport = transport;
        this.calls = new WebAdmitCalls(transport);
        this.exportFiles = new ExportFiles(calls);
        this.exportPollOptions = exportPollOptions;
    }

    /** A builder: set {@link Builder#apiKey(String)} (or credentials, or {@link Builder#fromEnv()}), then build. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment: {@value #ENV_API_KEY} (required) and {@value #ENV_BASE_URL}
     * (optional).
     *
     * @throws ClientValidationException naming {@value #ENV_API_KEY} when it is not set
     */
    public static WebAdmitClient fromEnv() {
        return builder().fromEnv().build();
    }

    // ---- user identities -------------------------------------------------------------------------------------

    /** The user identities with the "API Access" permission (their ids are what the export calls need). */
    public List<UserIdentity> listUserIdentities() {
        return listUserIdentities(RequestOptions.none());
    }

    /** As {@link #listUserIdentities()}, with per-call options. */
    public List<UserIdentity> listUserIdentities(RequestOptions options) {
        return listUserIdentitiesWithResponse(options).value();
    }

    /** As {@link #listUserIdentities()}, with status, headers and rate-limit state. */
    public SdkResponse<List<UserIdentity>> listUserIdentitiesWithResponse(RequestOptions options) {
        requireOptions(options);
        SdkResponse<com.docsdk.webadmit.generated.model.UserIdentityList> r = calls.listUserIdentities(options);
        return r.withValue(items(r.value().getUserIdentities()));
    }

    // ---- exports ---------------------------------------------------------------------------------------------

    /** Every export (export template) the user can run, across all user identities. */
    public List<Export> listExports() {
        return listExports(RequestOptions.none());
    }

    /** As {@link #listExports()}, with per-call options. */
    public List<Export> listExports(RequestOptions options) {
        return listExportsWithResponse(options).value();
    }

    /** As {@link #listExports()}, with status, headers and rate-limit state. */
    public SdkResponse<List<Export>> listExportsWithResponse(RequestOptions options) {
        requireOptions(options);
        SdkResponse<com.docsdk.webadmit.generated.model.ExportList> r = calls.listExports(options);
        return r.withValue(items(r.value().getExports()));
    }

    /** The exports of one user identity. */
    public List<Export> listExports(long userIdentityId) {
        return listExports(userIdentityId, RequestOptions.none());
    }

    /** As {@link #listExports(long)}, with per-call options. */
    public List<Export> listExports(long userIdentityId, RequestOptions options) {
        return listExportsWithResponse(userIdentityId, options).value();
    }

    /** As {@link #listExports(long)}, with status, headers and rate-limit state. */
    public SdkResponse<List<Export>> listExportsWithResponse(long userIdentityId, RequestOptions options) {
        Inputs.id("userIdentityId", userIdentityId);
        requireOptions(options);
        SdkResponse<com.docsdk.webadmit.generated.model.ExportList> r = calls.listExports(userIdentityId, options);
        return r.withValue(items(r.value().getExports()));
    }

    // ---- export files ----------------------------------------------------------------------------------------

    /**
     * Starts a run of an export: WebAdMIT creates an export file whose {@code id} is the handle for
     * {@link #awaitExportFile(long, long)}. Starting the same export again while it runs returns the running one.
     */
    public ExportFile startExport(long userIdentityId, long exportId) {
        return startExportWithResponse(userIdentityId, exportId, null, RequestOptions.none()).value();
    }

    /**
     * As {@link #startExport(long, long)}; WebAdMIT also POSTs {@code export_file[id]}, {@code export_file[export_id]}
     * and {@code export_file[status]} to {@code callback} (an absolute http(s) URL) when the file is ready.
     */
    public ExportFile startExport(long userIdentityId, long exportId, URI callback) {
        ClientValidationException.requireNonNull("callback", callback);
        return startExportWithResponse(userIdentityId, exportId, callback, RequestOptions.none()).value();
    }

    /**
     * As {@link #startExport(long, long, URI)} with per-call options, status, headers and rate-limit state;
     * {@code callback} may be {@code null}.
     */
    public SdkResponse<ExportFile> startExportWithResponse(long userIdentityId, long exportId, URI callback,
            RequestOptions options) {
        Inputs.id("userIdentityId", userIdentityId);
        Inputs.id("exportId", exportId);
        if (callback != null) {
            Inputs.callback(callback);
        }
        requireOptions(options);
        return calls.createExportFile(userIdentityId, exportId, callback, options);
    }

    /**
     * The status of an export file; once it has a file, {@code download_url} is a URL that expires in under 30
     * seconds (each call issues a new one). Read the status with {@link ExportFileStatus#of(ExportFile)}.
     */
    public ExportFile getExportFile(long exportId, long exportFileId) {
        return getExportFile(exportId, exportFileId, RequestOptions.none());
    }

    /** As {@link #getExportFile(long, long)}, with per-call options. */
    public ExportFile getExportFile(long exportId, long exportFileId, RequestOptions options) {
        return getExportFileWithResponse(exportId, exportFileId, options).value();
    }

    /** As {@link #getExportFile(long, long)}, with status, headers and rate-limit state. */
    public SdkResponse<ExportFile> getExportFileWithResponse(long exportId, long exportFileId,
            RequestOptions options) {
        Inputs.id("exportId", exportId);
        Inputs.id("exportFileId", exportFileId);
        requireOptions(options);
        return calls.getExportFile(exportId, exportFileId, options);
    }

    /** The export files recently run under a user identity ("Recent Files"), without download URLs. */
    public List<ExportFile> listRecentExportFiles(long userIdentityId) {
        return listRecentExportFiles(userIdentityId, RequestOptions.none());
    }

    /** As {@link #listRecentExportFiles(long)}, with per-call options. */
    public List<ExportFile> listRecentExportFiles(long userIdentityId, RequestOptions options) {
        return listRecentExportFilesWithResponse(userIdentityId, options).value();
    }

    /** As {@link #listRecentExportFiles(long)}, with status, headers and rate-limit state. */
    public SdkResponse<List<ExportFile>> listRecentExportFilesWithResponse(long userIdentityId,
            RequestOptions options) {
        Inputs.id("userIdentityId", userIdentityId);
        requireOptions(options);
        SdkResponse<com.docsdk.webadmit.generated.model.ExportFileList> r =
                calls.listRecentExportFiles(userIdentityId, options);
        return r.withValue(items(r.value().getExportFiles()));
    }

    // ---- waiting and downloading -----------------------------------------------------------------------------

    /** Waits with the client's {@linkplain Builder#exportPollOptions(PollOptions) export poll options}. */
    public CompletedExportFile awaitExportFile(long exportId, long exportFileId) {
        return awaitExportFile(exportId, exportFileId, exportPollOptions);
    }

    /**
     * Polls an export file until it finishes. {@code Available} and {@code Success With Errors} (flagged by
     * {@link CompletedExportFile#hasErrors()}) return with a file to download, {@code Empty List} returns with none
     * ({@link CompletedExportFile#isEmptyList()}); download at once, the URL lives under 30 seconds.
     *
     * @throws com.docsdk.core.WaitFailedException when WebAdMIT reports {@code Failed}
     * @throws com.docsdk.core.WaitTimeoutException when it does not finish within {@code pollOptions.timeout()}
     */
    public CompletedExportFile awaitExportFile(long exportId, long exportFileId, PollOptions pollOptions) {
        checkWait(exportId, exportFileId, pollOptions);
        return exportFiles.waiter().await(exportId, exportFileId, pollOptions, RequestOptions.none(), null);
    }

    /**
     * As {@link #awaitExportFile(long, long, PollOptions)}, in the background on the client's poll scheduler; the
     * future fails with the same exceptions. Cancelling it stops polling.
     */
    public CompletableFuture<CompletedExportFile> awaitExportFileAsync(long exportId, long exportFileId,
            PollOptions pollOptions) {
        checkWait(exportId, exportFileId, pollOptions);
        return exportFiles.waiter().awaitAsync(exportId, exportFileId, pollOptions, RequestOptions.none(), null);
    }

    /**
     * Downloads a finished export file to {@code target} atomically (a temporary file moved into place when
     * complete). The URL comes from the status endpoint, which is asked again whenever the storage host rejects an
     * expired URL. The storage host never sees the API key.
     *
     * @throws com.docsdk.core.SdkException when the export file has no file to download (yet)
     */
    public DownloadResult downloadExportFile(long exportId, long exportFileId, Path target) {
        Inputs.id("exportId", exportId);
        Inputs.id("exportFileId", exportFileId);
        Inputs.target(target);
        return exportFiles.download(exportId, exportFileId, null, target, null, TransferProgress.NONE,
                RequestOptions.none());
    }

    /** As {@link #downloadExportFile(long, long, Path)}, into a stream (which is not closed). */
    public DownloadResult downloadExportFile(long exportId, long exportFileId, OutputStream out) {
        Inputs.id("exportId", exportId);
        Inputs.id("exportFileId", exportFileId);
        ClientValidationException.requireNonNull("out", out);
        return exportFiles.download(exportId, exportFileId, null, null, out, TransferProgress.NONE,
                RequestOptions.none());
    }

    /**
     * Runs an export from start to downloaded file: starts it, waits with the client's export poll options, and
     * downloads the file to {@code target} (atomically) the moment it is available.
     *
     * @see #exportToFile(ExportRunRequest)
     */
    public ExportRunResult exportToFile(long userIdentityId, long exportId, Path target) {
        return exportToFile(ExportRunRequest.builder(userIdentityId, exportId).toFile(target).build());
    }

    /**
     * Runs an export from start to downloaded file. {@code Empty List} ends the run without writing anything
     * ({@link ExportRunResult#isEmptyList()}); {@code Success With Errors} downloads the file and is flagged
     * ({@link ExportRunResult#hasErrors()}).
     *
     * @throws com.docsdk.core.WaitFailedException when WebAdMIT reports {@code Failed}
     * @throws com.docsdk.core.WaitTimeoutException when the run does not finish in time
     */
    public ExportRunResult exportToFile(ExportRunRequest run) {
        ClientValidationException.requireNonNull("run", run);
        return exportFiles.run(run, exportPollOptions);
    }

    // ---- misc ------------------------------------------------------------------------------------------------

    /**
     * The rate-limit state ({@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}) of the latest response that
     * reported one, from any call of this client; empty before the first.
     */
    public Optional<RateLimit> lastRateLimit() {
        return calls.lastRateLimit();
    }

    /** The base URL requests go to. */
    public String baseUrl() {
        return transport.baseUrl().toString();
    }

    /** Releases the connection pool and threads (a shared {@code OkHttpClient} is left running). Idempotent. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "WebAdmitClient{" + transport + '}';
    }

    private static void checkWait(long exportId, long exportFileId, PollOptions pollOptions) {
        Inputs.id("exportId", exportId);
        Inputs.id("exportFileId", exportFileId);
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
    }

    private static void requireOptions(RequestOptions options) {
        ClientValidationException.requireNonNull("options", options);
    }

    /** An immutable copy without the nulls a sloppy array could hold; empty when the field was missing. */
    private static <T> List<T> items(List<T> list) {
        if (list == null) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(list.size());
        for (T item : list) {
            if (item != null) {
                copy.add(item);
            }
        }
        return Collections.unmodifiableList(copy);
    }

    /**
     * Builds a {@link WebAdmitClient}. Besides the shared transport settings of {@link ClientBuilder} (timeouts,
     * proxy, retry policy, a shared {@code OkHttpClient}...), it takes the API key and export wait timing.
     *
     * <pre>{@code
     * WebAdmitClient webadmit = WebAdmitClient.builder()
     *         .apiKey(System.getenv("WEBADMIT_API_KEY"))
     *         .readTimeout(Duration.ofSeconds(30))
     *         .exportPollOptions(PollOptions.builder().timeout(Duration.ofHours(1)).build())
     *         .build();
     * }</pre>
     */
    public static final class Builder extends ClientBuilder<Builder> {
        private PollOptions exportPollOptions = DEFAULT_EXPORT_POLL_OPTIONS;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The API key, sent as {@code x-api-key} to the API host only. */
        public Builder apiKey(String apiKey) {
            ClientValidationException.requireNonBlank("apiKey", apiKey);
            return credentials(Credentials.apiKey(API_KEY_HEADER, apiKey));
        }

        /** Timing of export waits when a call gives none; default {@link WebAdmitClient#DEFAULT_EXPORT_POLL_OPTIONS}. */
        public Builder exportPollOptions(PollOptions pollOptions) {
            this.exportPollOptions = Objects.requireNonNull(pollOptions, "pollOptions");
            return this;
        }

        /**
         * Builds the client. With {@link #fromEnv()}, {@value WebAdmitClient#ENV_API_KEY} supplies the API key unless
         * credentials were set, and {@value WebAdmitClient#ENV_BASE_URL} the base URL unless one was set; the default
         * base URL is {@value WebAdmitClient#DEFAULT_BASE_URL}.
         *
         * @throws ClientValidationException when there are no credentials (naming {@value WebAdmitClient#ENV_API_KEY}
         *     when configured from the environment) or the base URL is invalid
         */
        public WebAdmitClient build() {
            if (credentialsOrNull() == null && usesEnvironment()) {
                credentials(Credentials.apiKey(API_KEY_HEADER,
                        requireEnvironmentVariable(ENV_API_KEY, "the WebAdMIT API key")));
            }
            Transport transport = buildTransport(MODULE, environmentVariable(ENV_BASE_URL).orElse(DEFAULT_BASE_URL),
                    ErrorBodyParser.json(), List.of("X-Request-Id"));
            return new WebAdmitClient(transport, exportPollOptions);
        }
    }
}
