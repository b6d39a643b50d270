package com.docsdk.smartdocumentor;

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
import com.docsdk.core.Redactor;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.SdkModule;
import com.docsdk.core.Transport;
import com.docsdk.core.service.Check;
import com.docsdk.smartdocumentor.model.TaskStatusResponse;
import com.docsdk.smartdocumentor.service.SmartDocumentorServices;
import com.docsdk.smartdocumentor.service.TasksService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import okhttp3.HttpUrl;

/**
 * The SmartDocumentor cloud Web API. Its operations are the generated services ({@link #tasks()}, and
 * {@link #tokens()} for callers who manage tokens themselves); this class adds the builder with OAuth2 client
 * credentials and the flows no spec can state: waiting for a task and downloading its original file.
 * Server-to-server only: never ship the client secret to a browser or a mobile app. Thread-safe; close it when done.
 *
 * <pre>{@code
 * try (SmartDocumentorClient client = SmartDocumentorClient.fromEnv()) {   // SMARTDOCUMENTOR_CLIENT_ID/_SECRET
 *     // The integration loop: tasks nobody has integrated yet, processed, then marked with your own status.
 *     TasksService.ListParams pending = TasksService.ListParams.builder()
 *             .startDate(OffsetDateTime.now().minusDays(7))
 *             .externalIntegrationStatus(SmartDocumentorClient.EXTERNAL_STATUS_NEVER)
 *             .pageSize(50)
 *             .build();
 *     // Collect first: marking a task removes it from this filter, which would shift the following pages.
 *     List<TaskStatusResponse> todo = client.tasks().list(pending, RequestOptions.none()).stream().toList();
 *     for (TaskStatusResponse task : todo) {
 *         ExportDataResponse data = client.tasks().getExportData(task.getTaskId());
 *         erp.importInvoice(data);                                         // your processing
 *         client.tasks().updateExternalIntegrationStatus(
 *                 new PatchExternalIntegrationStatusRequest().externalIntegrationStatus("exported"),
 *                 TasksService.UpdateExternalIntegrationStatusParams.builder().taskId(task.getTaskId()).build(),
 *                 RequestOptions.none());
 *     }
 * }
 * }</pre>
 *
 * <p>Authentication: OAuth2 client credentials ({@code POST /connect/token}, scope {@code WebAPI}) through the core:
 * the token is fetched on first use, cached, refreshed before it expires, and refreshed once more (with the request
 * replayed) if the API answers 401. A bearer token obtained elsewhere works too ({@link Builder#accessToken(String)}).
 * Task and integration statuses are integer codes: read them with {@link TaskStatus#from(TaskStatusResponse)} and
 * {@link IntegrationStatus#from(TaskStatusResponse)}, which keep codes this SDK does not know.
 */
public final class SmartDocumentorClient extends SmartDocumentorServices {
    /** The production API host (every documented example uses it). */
    public static final String DEFAULT_BASE_URL = "https://cloud.smartdocumentor.net";
    /** The external integration status of every task nobody has marked (and of every reprocessed task). */
    public static final String EXTERNAL_STATUS_NEVER = "never";
    public static final String ENV_CLIENT_ID = "SMARTDOCUMENTOR_CLIENT_ID";
    public static final String ENV_CLIENT_SECRET = "SMARTDOCUMENTOR_CLIENT_SECRET";
    public static final String ENV_TOKEN = "SMARTDOCUMENTOR_TOKEN";
    public static final String ENV_BASE_URL = "SMARTDOCUMENTOR_BASE_URL";

