package com.docsdk.smartdocumentor;

import com.docsdk.core.ClientBuilder;
import com.docsdk.core.ClientValidationException;
import com.docsdk.core.Credentials;
import com.docsdk.core.DownloadRequest;
import com.docsdk.core.DownloadResult;
import com.docsdk.core.Downloader;
import com.docsdk.core.ErrorBodyParser;
import com.docsdk.core.NotFoundException;
import com.docsdk.core.PagedIterable;
import com.docsdk.core.PollOptions;
import com.docsdk.core.Redactor;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkException;
import com.docsdk.core.SdkModule;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.Transport;
import com.docsdk.smartdocumentor.generated.model.CreateTaskRequest;
import com.docsdk.smartdocumentor.generated.model.CreateTaskResponse;
import com.docsdk.smartdocumentor.generated.model.ExportDataResponse;
import com.docsdk.smartdocumentor.generated.model.TaskStatusPage;
import com.docsdk.smartdocumentor.generated.model.TaskStatusResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import okhttp3.HttpUrl;

/**
 * Client for the SmartDocumentor cloud Web API: create document-processing tasks, follow their processing and
 * integration statuses, mark them with your own external integration status, reprocess them and read their export
 * data. Server-to-server only: never ship the client secret to a browser or a mobile app.
 *
 * <pre>{@code
 * try (SmartDocumentorClient client = SmartDocumentorClient.fromEnv()) {   // SMARTDOCUMENTOR_CLIENT_ID/_SECRET
 *     CreateTaskResponse created = client.createTask(new CreateTaskRequest()
 *             .externalId("erp-invoice-0001")
 *             .putMetadataItem("source", "erp")
 *             .context(new TaskContext().url("https://files.example.com/invoice-0001.pdf?sig=...")));
 *
 *     // The integration loop: tasks nobody has integrated yet, processed, then marked with your own status.
 *     TaskStatusQuery pending = TaskStatusQuery.builder()
 *             .startDate(Instant.now().minus(Duration.ofDays(7)))
 *             .externalIntegrationStatus(SmartDocumentorClient.EXTERNAL_STATUS_NEVER)
 *             .pageSize(50)
 *             .build();
 *     // Collect first: marking a task removes it from this filter, which would shift the following pages.
 *     List<TaskStatusResponse> todo = client.listTaskStatusesPaginated(pending).stream().toList();
 *     for (TaskStatusResponse task : todo) {
 *         ExportDataResponse data = client.getExportData(task.getTaskId());
 *         erp.importInvoice(data);                                         // your processing
 *         client.setExternalIntegrationStatus(TaskRef.byId(task.getTaskId()), "exported");
 *     }
 * }
 * }</pre>
 *
 * <p>Authentication: OAuth2 client credentials ({@code POST /connect/token}, scope {@code WebAPI}); the token is
 * fetched on first use, cached, refreshed before it expires, and refreshed once more (with the request replayed) if
 * the API answers 401. A bearer token obtained elsewhere works too ({@link Builder#accessToken(String)}).
 *
 * <p>Every input is validated before a request is sent ({@link ClientValidationException} naming the field). HTTP
 * errors surface as the core's exceptions ({@code BadRequestException}, {@code AuthenticationException},
 * {@code NotFoundException}...). Task and integration statuses are integer codes: read them with
 * {@link TaskStatus#from(TaskStatusResponse)} and {@link IntegrationStatus#from(TaskStatusResponse)}, which keep
 * codes this SDK does not know. Responses are the generated models; fields the SDK does not model are kept in their
 * {@code getAdditionalProperties()}.
 *
 * <p>Thread-safe; build one per process and {@link #close()} it when done.
 */
public final class SmartDocumentorClient implements AutoCloseable {
    /** The production API host (every documented example uses it). */
    public static final String DEFAULT_BASE_URL = "https://cloud.smartdocumentor.net";
    /** The external integration status of every task nobody has marked (and of every reprocessed task). */
    public static final String EXTERNAL_STATUS_NEVER = "never";
    /** The longest external integration status the API accepts. */
    public static final int MAX_EXTERNAL_INTEGRATION_STATUS_LENGTH = ExternalIntegrationStatusRule.MAX_LENGTH;

    static final SdkModule MODULE = SdkModule.load(SmartDocumentorClient.class, "docsdk-smartdocumentor");
    private static final List<String> REQUEST_ID_HEADERS = List.of("x-request-id", "request-id", "x-correlation-id");

    private final Transport transport;
    private final TaskOperations tasks;
    private final TaskWaiter waiter;

