package com.docsdk.document360;

import com.docsdk.core.ClientBuilder;
import com.docsdk.core.ClientValidationException;
import com.docsdk.core.Credentials;
import com.docsdk.core.DownloadRequest;
import com.docsdk.core.DownloadResult;
import com.docsdk.core.PagedIterable;
import com.docsdk.core.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkException;
import com.docsdk.core.SdkModule;
import com.docsdk.core.Transport;
import com.docsdk.document360.generated.invoker.ApiClient;
import com.docsdk.document360.generated.model.ExportTask;
import com.docsdk.document360.generated.model.Project;
import com.docsdk.document360.generated.model.ProjectVersion;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Client for the Document360 API v3: projects, workspaces (formerly project versions) and project exports.
 *
 * <pre>{@code
 * try (Document360Client d360 = Document360Client.fromEnv()) {       // DOCUMENT360_TOKEN or DOCUMENT360_API_KEY
 *     for (Project p : d360.listProjects()) {                         // lazy: pages are fetched as you iterate
 *         System.out.println(p.getId() + " " + p.getName());
 *     }
 *     UUID projectId = UUID.fromString("d7a8b9c0-1e2f-3a4b-5c6d-7e8f9a0b1c2d");
 *     Workspace v2 = d360.getWorkspace(projectId, WorkspaceRef.byName("v2.0"));  // or byId(...), defaultWorkspace()
 *     CompletedExport done = d360.exportToFile(projectId,
 *             ExportRequest.builder().format("pdf").languageCode("en").workspace(v2).build(),
 *             Path.of("product-docs.zip"));                          // start, wait, download (atomically)
 *     System.out.println(done.file() + " sha256=" + done.download().sha256());
 * }
 * }</pre>
 *
 * <ul>
 *   <li><b>Credentials</b>: {@link Builder#bearerToken(String)} sends {@code Authorization: Bearer} (the vendor's
 *       documentation: portal API tokens, OAuth2 access tokens); {@link Builder#apiKey(String)} sends
 *       {@code X-API-Key} (v3 {@code d360_sk_...} keys, as reported by third parties). Set both and both headers are
 *       sent. {@link Builder#credentials(Credentials)} takes anything else (a refreshing OAuth2 token). Credentials go
 *       to the API host only, never to the export's storage URL.</li>
 *   <li><b>Responses</b>: the {@code {data, success, request_id, errors, warnings}} wrapper is removed; methods return
 *       the generated models. {@code success: false} throws an {@code SdkHttpException} even with a 2xx status.
 *       Warnings are logged at WARN (logger {@code com.docsdk.document360}) and returned by the
 *       {@code ...WithResponse} methods ({@link Document360Response#warnings()}).</li>
 *   <li><b>Errors</b>: RFC 7807 problem documents become the core's exceptions ({@code NotFoundException},
 *       {@code AuthenticationException}, {@code RateLimitException}...) with the vendor's title, detail and messages,
 *       the {@code trace_id} as request id and the codes of {@code errors[]} ({@link Document360ErrorCodes#of}).
 *       429 and 503 are retried honouring {@code Retry-After} / {@code X-RateLimit-Reset}.</li>
 *   <li><b>Paging</b>: list methods ask for {@code page=1&page_size=N}, then follow {@code pagination.next_cursor}
 *       when the API returns one, else the next page number while {@code pagination.has_more} is true (or, without
 *       metadata, while pages are full).</li>
 *   <li><b>Workspaces or project versions</b>: the v3.1 API renamed project versions to workspaces. The client
 *       finds out once, on first use, which one the server speaks ({@code GET .../workspaces}; a 404 there while
 *       {@code GET .../project-versions} answers means the older API; see {@link WorkspaceDialect}), caches it, and
 *       then lists and gets workspaces there and starts exports with that server's field only:
 *       {@code workspace_id} or {@code project_version_id}, never both.
 *       {@link Builder#workspaceDialect(WorkspaceDialect)} skips the detection.</li>
 *   <li><b>Validation</b>: arguments are checked before any request; a bad one throws
 *       {@link ClientValidationException} naming it.</li>
 * </ul>
 *
 * <p>Thread-safe; {@link #close()} releases the connection pool (unless it was shared through
 * {@link Builder#okHttpClient(okhttp3.OkHttpClient)}).
 */
public final class Document360Client implements AutoCloseable {
    /** Environment variable holding a bearer token ({@code Authorization: Bearer}). */
    public static final String ENV_TOKEN = "DOCUMENT360_TOKEN";
    /** Environment variable holding a v3 API key ({@code X-API-Key}). */
    public static final String ENV_API_KEY = "DOCUMENT360_API_KEY";
    /** Optional environment variable overriding the base URL (another data centre, a simulator). */
    public static final String ENV_BASE_URL = "DOCUMENT360_BASE_URL";
    /** The header v3 API keys are sent in. */
    public static final String API_KEY_HEADER = "X-API-Key";
    /** The page size list methods use unless told otherwise: the vendor's maximum. */
    public static final int DEFAULT_PAGE_SIZE = Projects.MAX_PAGE_SIZE;

    static final SdkModule MODULE = SdkModule.load(Document360Client.class, "docsdk-document360");
    private static final PollOptions DEFAULT_EXPORT_POLL_OPTIONS = PollOptions.builder()
            .interval(Duration.ofSeconds(2)).maxInterval(Duration.ofSeconds(30)).timeout(Duration.ofMinutes(30))
            .build();

    private final Transport transport;
    private final PollOptions exportPollOptions;
    private final Projects projects;
    private final Workspaces workspaces;
    private final Exports exports;

    private Document360Client(Transport transport, PollOptions exportPollOptions, WorkspaceDialect dialect) {
        this.transport = transport;
        this.exportPollOptions = exportPollOptions;
        ApiClient api = new ApiClient(transport.okHttpClient());
        api.setBasePath(transport.basePath());
        this.projects = new Projects(transport, api);
        this.workspaces = new Workspaces(transport, api, dialect);
        this.exports = new Exports(transport, api, workspaces);
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

    // ---------------------------------------------------------------------------------------------- projects

    /** Every project the credential can access, fetched lazily {@value #DEFAULT_PAGE_SIZE} at a time. */
    public PagedIterable<Project> listProjects() {
        return listProjects(DEFAULT_PAGE_SIZE, RequestOptions.none());
    }

    /**
     * Every project the credential can access, fetched lazily {@code pageSize} at a time.
     *
     * @param pageSize 1 to 100
     */
    public PagedIterable<Project> listProjects(int pageSize, RequestOptions options) {
        return projects.list(pageSize, options);
    }

    /**
     * One project.
     *
     * @throws com.docsdk.core.NotFoundException when it does not exist or the credential cannot see it
     */
    public Project getProject(UUID projectId) {
        return getProjectWithResponse(projectId, RequestOptions.none()).value();
    }

    /** One project, with warnings, request id and HTTP details. */
    public Document360Response<Project> getProjectWithResponse(UUID projectId, RequestOptions options) {
        return projects.get(projectId, options);
    }

    // ---------------------------------------------------------------------------------------------- workspaces

    /**
     * Every workspace of a project, fetched lazily {@value #DEFAULT_PAGE_SIZE} at a time, from whichever API the
     * server speaks ({@code GET .../workspaces}, or {@code GET .../project-versions} on an older server).
     */
    public PagedIterable<Workspace> listWorkspaces(UUID projectId) {
        return listWorkspaces(projectId, DEFAULT_PAGE_SIZE, RequestOptions.none());
    }

    /**
     * Every workspace of a project, fetched lazily {@code pageSize} at a time (the server's dialect is detected with
     * the first page, if it is not known yet).
     *
     * @param pageSize 1 to 100
     */
    public PagedIterable<Workspace> listWorkspaces(UUID projectId, int pageSize, RequestOptions options) {
        Projects.requireId("projectId", projectId);
        Projects.checkPageSize(pageSize);
        Projects.requireOptions(options);
        return workspaces.list(projectId, pageSize, options);
    }

    /**
     * One workspace of a project: {@link WorkspaceRef#byId by id} (one {@code GET} of it),
     * {@link WorkspaceRef#byName by name} or {@link WorkspaceRef#defaultWorkspace() the default one} (the project's
     * workspaces are listed to find it).
     *
     * <pre>{@code
     * Workspace v2 = d360.getWorkspace(projectId, WorkspaceRef.byName("v2.0"));
     * Workspace main = d360.getWorkspace(projectId, WorkspaceRef.defaultWorkspace());
     * }</pre>
     *
     * @throws WorkspaceNotFoundException when no workspace has that id or name, or none is the default
     */
    public Workspace getWorkspace(UUID projectId, WorkspaceRef workspace) {
        return getWorkspace(projectId, workspace, RequestOptions.none());
    }

    /** One workspace of a project, with per-call options; see {@link #getWorkspace(UUID, WorkspaceRef)}. */
    public Workspace getWorkspace(UUID projectId, WorkspaceRef workspace, RequestOptions options) {
        Projects.requireId("projectId", projectId);
        ClientValidationException.requireNonNull("workspace", workspace);
        Projects.requireOptions(options);
        return workspaces.get(projectId, workspace, options);
    }

    /**
     * Which API the server speaks for workspaces: detected on first use (with this project), then the same for the
     * life of the client; or the one given to {@link Builder#workspaceDialect(WorkspaceDialect)}.
     *
     * @throws com.docsdk.core.NotFoundException when neither API knows the project
     */
    public WorkspaceDialect workspaceDialect(UUID projectId) {
        Projects.requireId("projectId", projectId);
        return workspaces.dialect(projectId, RequestOptions.none());
    }

    /**
     * Every version of a project, from {@code GET .../project-versions}, fetched lazily {@value #DEFAULT_PAGE_SIZE}
     * at a time.
     *
     * @deprecated the v3.1 API renamed project versions to workspaces, and its servers do not serve this route: use
     *     {@link #listWorkspaces(UUID)}, which works with either
     */
    @Deprecated
    public PagedIterable<ProjectVersion> listProjectVersions(UUID projectId) {
        return projects.listVersions(projectId, DEFAULT_PAGE_SIZE, RequestOptions.none());
    }

    /**
     * Every version of a project, fetched lazily {@code pageSize} at a time.
     *
     * @param pageSize 1 to 100
     * @deprecated use {@link #listWorkspaces(UUID, int, RequestOptions)}
     */
    @Deprecated
    public PagedIterable<ProjectVersion> listProjectVersions(UUID projectId, int pageSize, RequestOptions options) {
        return projects.listVersions(projectId, pageSize, options);
    }

    /**
     * One version of a project, from {@code GET .../project-versions/{id}}.
     *
     * @deprecated use {@link #getWorkspace(UUID, WorkspaceRef)} with {@link WorkspaceRef#byId(UUID)}
     */
    @Deprecated
    public ProjectVersion getProjectVersion(UUID projectId, UUID projectVersionId) {
        return projects.getVersion(projectId, projectVersionId, RequestOptions.none()).value();
    }

    /**
     * One version of a project, with warnings, request id and HTTP details.
     *
     * @deprecated use {@link #getWorkspace(UUID, WorkspaceRef, RequestOptions)}
     */
    @Deprecated
    public Document360Response<ProjectVersion> getProjectVersionWithResponse(UUID projectId, UUID projectVersionId,
            RequestOptions options) {
        return projects.getVersion(projectId, projectVersionId, options);
    }

    // ---------------------------------------------------------------------------------------------- exports

    /**
     * Starts an asynchronous export ({@code POST /v3/projects/{project_id}/exports}, 202); the task is usually
     * {@code Pending}. Not retried after an I/O failure (it is not idempotent); 429 and 503 are.
     *
     * <p>The body names exactly one workspace, in the field the server expects: {@code workspace_id} (v3.1) or
     * {@code project_version_id} (older servers), never both. The first call of a client finds out which
     * ({@link #workspaceDialect(UUID)}); a request naming its workspace by name, or none (the default workspace),
     * lists the project's workspaces first.
     *
     * @throws WorkspaceNotFoundException when the workspace named by name, or the default one, does not exist
     */
    public ExportTask startExport(UUID projectId, ExportRequest request) {
        return startExportWithResponse(projectId, request, RequestOptions.none()).value();
    }

    /** Starts an export, with warnings, request id and HTTP details. */
    public Document360Response<ExportTask> startExportWithResponse(UUID projectId, ExportRequest request,
            RequestOptions options) {
        return exports.start(projectId, request, options);
    }

    /** The current state of an export; {@code download_url} is set once it is {@code Completed}. */
    public ExportTask getExport(UUID projectId, UUID exportId) {
        return getExportWithResponse(projectId, exportId, RequestOptions.none()).value();
    }

    /** The current state of an export, with warnings, request id and HTTP details. */
    public Document360Response<ExportTask> getExportWithResponse(UUID projectId, UUID exportId,
            RequestOptions options) {
        return exports.get(projectId, exportId, options);
    }

    /**
     * Waits until the export is {@code Completed}, with the client's export poll options (default: every 2 s growing
     * to 30 s, for at most 30 minutes). {@code Pending}, {@code InProgress} and unknown statuses mean "still running".
     *
     * @throws com.docsdk.core.WaitFailedException when the export {@code Failed}
     * @throws com.docsdk.core.WaitTimeoutException when it did not finish in time
     */
    public ExportTask awaitExport(UUID projectId, UUID exportId) {
        return awaitExport(projectId, exportId, exportPollOptions);
    }

    /** Waits until the export is {@code Completed}, with the given timing. */
    public ExportTask awaitExport(UUID projectId, UUID exportId, PollOptions pollOptions) {
        return exports.poller(projectId, exportId, pollOptions).await();
    }

    /** Waits in the background with the client's export poll options; see {@link #awaitExport(UUID, UUID)}. */
    public CompletableFuture<ExportTask> awaitExportAsync(UUID projectId, UUID exportId) {
        return awaitExportAsync(projectId, exportId, exportPollOptions);
    }

    /**
     * Waits in the background on the client's poll scheduler (a few threads shared by every wait); the future fails
     * with the exceptions {@link #awaitExport(UUID, UUID)} throws. Cancelling it stops polling.
     */
    public CompletableFuture<ExportTask> awaitExportAsync(UUID projectId, UUID exportId, PollOptions pollOptions) {
        return exports.poller(projectId, exportId, pollOptions).awaitAsync();
    }

    /**
     * Downloads a completed export to {@code target}, atomically: a temporary file moved into place only when
     * complete. The storage URL (with its SAS token) gets no Document360 credential; when it has expired, a fresh one
     * is read from the export's status.
     */
    public DownloadResult downloadExport(UUID projectId, UUID exportId, Path target) {
        ClientValidationException.requireNonNull("target", target);
        return exports.download(DownloadRequest.fromSource(urlSource(projectId, exportId)).toFile(target).build());
    }

    /** Streams a completed export into {@code out} (not closed). */
    public DownloadResult downloadExport(UUID projectId, UUID exportId, OutputStream out) {
        ClientValidationException.requireNonNull("out", out);
        return exports.download(DownloadRequest.fromSource(urlSource(projectId, exportId)).toStream(out).build());
    }

    /**
     * Starts an export, waits for it with the client's export poll options, and downloads it to {@code target}.
     * Every argument, the target's folder included, is checked before the export is started.
     */
    public CompletedExport exportToFile(UUID projectId, ExportRequest request, Path target) {
        return exportToFile(projectId, request, target, exportPollOptions);
    }

    /** Starts an export, waits for it with {@code pollOptions}, and downloads it to {@code target}. */
    public CompletedExport exportToFile(UUID projectId, ExportRequest request, Path target, PollOptions pollOptions) {
        Projects.requireId("projectId", projectId);
        ClientValidationException.requireNonNull("request", request);
        ClientValidationException.requireNonNull("target", target);
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
        ExportUrlSource source = new ExportUrlSource(exports);
        DownloadRequest download = DownloadRequest.fromSource(source).toFile(target).build();

        ExportTask started = startExport(projectId, request);
        UUID exportId = started.getId();
        if (exportId == null) {
            throw new SdkException("Document360 started an export in project " + projectId
                    + " but returned no export id");
        }
        ExportTask completed = awaitExport(projectId, exportId, pollOptions);
        source.bind(projectId, exportId, completed.getDownloadUrl());
        return new CompletedExport(completed, exports.download(download));
    }

    private ExportUrlSource urlSource(UUID projectId, UUID exportId) {
        Projects.requireId("projectId", projectId);
        Projects.requireId("exportId", exportId);
        return new ExportUrlSource(exports).bind(projectId, exportId, null);
    }

    /** Releases the connection pool and threads this client created. Idempotent. */
    @Override
    public void close() {
        transport.close();
    }

    /** Describes the client; never shows a credential. */
    @Override
    public String toString() {
        return "Document360Client{" + transport + '}';
    }

    /**
     * Builds a {@link Document360Client}. The base URL is, in order: {@link #baseUrl(String)}, the
     * {@link #region(Document360Region) region}, {@value Document360Client#ENV_BASE_URL} (with {@link #fromEnv()}),
     * else
     * {@link Document360Region#EU}.
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