    static final SdkModule MODULE = SdkModule.load(SmartDocumentorClient.class, "docsdk-smartdocumentor");
    private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "request-id", "x-correlation-id");

    private SmartDocumentorClient(Transport transport) {
        super(transport, b -> b.readers(TolerantReaders::reader));
    }

    /** A builder; credentials are required (or {@link Builder#fromEnv()}). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment: {@value #ENV_CLIENT_ID} and {@value #ENV_CLIENT_SECRET}, or
     * {@value #ENV_TOKEN}; optionally {@value #ENV_BASE_URL}.
     *
     * @throws ClientValidationException naming the missing variable
     */
    public static SmartDocumentorClient fromEnv() {
        return builder().fromEnv().build();
    }

    /**
     * Polls {@code tasks().get(task)} until {@code until} holds. A known pre-processing failure or a deletion ends
     * the wait with {@code WaitFailedException}; any other status, known or not, means "keep waiting".
     *
     * <pre>{@code
     * TaskStatusResponse ready = client.awaitTask(TasksService.GetParams.builder().externalId("erp-1").build(),
     *         t -> TaskStatus.from(t).filter(TaskStatus.PRE_PROCESSING_SUCCESSFUL::equals).isPresent(),
     *         PollOptions.builder().timeout(Duration.ofMinutes(10)).build());
     * }</pre>
     *
     * @throws com.docsdk.core.wait.WaitFailedException when the task failed or was deleted
     * @throws com.docsdk.core.wait.WaitTimeoutException when the condition did not hold in time
     */
    public TaskStatusResponse awaitTask(TasksService.GetParams task, Predicate<TaskStatusResponse> until,
            PollOptions options) {
        return taskPoller(task, until, options).await();
    }

    /** {@link #awaitTask} in the background; cancelling the future stops polling. */
    public CompletableFuture<TaskStatusResponse> awaitTaskAsync(TasksService.GetParams task,
            Predicate<TaskStatusResponse> until, PollOptions options) {
        return taskPoller(task, until, options).awaitAsync();
    }

    private Poller<TaskStatusResponse> taskPoller(TasksService.GetParams task, Predicate<TaskStatusResponse> until,
            PollOptions options) {
        Check.required("task", task);
        Check.required("until", until);
        Check.required("options", options);
        TaskRules.check(task, RequestOptions.none());
        String name = TaskRules.describe(task);
        return Poller.<TaskStatusResponse>builder("SmartDocumentor " + name)
                .pollResponse(() -> tasks().withRawResponse().get(task, RequestOptions.none()))
                .status(t -> TaskStatus.from(t).map(TaskStatus::toString).orElse(""))
                .classifier(t -> {
                    Optional<TaskStatus> s = TaskStatus.from(t);
                    return until.test(t) ? PollStatus.SUCCEEDED
                            : s.isPresent() && (s.get().isFailure() || s.get().isDeletion()) ? PollStatus.FAILED
                            : PollStatus.IN_PROGRESS;
                })
                .failureMessages(t -> List.of(name + " ended in status " + TaskStatus.from(t)
                        .map(TaskStatus::toString).orElse("(none)") + " before the awaited condition held"))
                .options(options)
                .runtime(transport())
                .build();
    }

    /**
     * Downloads the task's original file (its export data's {@code originalFileUrl}) atomically to {@code target}.
     * The URL is asked for again if the storage host rejects it as expired; credentials are never sent to it.
     *
     * @throws SdkException when the export data carries no original file URL
     */
    public DownloadResult downloadOriginalFile(Long taskId, Path target) {
        Check.required("taskId", taskId);
        Check.min("taskId", taskId, "1", false);
        Check.required("target", target);
        return new Downloader(transport()).download(DownloadRequest.fromSource(() -> {
            String url = tasks().getExportData(taskId).getOriginalFileUrl();
            if (url == null || url.isBlank()) {
                throw new SdkException("the export data of task " + taskId + " has no originalFileUrl");
            }
            return url;
        }).toFile(target).build());
    }

    /**
     * Builds a {@link SmartDocumentorClient}. Credentials, by precedence: {@link #credentials(Credentials)},
     * {@link #clientCredentials(String, String)}, {@link #accessToken(String)}, then the environment when
     * {@link #fromEnv()} or {@link #fromEnv(java.util.Map)} was called. The base URL defaults to
     * {@value SmartDocumentorClient#DEFAULT_BASE_URL} (or {@value SmartDocumentorClient#ENV_BASE_URL}); the OAuth2
     * token URL follows it.
     *
     * <pre>{@code
     * SmartDocumentorClient client = SmartDocumentorClient.builder()
     *         .clientCredentials(clientId, clientSecret)
     *         .baseUrl("http://localhost:8080")           // a simulator; tokens are requested there too
     *         .readTimeout(Duration.ofSeconds(30))
     *         .build();
     * }</pre>
     */
    public static final class Builder extends ClientBuilder<Builder> {
        private Credentials explicitCredentials;
        private String clientId;
        private String clientSecret;
        private String accessToken;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public Builder credentials(Credentials credentials) {
            super.credentials(credentials);
            this.explicitCredentials = credentials;
            return this;
        }

        /**
         * OAuth2 client credentials (Organization, Secrets tab): tokens are requested from
         * {@code <baseUrl>/connect/token} with scope {@code WebAPI}, cached and refreshed.
         */
        public Builder clientCredentials(String clientId, String clientSecret) {
            this.clientId = ClientValidationException.requireNonBlank("clientId", clientId);
            this.clientSecret = ClientValidationException.requireNonBlank("clientSecret", clientSecret);
            return this;
        }

        /** A bearer access token obtained elsewhere; it is not refreshed. */
        public Builder accessToken(String accessToken) {
            this.accessToken = ClientValidationException.requireNonBlank("accessToken", accessToken);
            return this;
        }

        /**
         * The client.
         *
         * @throws ClientValidationException when no credentials are configured (naming the missing variable when
         *         reading the environment) or the base URL is invalid
         */
        public SmartDocumentorClient build() {
            String baseUrl = configuredBaseUrl().orElse(null);
            String fromEnv = environmentVariable(ENV_BASE_URL).orElse(null);
            String url = (baseUrl != null ? baseUrl : fromEnv != null ? fromEnv : DEFAULT_BASE_URL).trim();
            ClientValidationException.require(HttpUrl.parse(url) != null,
                    baseUrl == null && fromEnv != null ? ENV_BASE_URL : "baseUrl", "is not an http(s) URL");
            url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            super.baseUrl(url);
            super.credentials(resolveCredentials(url));
            return new SmartDocumentorClient(buildTransport(MODULE, DEFAULT_BASE_URL, ErrorBodyParser.json(),
                    REQUEST_ID_HEADERS));
        }

        private Credentials resolveCredentials(String url) {
            if (explicitCredentials != null) {
                return explicitCredentials;
            }
            if (clientId != null) {
                return CredentialsResolver.clientCredentials(url, clientId, clientSecret, clock(), allowsInsecureHttp());
            }
            if (accessToken != null) {
                return Credentials.bearerToken(accessToken);
            }
            if (usesEnvironment()) {
                return CredentialsResolver.fromEnvironment(environmentVariable(ENV_CLIENT_ID).orElse(null),
                        environmentVariable(ENV_CLIENT_SECRET).orElse(null),
                        environmentVariable(ENV_TOKEN).orElse(null), url, clock(), allowsInsecureHttp());
            }
            throw new ClientValidationException("credentials", "no credentials: use clientCredentials(id, secret),"
                    + " accessToken(token), credentials(...), or fromEnv() with " + ENV_CLIENT_ID + "/"
                    + ENV_CLIENT_SECRET + " or " + ENV_TOKEN);
        }

        @Override
        public String toString() {
            return "SmartDocumentorClient.Builder{baseUrl="
                    + Redactor.field("baseUrl", configuredBaseUrl().orElse(null)) + ", clientId="
                    + Redactor.field("clientId", clientId)
                    + ", clientSecret=" + (clientSecret == null ? null : "[REDACTED]")
                    + ", accessToken=" + (accessToken == null ? null : "[REDACTED]")
                    + ", credentials=" + explicitCredentials + ", fromEnvironment=" + usesEnvironment() + '}';
        }
    }
}