    private SmartDocumentorClient(Transport transport) {
        this.transport = transport;
        this.tasks = new TaskOperations(transport);
        this.waiter = new TaskWaiter(transport, tasks);
    }

    /** A builder; credentials are required (or {@link Builder#fromEnv()}). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment: {@code SMARTDOCUMENTOR_CLIENT_ID} and
     * {@code SMARTDOCUMENTOR_CLIENT_SECRET}, or {@code SMARTDOCUMENTOR_TOKEN}; optionally
     * {@code SMARTDOCUMENTOR_BASE_URL}.
     *
     * @throws ClientValidationException naming the missing variable
     */
    public static SmartDocumentorClient fromEnv() {
        return builder().fromEnv().build();
    }

    // ----------------------------------------------------------------------------------------------- create

    /**
     * Creates a task: the file at {@code context.url} (public or SAS URL, readable for the task's lifetime) is queued
     * for processing. Set {@code externalId} to find the task later by your own identifier, and {@code metadata} as
     * needed.
     *
     * <pre>{@code
     * CreateTaskResponse r = client.createTask(new CreateTaskRequest()
     *         .displayName("Invoice 0001").workspaceId(1L).externalId("erp-invoice-0001")
     *         .context(new TaskContext().url(url)));
     * }</pre>
     *
     * <p>The public docs do not show the response: it is read as the created task's status when the server sends
     * one, as a bare task id, or as an empty response (look the task up by external id then).
     */
    public CreateTaskResponse createTask(CreateTaskRequest request) {
        return createTask(request, RequestOptions.none());
    }

    /** {@link #createTask(CreateTaskRequest)} with per-call options. */
    public CreateTaskResponse createTask(CreateTaskRequest request, RequestOptions options) {
        return createTaskWithResponse(request, options).value();
    }

    /** {@link #createTask(CreateTaskRequest)} with the HTTP status, headers and request id. */
    public SdkResponse<CreateTaskResponse> createTaskWithResponse(CreateTaskRequest request, RequestOptions options) {
        return tasks.createTask(request, options);
    }

    // ----------------------------------------------------------------------------------------------- status

    /**
     * One task's processing and integration statuses.
     *
     * <pre>{@code
     * TaskStatusResponse t = client.getTaskStatus(TaskRef.byExternalId("erp-invoice-0001"));
     * TaskStatus status = TaskStatus.from(t).orElseThrow();
     * }</pre>
     *
     * @throws com.docsdk.core.NotFoundException when no such task exists
     */
    public TaskStatusResponse getTaskStatus(TaskRef task) {
        return getTaskStatus(task, RequestOptions.none());
    }

    /** {@link #getTaskStatus(TaskRef)} with per-call options. */
    public TaskStatusResponse getTaskStatus(TaskRef task, RequestOptions options) {
        return getTaskStatusWithResponse(task, options).value();
    }

    /** {@link #getTaskStatus(TaskRef)} with the HTTP status, headers and request id. */
    public SdkResponse<TaskStatusResponse> getTaskStatusWithResponse(TaskRef task, RequestOptions options) {
        return tasks.getTaskStatus(task, options);
    }

