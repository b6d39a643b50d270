package com.docsdk.webadmit;

import com.docsdk.core.ClientBuilder;
import com.docsdk.core.ClientValidationException;
import com.docsdk.core.Credentials;
import com.docsdk.core.DownloadResult;
import com.docsdk.core.ErrorBodyParser;
import com.docsdk.core.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkModule;
import com.docsdk.core.TransferProgress;
import com.docsdk.core.Transport;
import com.docsdk.webadmit.service.WebAdmitServices;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The Liaison WebAdMIT API's exports. Its operations are the generated services ({@link #userIdentities()},
 * {@link #exports()}, {@link #exportFiles()}); this class adds the builder and the flows no spec can state: waiting
 * for an export file, downloading it before its short-lived URL expires, and the whole run in one call.
 *
 * <pre>{@code
 * try (WebAdmitClient webadmit = WebAdmitClient.fromEnv()) {        // WEBADMIT_API_KEY, optional WEBADMIT_BASE_URL
 *     UserIdentity identity = webadmit.userIdentities().list().get(0);
 *     Export export = webadmit.exports().listByUserIdentity(identity.getId()).get(0);
 *
 *     ExportRunResult r = webadmit.exportToFile(identity.getId(), export.getId(), Path.of("export.csv"));
 *     if (r.isEmptyList()) {
 *         System.out.println("nothing to export today");
 *     } else {
 *         System.out.println(r.bytes() + " bytes, sha256 " + r.sha256().orElseThrow());
 *     }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Every request carries {@code x-api-key}; the download from the storage host (a presigned S3 URL) carries no
 *       credentials.</li>
 *   <li>Statuses are read in any casing ({@link ExportFileStatus}); an unknown status counts as still running.</li>
 *   <li>Errors are the core's exceptions: a 404 {@code {"message": ...}} is a {@code NotFoundException} carrying the
 *       vendor's message, the empty-bodied 401 an {@code AuthenticationException}. Bad inputs throw
 *       {@link ClientValidationException} before any request is sent.</li>
 *   <li>WebAdMIT allows 5,000 calls per API key per hour ({@code X-RateLimit-*}): see a service's
 *       {@code withRawResponse()} and {@link #lastRateLimit()}. Its lists are not paginated: whole, immutable lists.</li>
 * </ul>
 *
 * <p>Thread-safe; build one per API key and share it. {@link #close()} releases its resources.
 */
public final class WebAdmitClient extends WebAdmitServices {
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

    private final ExportFlow flow;
    private final PollOptions exportPollOptions;

    private WebAdmitClient(Transport transport, PollOptions exportPollOptions) {
        super(transport);
        this.flow = new ExportFlow(exportFiles(), transport);
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

    /** Waits with the client's {@linkplain Builder#exportPollOptions(PollOptions) export poll options}. */
    public CompletedExportFile awaitExportFile(Long exportId, Long exportFileId) {
        return awaitExportFile(exportId, exportFileId, exportPollOptions);
    }

    /**
     * Polls an export file ({@code exportFiles().get}) until it finishes. {@code Available} and {@code Success With
     * Errors} (flagged by {@link CompletedExportFile#hasErrors()}) return with a file to download, {@code Empty List}
     * returns with none ({@link CompletedExportFile#isEmptyList()}); download at once, the URL lives under 30 seconds.
     *
     * @throws com.docsdk.core.WaitFailedException when WebAdMIT reports {@code Failed}
     * @throws com.docsdk.core.WaitTimeoutException when it does not finish within {@code pollOptions.timeout()}
     */
    public CompletedExportFile awaitExportFile(Long exportId, Long exportFileId, PollOptions pollOptions) {
        checkWait(exportId, exportFileId, pollOptions);
        return flow.await(exportId, exportFileId, pollOptions, RequestOptions.none(), null);
    }

    /**
     * As {@link #awaitExportFile(Long, Long, PollOptions)}, in the background on the client's poll scheduler; the
     * future fails with the same exceptions. Cancelling it stops polling.
     */
    public CompletableFuture<CompletedExportFile> awaitExportFileAsync(Long exportId, Long exportFileId,
            PollOptions pollOptions) {
        checkWait(exportId, exportFileId, pollOptions);
        return flow.awaitAsync(exportId, exportFileId, pollOptions, RequestOptions.none(), null);
    }

    /**
     * Downloads a finished export file to {@code target} atomically (a temporary file moved into place when
     * complete). The URL comes from the status endpoint, which is asked again whenever the storage host rejects an
     * expired URL. The storage host never sees the API key.
     *
     * @throws com.docsdk.core.SdkException when the export file has no file to download (yet)
     */
    public DownloadResult downloadExportFile(Long exportId, Long exportFileId, Path target) {
        checkIds(exportId, exportFileId);
        Inputs.target(target);
        return flow.download(exportId, exportFileId, null, target, null, TransferProgress.NONE, RequestOptions.none());
    }

    /** As {@link #downloadExportFile(Long, Long, Path)}, into a stream (which is not closed). */
    public DownloadResult downloadExportFile(Long exportId, Long exportFileId, OutputStream out) {
        checkIds(exportId, exportFileId);
        ClientValidationException.requireNonNull("out", out);
        return flow.download(exportId, exportFileId, null, null, out, TransferProgress.NONE, RequestOptions.none());
    }

    /**
     * Runs an export from start to downloaded file: starts it, waits with the client's export poll options, and
     * downloads the file to {@code target} (atomically) the moment it is available.
     *
     * @see #exportToFile(ExportRunRequest)
     */
    public ExportRunResult exportToFile(Long userIdentityId, Long exportId, Path target) {
        return exportToFile(ExportRunRequest.builder(userIdentityId, exportId).toFile(target).build());
    }

    /**
     * Runs an export from start ({@code exportFiles().start}, with the JSON body of the vendor's example) to
     * downloaded file. {@code Empty List} ends the run without writing anything ({@link ExportRunResult#isEmptyList()});
     * {@code Success With Errors} downloads the file and is flagged ({@link ExportRunResult#hasErrors()}).
     *
     * @throws com.docsdk.core.WaitFailedException when WebAdMIT reports {@code Failed}
     * @throws com.docsdk.core.WaitTimeoutException when the run does not finish in time
     */
    public ExportRunResult exportToFile(ExportRunRequest run) {
        ClientValidationException.requireNonNull("run", run);
        return flow.run(run, exportPollOptions);
    }

    private static void checkIds(Long exportId, Long exportFileId) {
        Inputs.id("exportId", exportId);
        Inputs.id("exportFileId", exportFileId);
    }

    private static void checkWait(Long exportId, Long exportFileId, PollOptions pollOptions) {
        checkIds(exportId, exportFileId);
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
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
