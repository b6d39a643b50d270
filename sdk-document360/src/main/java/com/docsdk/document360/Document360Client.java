package com.docsdk.document360;

import com.docsdk.core.ClientBuilder;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.transfer.DownloadRequest;
import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.transfer.Downloader;
import com.docsdk.core.paging.PagedIterable;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.wait.Poller;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.SdkModule;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.Transport;
import com.docsdk.document360.model.ExportTask;
import com.docsdk.document360.service.Document360Services;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The Document360 API v3. Its operations are the generated services ({@link #projects()}, {@link #workspaces()},
 * {@link #projectVersions()} (deprecated), {@link #exports()}), which return what the envelope's {@code data} holds;
 * this class adds the builder and the flows no spec can state: choosing a workspace whichever API the server speaks,
 * starting an export of exactly one workspace, waiting for it and downloading it.
 *
 * <pre>{@code
 * try (Document360Client d360 = Document360Client.fromEnv()) {       // DOCUMENT360_TOKEN or DOCUMENT360_API_KEY
 *     for (Project p : d360.projects().list()) {                      // lazy: pages are fetched as you iterate
 *         System.out.println(p.getId() + " " + p.getName());
 *     }
 *     UUID projectId = UUID.fromString("d7a8b9c0-1e2f-3a4b-5c6d-7e8f9a0b1c2d");
 *     Workspace v2 = d360.getWorkspace(projectId, WorkspaceRef.byName("v2.0"));  // or byId(...), defaultWorkspace()
 *     CompletedExport done = d360.exportToFile(projectId,
 *             ExportRequest.builder().format("pdf").languageCode("en").workspace(v2).build(),
 *             Path.of("product-docs.zip"));                          // start, wait, download (atomically)
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Credentials</b>: {@link Builder#bearerToken(String)} sends {@code Authorization: Bearer} (the vendor's
 *       documentation); {@link Builder#apiKey(String)} sends {@code X-API-Key} (v3 {@code d360_sk_...} keys, as
 *       reported by third parties); both together send both. They go to the API host only, never to the export's
 *       storage URL.</li>
 *   <li><b>Responses</b>: {@code success: false} throws an {@code SdkHttpException} even with a 2xx status; warnings
 *       are logged at WARN (logger {@code com.docsdk.document360}). Problem documents become the core's exceptions
 *       with the vendor's title, detail, messages, {@code trace_id} and codes ({@link Document360ErrorCodes#of}).</li>
 *   <li><b>Workspaces or project versions</b>: the client finds out once, on first use, which one the server speaks
 *       ({@link WorkspaceDialect}), caches it, then lists, gets and exports workspaces there, with that server's
 *       export field only. {@link Builder#workspaceDialect(WorkspaceDialect)} skips the detection.</li>
 * </ul>
 * Thread-safe; {@link #close()} releases the connection pool (unless it was shared).
 */
public final class Document360Client extends Document360Services {
    /** Environment variable holding a bearer token ({@code Authorization: Bearer}). */
    public static final String ENV_TOKEN = "DOCUMENT360_TOKEN";
    /** Environment variable holding a v3 API key ({@code X-API-Key}). */
    public static final String ENV_API_KEY = "DOCUMENT360_API_KEY";
    /** Optional environment variable overriding the base URL (another data centre, a simulator). */
    public static final String ENV_BASE_URL = "DOCUMENT360_BASE_URL";
    /** The header v3 API keys are sent in. */
    public static final String API_KEY_HEADER = "X-API-Key";
    /** The vendor's maximum page size: what every listing asks for unless told otherwise. */
    public static final int MAX_PAGE_SIZE = 100;

    static final SdkModule MODULE = SdkModule.load(Document360Client.class, "docsdk-document360");
    private static final PollOptions DEFAULT_EXPORT_POLL_OPTIONS = PollOptions.builder()
            .interval(Duration.ofSeconds(2)).maxInterval(Duration.ofSeconds(30)).timeout(Duration.ofMinutes(30))
            .build();
    /** Keys of an export task a failure reason might hide in; the vendor documents none. */
    private static final List<String> REASON_KEYS = List.of("error", "error_message", "message", "failure_reason");

    private final PollOptions exportPollOptions;
    private final Workspaces workspaceChoice;

    private Document360Client(Transport transport, PollOptions exportPollOptions, WorkspaceDialect dialect) {
        super(transport, context -> context.readers(EnvelopeReader.INSTANCE));
        this.exportPollOptions = exportPollOptions;
        this.workspaceChoice = new Workspaces(workspaces(), projectVersions(), baseUrl(), dialect);
    }

    /** A builder; credentials (or {@link Builder#fromEnv()}) are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from {@value #ENV_TOKEN} and/or {@value #ENV_API_KEY}, and optionally
     * {@value #ENV_BASE_URL}.
     *
     * @throws ClientValidationException naming the variables when neither credential variable is set
     */
    public static Document360Client fromEnv() {
        return builder().fromEnv().build();
    }

    // ---------------------------------------------------------------------------------------------- workspaces

    /**
     * Which API the server speaks for workspaces: detected on first use (with this project), then the same for the
     * life of the client; or the one given to {@link Builder#workspaceDialect(WorkspaceDialect)}.
     *
     * @throws com.docsdk.core.error.NotFoundException when neither API knows the project
     */
    public WorkspaceDialect workspaceDialect(UUID projectId) {
        ClientValidationException.requireNonNull("projectId", projectId);
        return workspaceChoice.dialect(projectId, RequestOptions.none());
    }

    /**
     * Every workspace of a project from whichever API the server speaks ({@code workspaces().list}, or
     * {@code projectVersions().list} on an older server), fetched lazily {@value #MAX_PAGE_SIZE} at a time.
     */
    public PagedIterable<Workspace> listWorkspaces(UUID projectId) {
        return listWorkspaces(projectId, MAX_PAGE_SIZE, RequestOptions.none());
    }

    /**
     * As {@link #listWorkspaces(UUID)}, {@code pageSize} (1 to 100) at a time; the dialect is detected with the
     * first page, if it is not known yet.
     */
    public PagedIterable<Workspace> listWorkspaces(UUID projectId, int pageSize, RequestOptions options) {
        return workspaceChoice.list(projectId, pageSize, options);
    }

    /**
     * One workspace of a project: {@link WorkspaceRef#byId by id} (one {@code GET} of it),
     * {@link WorkspaceRef#byName by name} or {@link WorkspaceRef#defaultWorkspace() the default one} (the project's
     * workspaces are listed to find it).
     *
     * @throws WorkspaceNotFoundException when no workspace has that id or name, or none is the default
     */
    public Workspace getWorkspace(UUID projectId, WorkspaceRef workspace) {
        return getWorkspace(projectId, workspace, RequestOptions.none());
    }

    /** As {@link #getWorkspace(UUID, WorkspaceRef)}, with per-call options. */
    public Workspace getWorkspace(UUID projectId, WorkspaceRef workspace, RequestOptions options) {
        ClientValidationException.requireNonNull("projectId", projectId);
        ClientValidationException.requireNonNull("workspace", workspace);
        ClientValidationException.requireNonNull("options", options);
        return workspaceChoice.get(projectId, workspace, options);
    }

    /** The import flows: start an import of a documentation URL as the calling user, wait for it. */
    public Document360Imports importFlows() { return new Document360Imports(this, transport()); }

    // ---------------------------------------------------------------------------------------------- exports

    /**
     * Starts an export of exactly one workspace ({@code exports().start}, 202, usually {@code Pending}; never
     * repeated after an I/O failure or a 5xx): named in the field the server expects, {@code workspace_id} (v3.1) or
     * {@code project_version_id} (older servers), never both. The first call of a client finds out which
     * ({@link #workspaceDialect(UUID)}); a workspace named by name, or none (the default one), is looked up first.
     *
     * @throws WorkspaceNotFoundException when the workspace named by name, or the default one, does not exist
     */
    public ExportTask startExport(UUID projectId, ExportRequest request) {
        return startExport(projectId, request, RequestOptions.none());
    }

    /** As {@link #startExport(UUID, ExportRequest)}, with per-call options. */
    public ExportTask startExport(UUID projectId, ExportRequest request, RequestOptions options) {
        ClientValidationException.requireNonNull("projectId", projectId);
        ClientValidationException.requireNonNull("request", request);
        ClientValidationException.requireNonNull("options", options);
        WorkspaceDialect dialect = workspaceChoice.dialect(projectId, options);
        UUID workspaceId = workspaceChoice.exportId(projectId, request.workspace(), options);
        ExportTask started = exports().start(projectId, request.toBody(dialect, workspaceId), options);
        if (started == null || started.getId() == null) {
            throw new SdkException("Document360 started an export in project " + projectId
                    + " but returned no export id");
        }
        return started;
    }

    /**
     * Waits until the export is {@code Completed}, with the client's export poll options (default: every 2 s growing
     * to 30 s, for at most 30 minutes). {@code Pending}, {@code InProgress} and unknown statuses mean "still running".
     *
     * @throws com.docsdk.core.wait.WaitFailedException when the export {@code Failed}, with the vendor's reasons
     * @throws com.docsdk.core.wait.WaitTimeoutException when it did not finish in time
     */
    public ExportTask awaitExport(UUID projectId, UUID exportId) {
        return awaitExport(projectId, exportId, exportPollOptions);
    }

    /** Waits until the export is {@code Completed}, with the given timing. */
    public ExportTask awaitExport(UUID projectId, UUID exportId, PollOptions pollOptions) {
        return exportPoller(projectId, exportId, pollOptions).await();
    }

    /** As {@link #awaitExport(UUID, UUID)}, in the background; cancelling the future stops polling. */
    public CompletableFuture<ExportTask> awaitExportAsync(UUID projectId, UUID exportId) {
        return awaitExportAsync(projectId, exportId, exportPollOptions);
    }

    /** As {@link #awaitExport(UUID, UUID, PollOptions)}, on the client's poll scheduler. */
    public CompletableFuture<ExportTask> awaitExportAsync(UUID projectId, UUID exportId, PollOptions pollOptions) {
        return exportPoller(projectId, exportId, pollOptions).awaitAsync();
    }

    /**
     * Downloads a completed export to {@code target}, atomically (a partial download never appears there). The
     * storage URL (with its SAS token) gets no Document360 credential; when it has expired, a fresh one is read from
     * the export's status.
     */
    public DownloadResult downloadExport(UUID projectId, UUID exportId, Path target) {
        ClientValidationException.requireNonNull("target", target);
        return download(DownloadRequest.fromSource(urlSource(projectId, exportId)).toFile(target).build());
    }

    /** Streams a completed export into {@code out} (not closed). */
    public DownloadResult downloadExport(UUID projectId, UUID exportId, OutputStream out) {
        ClientValidationException.requireNonNull("out", out);
        return download(DownloadRequest.fromSource(urlSource(projectId, exportId)).toStream(out).build());
    }

    /**
     * Starts an export, waits for it with the client's export poll options, and downloads it to {@code target}.
     * Every argument, the target's folder included, is checked before the export is started.
     */
    public CompletedExport exportToFile(UUID projectId, ExportRequest request, Path target) {
        return exportToFile(projectId, request, target, exportPollOptions);
    }

    /** As {@link #exportToFile(UUID, ExportRequest, Path)}, waiting with {@code pollOptions}. */
    public CompletedExport exportToFile(UUID projectId, ExportRequest request, Path target, PollOptions pollOptions) {
        ClientValidationException.requireNonNull("projectId", projectId);
        ClientValidationException.requireNonNull("request", request);
        ClientValidationException.requireNonNull("target", target);
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
        AtomicReference<UUID> started = new AtomicReference<>();
        AtomicReference<String> knownUrl = new AtomicReference<>();
        DownloadRequest download = DownloadRequest.fromSource(() -> Optional.ofNullable(knownUrl.getAndSet(null))
                .filter(url -> !url.isBlank()).orElseGet(() -> freshUrl(projectId, started.get())))
                .toFile(target).build();

        started.set(startExport(projectId, request).getId());
        ExportTask completed = awaitExport(projectId, started.get(), pollOptions);
        knownUrl.set(completed.getDownloadUrl()); // used first; a fresh one is read when it has expired
        return new CompletedExport(completed, download(download));
    }

    /** The download URL for the core {@code Downloader}: read from the export's status at first and on expiry. */
    private Supplier<String> urlSource(UUID projectId, UUID exportId) {
        ClientValidationException.requireNonNull("projectId", projectId);
        ClientValidationException.requireNonNull("exportId", exportId);
        return () -> freshUrl(projectId, exportId);
    }

    private String freshUrl(UUID projectId, UUID exportId) {
        ExportTask task = exports().get(projectId, exportId);
        String url = task == null ? null : task.getDownloadUrl();
        if (url == null || url.isBlank()) {
            throw new SdkException(describe(projectId, exportId) + " has no download_url (status '"
                    + (task == null ? null : task.getStatus()) + "'): wait for it to complete before downloading it");
        }
        return url;
    }

    private DownloadResult download(DownloadRequest request) {
        return new Downloader(transport()).download(request);
    }

    /**
     * A waiter on an export: {@code Pending} and {@code InProgress} are running, {@code Completed} succeeds,
     * {@code Failed} fails with the task's reason and the envelope's errors and warnings; any other status counts as
     * running (logged once).
     */
    private Poller<ExportTask> exportPoller(UUID projectId, UUID exportId, PollOptions pollOptions) {
        ClientValidationException.requireNonNull("projectId", projectId);
        ClientValidationException.requireNonNull("exportId", exportId);
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
        AtomicReference<List<String>> notes = new AtomicReference<>(List.of());
        return Poller.<ExportTask>builder(describe(projectId, exportId))
                .pollResponse(() -> {
                    List<String> seen = new ArrayList<>();
                    SdkResponse<ExportTask> r = EnvelopeReader.collecting(seen,
                            () -> exports().withRawResponse().get(projectId, exportId));
                    notes.set(seen);
                    return r.value() == null ? r.withValue(new ExportTask()) : r;
                })
                .status(ExportTask::getStatus)
                .succeededOn("Completed")
                .failedOn("Failed")
                .inProgressOn("Pending", "InProgress", "In_Progress")
                .failureMessages(task -> failureMessages(task, notes.get()))
                .options(pollOptions)
                .runtime(transport())
                .build();
    }

    private static List<String> failureMessages(ExportTask task, List<String> envelopeMessages) {
        List<String> messages = new ArrayList<>();
        if (task.getAdditionalProperties() != null) {
            for (String key : REASON_KEYS) {
                if (task.getAdditionalProperties().get(key) instanceof String s && !s.isBlank()) {
                    messages.add(s);
                }
            }
        }
        messages.addAll(envelopeMessages);
        return messages;
    }

    private static String describe(UUID projectId, UUID exportId) {
        return "Document360 export " + exportId + " of project " + projectId;
    }

    /**
     * Builds a {@link Document360Client}. The base URL is, in order: {@link #baseUrl(String)}, the
     * {@link #region(Document360Region) region}, {@value Document360Client#ENV_BASE_URL} (with {@link #fromEnv()}),
     * else {@link Document360Region#EU}.
     *
     * <pre>{@code
     * Document360Client client = Document360Client.builder()
     *         .apiKey(System.getenv("DOCUMENT360_API_KEY"))
     *         .region(Document360Region.CA)
     *         .retryPolicy(RetryPolicy.builder().maxRetries(5).build())
     *         .build();
     * }</pre>
     */
    public static final class Builder extends ClientBuilder<Builder> {
        private String bearerToken;
        private String apiKey;
        private boolean explicitCredentials;
        private Document360Region region;
        private PollOptions exportPollOptions = DEFAULT_EXPORT_POLL_OPTIONS;
        private WorkspaceDialect workspaceDialect;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** A portal API token or OAuth2 access token, sent as {@code Authorization: Bearer <token>}. */
        public Builder bearerToken(String token) {
            this.bearerToken = ClientValidationException.requireNonBlank("bearerToken", token);
            return this;
        }

        /** A v3 API key ({@code d360_sk_...}), sent as {@code X-API-Key: <key>}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = ClientValidationException.requireNonBlank("apiKey", apiKey);
            return this;
        }

        /** Any other credentials (a refreshing OAuth2 token); not combinable with bearerToken/apiKey. */
        @Override
        public Builder credentials(Credentials credentials) {
            explicitCredentials = true;
            return super.credentials(credentials);
        }

        /** The data centre; default {@link Document360Region#EU}. An explicit {@link #baseUrl(String)} wins. */
        public Builder region(Document360Region region) {
            this.region = ClientValidationException.requireNonNull("region", region);
            return this;
        }

        /** How {@code awaitExport} and {@code exportToFile} poll by default (2 s growing to 30 s, 30 minutes). */
        public Builder exportPollOptions(PollOptions pollOptions) {
            this.exportPollOptions = ClientValidationException.requireNonNull("exportPollOptions", pollOptions);
            return this;
        }

        /**
         * Which API the server speaks for workspaces, when you know it: the client then never detects it
         * (default: detected once, on first use; see {@link WorkspaceDialect}).
         */
        public Builder workspaceDialect(WorkspaceDialect dialect) {
            this.workspaceDialect = ClientValidationException.requireNonNull("workspaceDialect", dialect);
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws ClientValidationException when no credentials were given (naming the environment variables with
         *     {@link #fromEnv()}), or conflicting ones, or the base URL is not usable
         */
        public Document360Client build() {
            Credentials resolved = resolveCredentials();
            if (resolved != null) {
                super.credentials(resolved);
            }
            Transport transport = buildTransport(MODULE, defaultBaseUrl(), ProblemDetailsParser.INSTANCE,
                    List.of("x-request-id", "request-id", "x-correlation-id"));
            return new Document360Client(transport, exportPollOptions, workspaceDialect);
        }

        private Credentials resolveCredentials() {
            if (explicitCredentials) {
                ClientValidationException.require(bearerToken == null && apiKey == null, "credentials",
                        "set either credentials(...) or bearerToken/apiKey, not both");
                return null;
            }
            String token = bearerToken;
            String key = apiKey;
            if (token == null && key == null && usesEnvironment()) {
                token = environmentVariable(ENV_TOKEN).orElse(null);
                key = environmentVariable(ENV_API_KEY).orElse(null);
                ClientValidationException.require(token != null || key != null, ENV_TOKEN + "/" + ENV_API_KEY,
                        "neither is set: set " + ENV_TOKEN + " (a bearer token) or " + ENV_API_KEY
                                + " (an X-API-Key key)");
            }
            ClientValidationException.require(token != null || key != null, "credentials",
                    "required: bearerToken(...), apiKey(...), credentials(...) or fromEnv()");
            if (token == null) {
                return Credentials.apiKey(API_KEY_HEADER, key);
            }
            Credentials bearer = Credentials.bearerToken(token);
            return key == null ? bearer : bearer.withHeader(API_KEY_HEADER, key);
        }

        private String defaultBaseUrl() {
            if (region != null) {
                return region.baseUrl();
            }
            return environmentVariable(ENV_BASE_URL).orElse(Document360Region.EU.baseUrl());
        }
    }
}