    /** One task's statuses, or empty when the API answers 404 (no such task). */
    public Optional<TaskStatusResponse> findTaskStatus(TaskRef task) {
        try {
            return Optional.of(getTaskStatus(task));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Every matching task in one response ({@code statuslist}). The vendor calls this request heavy: prefer
     * {@link #listTaskStatusesPaginated(TaskStatusQuery)} for large windows.
     */
    public List<TaskStatusResponse> listTaskStatuses(TaskStatusQuery query) {
        return listTaskStatuses(query, RequestOptions.none());
    }

    /** {@link #listTaskStatuses(TaskStatusQuery)} with per-call options. */
    public List<TaskStatusResponse> listTaskStatuses(TaskStatusQuery query, RequestOptions options) {
        return listTaskStatusesWithResponse(query, options).value();
    }

    /** {@link #listTaskStatuses(TaskStatusQuery)} with the HTTP status, headers and request id. */
    public SdkResponse<List<TaskStatusResponse>> listTaskStatusesWithResponse(TaskStatusQuery query,
            RequestOptions options) {
        return tasks.listTaskStatuses(query, options);
    }

    /**
     * Every matching task, fetched page by page ({@code statuslistpaginated}) as iteration reaches it. Paging stops
     * at the last page the server announces or, without counters, at a page shorter than the page size.
     *
     * <pre>{@code
     * for (TaskStatusResponse t : client.listTaskStatusesPaginated(query)) { ... }
     * }</pre>
     *
     * <p>Changing the tasks' filtered property while iterating (marking them, with an
     * {@code externalIntegrationStatus} filter) shifts the server's pages: collect the tasks first, as in the class
     * example.
     */
    public PagedIterable<TaskStatusResponse> listTaskStatusesPaginated(TaskStatusQuery query) {
        return listTaskStatusesPaginated(query, RequestOptions.none());
    }

    /** {@link #listTaskStatusesPaginated(TaskStatusQuery)} with per-call options for every page request. */
    public PagedIterable<TaskStatusResponse> listTaskStatusesPaginated(TaskStatusQuery query, RequestOptions options) {
        return tasks.listAllTaskStatuses(query, options);
    }

    /**
     * One page of {@code statuslistpaginated} (pages start at 1). The envelope is not in the public docs: the tasks
     * are always in {@link TaskStatusPage#getItems()}, whatever the server calls them; the counters are set only if
     * the server sends them under the modelled names.
     */
    public TaskStatusPage getTaskStatusPage(TaskStatusQuery query, int pageNumber) {
        return getTaskStatusPageWithResponse(query, pageNumber, RequestOptions.none()).value();
    }

    /** {@link #getTaskStatusPage(TaskStatusQuery, int)} with options, HTTP status, headers and request id. */
    public SdkResponse<TaskStatusPage> getTaskStatusPageWithResponse(TaskStatusQuery query, int pageNumber,
            RequestOptions options) {
        return tasks.getTaskStatusPage(query, pageNumber, options);
    }

    // -------------------------------------------------------------------------------- external integration

    /**
     * Sets the task's external integration status to your own value (not blank, at most
     * {@value #MAX_EXTERNAL_INTEGRATION_STATUS_LENGTH} characters), so the status lists can filter out tasks already
     * integrated with your system. Reprocessing resets it to {@value #EXTERNAL_STATUS_NEVER}.
     *
     * <pre>{@code
     * client.setExternalIntegrationStatus(TaskRef.byId(49), "exported");
     * }</pre>
     *
     * @throws com.docsdk.core.NotFoundException when no such task exists
     */
    public void setExternalIntegrationStatus(TaskRef task, String status) {
        setExternalIntegrationStatus(task, status, RequestOptions.none());
    }

    /**
     * {@link #setExternalIntegrationStatus(TaskRef, String)} with per-call options. Without options the request is
     * treated as idempotent (safe to retry after an I/O failure).
     */
    public void setExternalIntegrationStatus(TaskRef task, String status, RequestOptions options) {
        tasks.setExternalIntegrationStatus(task, status, options);
    }

    // ----------------------------------------------------------------------------------------------- reprocess

    /**
     * DESTRUCTIVE: reprocesses the task from its original creation payload, discarding every edit made to it
     * (reviews, corrections), restarting its task-assignment workflow and resetting its external integration status
     * to {@value #EXTERNAL_STATUS_NEVER} ({@code PATCH .../restartprocessing}). Never retried automatically after an
     * I/O failure.
     *
     * <pre>{@code
     * client.reprocessTaskDiscardingEdits(TaskRef.byId(49));
     * }</pre>
     *
     * @throws com.docsdk.core.NotFoundException when no such task exists
     */
    public void reprocessTaskDiscardingEdits(TaskRef task) {
        reprocessTaskDiscardingEdits(task, RequestOptions.none());
    }

    /** {@link #reprocessTaskDiscardingEdits(TaskRef)} with per-call options. DESTRUCTIVE. */
    public void reprocessTaskDiscardingEdits(TaskRef task, RequestOptions options) {
        tasks.reprocessTask(task, options);
    }

    // ----------------------------------------------------------------------------------------------- export

    /** The task's export data: general information, auditing details and the extracted entities. */
    public ExportDataResponse getExportData(long taskId) {
        return getExportData(taskId, RequestOptions.none());
    }

    /** {@link #getExportData(long)} with per-call options. */
    public ExportDataResponse getExportData(long taskId, RequestOptions options) {
        return getExportDataWithResponse(taskId, options).value();
    }

    /** {@link #getExportData(long)} with the HTTP status, headers and request id. */
    public SdkResponse<ExportDataResponse> getExportDataWithResponse(long taskId, RequestOptions options) {
        return tasks.getExportData(taskId, options);
    }

    /**
     * Downloads the task's original file (its export data's {@code originalFileUrl}) atomically to {@code target}.
     * The URL is asked for again if the storage host rejects it as expired; credentials are never sent to it.
     *
     * @throws SdkException when the export data carries no original file URL
     */
    public DownloadResult downloadOriginalFile(long taskId, Path target) {
        TaskRef.requirePositiveId(taskId);
        ClientValidationException.requireNonNull("target", target);
        return new Downloader(transport).download(DownloadRequest.fromSource(() -> originalFileUrl(taskId))
                .toFile(target).build());
    }

    private String originalFileUrl(long taskId) {
        String url = getExportData(taskId).getOriginalFileUrl();
        if (url == null || url.isBlank()) {
            throw new SdkException("the export data of task " + taskId + " has no originalFileUrl");
        }
        return url;
    }

    // ----------------------------------------------------------------------------------------------- waits

    /**
     * Polls the task's status until {@code until} holds. A known pre-processing failure or a deletion ends the wait
     * with {@code WaitFailedException}; any other status, known or not, means "keep waiting".
     *
     * <pre>{@code
     * TaskStatusResponse ready = client.awaitTask(TaskRef.byId(49),
     *         t -> TaskStatus.from(t).filter(TaskStatus.PRE_PROCESSING_SUCCESSFUL::equals).isPresent(),
     *         PollOptions.builder().timeout(Duration.ofMinutes(10)).build());
     * }</pre>
     *
     * @throws com.docsdk.core.WaitFailedException when the task failed or was deleted
     * @throws com.docsdk.core.WaitTimeoutException when the condition did not hold in time
     */
    public TaskStatusResponse awaitTask(TaskRef task, Predicate<TaskStatusResponse> until, PollOptions options) {
        return waiter.poller(task, until, options).await();
    }

    /** {@link #awaitTask(TaskRef, Predicate, PollOptions)} in the background; cancelling the future stops polling. */
    public CompletableFuture<TaskStatusResponse> awaitTaskAsync(TaskRef task, Predicate<TaskStatusResponse> until,
            PollOptions options) {
        return waiter.poller(task, until, options).awaitAsync();
    }

    /** Releases the connections and threads this client created. Idempotent. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "SmartDocumentorClient{" + transport + '}';
    }

    /**
     * Builds a {@link SmartDocumentorClient}. Credentials, by precedence: {@link #credentials(Credentials)},
     * {@link #clientCredentials(String, String)}, {@link #accessToken(String)}, then the environment when
     * {@link #fromEnv()} or {@link #fromEnv(java.util.Map)} was called. The base URL defaults to
     * {@value SmartDocumentorClient#DEFAULT_BASE_URL} (or {@code SMARTDOCUMENTOR_BASE_URL}); the OAuth2 token URL
     * follows it.
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
            String url = resolveBaseUrl();
            super.baseUrl(url);
            super.credentials(resolveCredentials(url));
            return new SmartDocumentorClient(buildTransport(MODULE, DEFAULT_BASE_URL, ErrorBodyParser.json(),
                    REQUEST_ID_HEADERS));
        }

        private String resolveBaseUrl() {
            String baseUrl = configuredBaseUrl().orElse(null);
            String fromEnv = environmentVariable(CredentialsResolver.ENV_BASE_URL).orElse(null);
            String url = baseUrl != null ? baseUrl : fromEnv != null ? fromEnv : DEFAULT_BASE_URL;
            String field = baseUrl == null && fromEnv != null ? CredentialsResolver.ENV_BASE_URL : "baseUrl";
            ClientValidationException.require(HttpUrl.parse(url.trim()) != null, field, "is not an http(s) URL");
            return CredentialsResolver.withoutTrailingSlash(url);
        }

        private Credentials resolveCredentials(String url) {
            if (explicitCredentials != null) {
                return explicitCredentials;
            }
            if (clientId != null) {
                return CredentialsResolver.clientCredentials(url, clientId, clientSecret, clock(),
                        allowsInsecureHttp());
            }
            if (accessToken != null) {
                return Credentials.bearerToken(accessToken);
            }
            if (usesEnvironment()) {
                return CredentialsResolver.fromEnvironment(
                        environmentVariable(CredentialsResolver.ENV_CLIENT_ID).orElse(null),
                        environmentVariable(CredentialsResolver.ENV_CLIENT_SECRET).orElse(null),
                        environmentVariable(CredentialsResolver.ENV_TOKEN).orElse(null), url, clock(),
                        allowsInsecureHttp());
            }
            throw new ClientValidationException("credentials", "no credentials: use clientCredentials(id, secret),"
                    + " accessToken(token), credentials(...), or fromEnv() with " + CredentialsResolver.ENV_CLIENT_ID
                    + "/" + CredentialsResolver.ENV_CLIENT_SECRET + " or " + CredentialsResolver.ENV_TOKEN);
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
