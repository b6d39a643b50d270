package com.docsdk.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A stateful simulator of the SmartDocumentor cloud API ({@code openapi/smartdocumentor.yaml}): OAuth2 client
 * credentials tokens that expire, tasks that progress, status look-ups and filtered lists, external integration
 * statuses and reprocessing.
 *
 * <pre>{@code
 * @RegisterExtension
 * static SmartDocumentorSimulator smartDocumentor = SmartDocumentorSimulator.create()
 *         .clientCredentials("client-id", "client-secret").tokenLifetime(Duration.ofMinutes(5));
 *
 * @Test
 * void marksProcessedTasksIntegrated() {
 *     long taskId = smartDocumentor.addTask("erp-0001", Instant.parse("2025-06-01T10:00:00Z"));
 *     // ... code under test: token, statuslistpaginated?externalIntegrationStatus=never, PATCH ...
 *     assertEquals(Optional.of("integrated"), smartDocumentor.externalIntegrationStatus(taskId));
 * }
 * }</pre>
 *
 * <p>What is modelled:
 * <ul>
 *   <li>{@code POST /connect/token} (form): {@code client_credentials} with scope {@code WebAPI}; a token valid
 *       {@link #tokenLifetime} (3600 s) on the simulator's clock. Bad client: 400 {@code {"error":"invalid_client"}};
 *       other grant: {@code unsupported_grant_type}; other scope: {@code invalid_scope}.</li>
 *   <li>{@code /api/...} needs {@code Authorization: Bearer} with an issued, unexpired token (or the static token of
 *       {@link #expectApiKey}); otherwise 401, empty body, {@code WWW-Authenticate: Bearer error="invalid_token"}.</li>
 *   <li>{@code POST .../process}: a task, status 30 (QueuedForPreProcessing), external status {@code never}; a
 *       duplicate {@code externalId} is a 400. Each {@code GET .../status} of a task is a poll: 31
 *       (PreProcessingInProgress), then on the {@link #pollsUntilProcessed}-th poll 34 (PreProcessingSuccessful,
 *       {@code totalPages} 1) or the code set by {@link #finalTaskStatus}.</li>
 *   <li>{@code GET .../status} by {@code taskId} or {@code externalId} (neither: 400; unknown: 404);
 *       {@code statuslist} and {@code statuslistpaginated} with {@code startDate}/{@code endDate} (created after /
 *       before; one is required), {@code taskStatus}, {@code integrationStatus}, {@code workspaceId} (repeatable),
 *       {@code externalIntegrationStatus}, {@code sort} ({@code createdOn}, {@code taskId}, {@code displayName}) and
 *       {@code pageNumber}/{@code pageSize} (envelope {@code items, pageNumber, pageSize, totalCount, totalPages,
 *       hasPreviousPage, hasNextPage}).</li>
 *   <li>{@code PATCH .../externalIntegrationStatus} sets it (200, no body; 400/404 without body as documented);
 *       {@code PATCH .../restartprocessing} puts the task back to 30, increments {@code restartCount}, stamps
 *       {@code preProcessingStartedOn} and resets the external status to {@code never}.</li>
 *   <li>{@code GET .../GetExportData/{taskId}}: the task's data with one empty chunk.</li>
 * </ul>
 * Off-spec requests get ASP.NET Core's 400 {@code ValidationProblemDetails}. Not modelled: workspaces, batches,
 * webhooks, the code samples' path without {@code /external/} (it is a 404 here, as the spec does not have it).
 */
public final class SmartDocumentorSimulator extends ApiSimulator<SmartDocumentorSimulator> {
    private static final String BASE = "/api/v1.0/external/sdtask/";
    private static final Map<Integer, String> STATUS_TEXT = Map.of(19, "Deleting", 20, "Deleted",
            30, "QueuedForPreProcessing", 31, "PreProcessingInProgress", 32, "PreProcessingFailed",
            33, "PreProcessingDownloadFailed", 34, "PreProcessingSuccessful", 35, "PreProcessingGetPagesFailed");
    private static final Set<Integer> FINAL = Set.of(19, 20, 32, 33, 34, 35);

    private static final class Task {
        long taskId;
        long workspaceId;
        String externalId;
        String displayName;
        String description;
        Instant createdOn;
        int taskStatus;
        int integrationStatus;
        int totalPages;
        Integer restartCount;
        Instant preProcessingStartedOn;
        String externalIntegrationStatus = "never";
        int polls;
        String url;
    }

    private final Map<Long, Task> tasks = new LinkedHashMap<>();
    private final Map<String, Instant> tokens = new HashMap<>();
    private long nextTaskId;
    private String clientId;
    private String clientSecret;
    private Duration tokenLifetime = Duration.ofSeconds(3600);
    private int pollsUntilProcessed = 2;
    private int finalTaskStatus = 34;

    private SmartDocumentorSimulator() {
        super("smartdocumentor", SimulatedStorage.Style.AZURE_BLOB);
        initialize();
    }

    /** A simulator without tasks, issuing tokens to any non-blank client id and secret. */
    public static SmartDocumentorSimulator create() {
        return new SmartDocumentorSimulator();
    }

    /** Issue tokens only to this client id and secret. */
    public synchronized SmartDocumentorSimulator clientCredentials(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        return this;
    }

    /** The lifetime of issued tokens, reported as {@code expires_in} (default 3600 s). */
    public synchronized SmartDocumentorSimulator tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
        return this;
    }

    /** On which status poll a task reaches its final status (default 2). */
    public synchronized SmartDocumentorSimulator pollsUntilProcessed(int polls) {
        if (polls < 1) {
            throw new IllegalArgumentException("polls must be at least 1: " + polls);
        }
        this.pollsUntilProcessed = polls;
        return this;
    }

    /** The status code tasks end in (default 34, PreProcessingSuccessful; e.g. 32 for PreProcessingFailed). */
    public synchronized SmartDocumentorSimulator finalTaskStatus(int taskStatus) {
        this.finalTaskStatus = taskStatus;
        return this;
    }

    /**
     * Seeds a processed task (status 34, one page, workspace 1) created at {@code createdOn}.
     *
     * @param externalId the task's external id, or {@code null}
     * @return its task id
     */
    public synchronized long addTask(String externalId, Instant createdOn) {
        Task task = newTask(externalId, "Task " + (nextTaskId), 1, createdOn, "https://example.com/seeded.pdf");
        task.taskStatus = 34;
        task.totalPages = 1;
        return task.taskId;
    }

    /** A task's external integration status ({@code never} until patched); empty for an unknown task. */
    public synchronized Optional<String> externalIntegrationStatus(long taskId) {
        return Optional.ofNullable(tasks.get(taskId)).map(t -> t.externalIntegrationStatus);
    }

    /** A task's status code; empty for an unknown task. */
    public synchronized Optional<Integer> taskStatus(long taskId) {
        return Optional.ofNullable(tasks.get(taskId)).map(t -> t.taskStatus);
    }

    /** Forgets every issued token, as if they had been revoked. */
    public synchronized SmartDocumentorSimulator revokeTokens() {
        tokens.clear();
        return this;
    }

    @Override
    void routes(Router router) {
        router.on("POST", "/connect/token", this::token)
                .on("POST", BASE + "process", this::createTask)
                .on("GET", BASE + "status", this::status)
                .on("GET", BASE + "statuslist", r -> list(r, false))
                .on("GET", BASE + "statuslistpaginated", r -> list(r, true))
                .on("PATCH", BASE + "externalIntegrationStatus", this::patchExternalStatus)
                .on("PATCH", BASE + "restartprocessing", this::restart)
                .on("GET", BASE + "GetExportData/{taskId}", this::exportData);
    }

    @Override
    void resetState() {
        webhooks.clear();
        reviews.clear();
        callbacks.clear();
        tasks.clear();
        tokens.clear();
        nextTaskId = 1000;
    }

    private SimResponse token(SimRequest r) {
        Map<String, String> form = r.form();
        String id = form.getOrDefault("client_id", "");
        String secret = form.getOrDefault("client_secret", "");
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return oauthError("unsupported_grant_type");
        }
        boolean known = clientId == null ? !id.isBlank() && !secret.isBlank()
                : clientId.equals(id) && clientSecret.equals(secret);
        if (!known) {
            return oauthError("invalid_client");
        }
        if (!"WebAPI".equals(form.get("scope"))) {
            return oauthError("invalid_scope");
        }
        String token = "sim." + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, clock().instant().plus(tokenLifetime));
        return SimResponse.json(200, Json.object().put("access_token", token)
                .put("expires_in", tokenLifetime.toSeconds()).put("token_type", "Bearer").put("scope", "WebAPI")
                .build()).header("Cache-Control", "no-store");
    }

    private SimResponse createTask(SimRequest r) {
        JsonElement body = r.json();
        Optional<String> externalId = Json.string(body, "externalId");
        if (externalId.isPresent() && findByExternalId(externalId.get()).isPresent()) {
            return AspNetErrors.validation("externalId", "A task with external id '" + externalId.get()
                    + "' already exists in this organization.");
        }
        Task task = newTask(externalId.orElse(null),
                Json.string(body, "displayName").orElse("Task-" + UUID.randomUUID().toString().substring(0, 8)),
                Json.member(body, "workspaceId").map(JsonElement::getAsLong).orElse(1L),
                clock().instant(), Json.member(body, "context").flatMap(c -> Json.string(c, "url")).orElse(null));
        task.description = Json.string(body, "description").orElse(null);
        task.preProcessingStartedOn = clock().instant();
        JsonObject response = Json.object().put("taskId", task.taskId).put("workspaceId", task.workspaceId)
                .put("batchId", null).put("externalId", task.externalId).put("displayName", task.displayName)
                .put("taskStatus", task.taskStatus).put("taskStatusText", STATUS_TEXT.get(task.taskStatus)).build();
        return SimResponse.json(200, response);
    }

    private SimResponse status(SimRequest r) {
        Optional<Task> task = identify(r);
        if (task.isEmpty()) {
            return identifierMissing(r) ? AspNetErrors.validation("taskId",
                    "At least one of taskId or externalId must be specified.") : SimResponse.empty(404);
        }
        Task t = task.get();
        if (!FINAL.contains(t.taskStatus)) {
            t.polls++;
            if (t.polls >= pollsUntilProcessed) {
                t.taskStatus = finalTaskStatus;
                t.totalPages = 1;
            } else {
                t.taskStatus = 31;
            }
        }
        return SimResponse.json(200, taskJson(t));
    }

    private SimResponse list(SimRequest r, boolean paged) {
        Optional<Instant> start;
        Optional<Instant> end;
        try {
            start = r.query("startDate").map(SmartDocumentorSimulator::parseDate);
            end = r.query("endDate").map(SmartDocumentorSimulator::parseDate);
        } catch (DateTimeParseException e) {
            return AspNetErrors.validation("startDate", "The value is not a valid date.");
        }
        if (start.isEmpty() && end.isEmpty()) {
            return AspNetErrors.validation("startDate", "At least one of startDate or endDate must be specified.");
        }
        Set<String> statuses = Set.copyOf(r.queryAll("taskStatus"));
        Set<String> integration = Set.copyOf(r.queryAll("integrationStatus"));
        Set<String> workspaces = Set.copyOf(r.queryAll("workspaceId"));
        Optional<String> external = r.query("externalIntegrationStatus");
        Comparator<Task> order = switch (r.query("sort").orElse("createdOn").toLowerCase(java.util.Locale.ROOT)) {
            case "taskid" -> Comparator.comparingLong(t -> t.taskId);
            case "displayname" -> Comparator.comparing((Task t) -> t.displayName);
            default -> Comparator.comparing((Task t) -> t.createdOn);
        };
        List<Task> matching = tasks.values().stream()
                .filter(t -> start.map(s -> t.createdOn.isAfter(s)).orElse(true))
                .filter(t -> end.map(e -> t.createdOn.isBefore(e)).orElse(true))
                .filter(t -> statuses.isEmpty() || statuses.contains(Integer.toString(t.taskStatus)))
                .filter(t -> integration.isEmpty() || integration.contains(Integer.toString(t.integrationStatus)))
                .filter(t -> workspaces.isEmpty() || workspaces.contains(Long.toString(t.workspaceId)))
                .filter(t -> external.map(e -> e.equals(t.externalIntegrationStatus)).orElse(true))
                .sorted(order.thenComparingLong(t -> t.taskId))
                .collect(Collectors.toList());
        if (!paged) {
            return SimResponse.json(200, Json.array(matching.stream().map(this::taskJson).collect(Collectors.toList())));
        }
        int pageNumber = r.query("pageNumber").map(Integer::parseInt).orElse(1);
        int pageSize = r.query("pageSize").map(Integer::parseInt).orElse(10);
        int totalPages = (matching.size() + pageSize - 1) / pageSize;
        List<JsonElement> items = matching.stream().skip((long) (pageNumber - 1) * pageSize).limit(pageSize)
                .map(this::taskJson).collect(Collectors.toList());
        return SimResponse.json(200, Json.object().put("items", Json.array(items)).put("pageNumber", pageNumber)
                .put("pageSize", pageSize).put("totalCount", matching.size()).put("totalPages", totalPages)
                .put("hasPreviousPage", pageNumber > 1).put("hasNextPage", pageNumber < totalPages).build());
    }

    private SimResponse patchExternalStatus(SimRequest r) {
        Optional<Task> task = identify(r);
        if (task.isEmpty()) {
            return SimResponse.empty(identifierMissing(r) ? 400 : 404);
        }
        task.get().externalIntegrationStatus = Json.string(r.json(), "externalIntegrationStatus").orElseThrow();
        return SimResponse.empty(200);
    }

    private SimResponse restart(SimRequest r) {
        Optional<Task> task = identify(r);
        if (task.isEmpty()) {
            return identifierMissing(r) ? AspNetErrors.validation("taskId",
                    "At least one of taskId or externalId must be specified.") : SimResponse.empty(404);
        }
        Task t = task.get();
        t.taskStatus = 30;
        t.polls = 0;
        t.totalPages = 0;
        t.restartCount = t.restartCount == null ? 1 : t.restartCount + 1;
        t.preProcessingStartedOn = clock().instant();
        t.externalIntegrationStatus = "never";
        return SimResponse.empty(200);
    }

    private SimResponse exportData(SimRequest r) {
        Task t = tasks.get(Long.parseLong(r.pathParam("taskId")));
        if (t == null) {
            return SimResponse.empty(404);
        }
        JsonArray chunks = new JsonArray();
        chunks.add(Json.object().put("entities", new JsonArray()).build());
        return SimResponse.json(200, Json.object().put("taskId", t.taskId).put("originalFileUrl", t.url)
                .put("workspaceId", t.workspaceId).put("batchId", null).put("taskNumber", null)
                .put("externalId", t.externalId).put("displayName", t.displayName).put("description", t.description)
                .put("totalPages", t.totalPages).put("lastCheckoutByUserName", null).put("lastCheckedOutBy", null)
                .put("lastCheckedOutUntil", null).put("chunks", chunks).build());
    }

    private Task newTask(String externalId, String displayName, long workspaceId, Instant createdOn, String url) {
        Task t = new Task();
        t.taskId = nextTaskId++;
        t.externalId = externalId;
        t.displayName = displayName;
        t.workspaceId = workspaceId;
        t.createdOn = createdOn;
        t.taskStatus = 30;
        t.url = url;
        tasks.put(t.taskId, t);
        return t;
    }

    private JsonObject taskJson(Task t) {
        Json.ObjectBuilder b = Json.object().put("taskId", t.taskId).put("workspaceId", t.workspaceId)
                .put("batchId", null).put("taskNumber", t.taskId - 999).put("externalId", t.externalId)
                .put("displayName", t.displayName).put("description", t.description)
                .put("createdOn", Json.isoSeconds(t.createdOn)).put("taskStatus", t.taskStatus)
                .put("integrationStatus", t.integrationStatus)
                .put("taskStatusText", STATUS_TEXT.getOrDefault(t.taskStatus, Integer.toString(t.taskStatus)))
                .put("integrationStatusText", "None").put("totalPages", t.totalPages)
                .put("preProcessingStartedOn", t.preProcessingStartedOn == null ? null
                        : Json.isoSeconds(t.preProcessingStartedOn))
                .put("externalIntegrationStatus", t.externalIntegrationStatus);
        if (t.restartCount != null) {
            b.put("restartCount", t.restartCount);
        }
        return b.build();
    }

    private Optional<Task> identify(SimRequest r) {
        Optional<String> id = r.queryIgnoreCase("taskId");
        if (id.isPresent()) {
            return Optional.ofNullable(tasks.get(Long.parseLong(id.get())));
        }
        return r.query("externalId").flatMap(this::findByExternalId);
    }

    private static boolean identifierMissing(SimRequest r) {
        return r.queryIgnoreCase("taskId").isEmpty() && r.query("externalId").isEmpty();
    }

    private Optional<Task> findByExternalId(String externalId) {
        return tasks.values().stream().filter(t -> externalId.equals(t.externalId)).findFirst();
    }

    private static Instant parseDate(String value) {
        return value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")
                ? java.time.OffsetDateTime.parse(value).toInstant()
                : java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------- webhooks (issue 19)

    /** The four webhook export configurations of a workspace. */
    public enum WebhookKind {
        /** Webhook (Text Documents): OCR and metadata. */
        TEXT_DOCUMENTS,
        /** Webhook (Transcripts): the transcription. */
        TRANSCRIPTS,
        /** Webhook Url To File (Transcripts): a SAS URL to the Word file. */
        URL_TO_FILE_TRANSCRIPTS,
        /** Webhook Url to File (Anonymization): a SAS URL to the anonymized file. */
        URL_TO_FILE_ANONYMIZATION
    }

    /**
     * What became of a review: SmartDocumentor archives the document on a 2xx answer and sends it back to
     * "To Review" on an error status, logging the answer's body.
     *
     * @param archived true when the receiver answered 2xx
     * @param status the receiver's status (-1: no connection)
     * @param loggedBody the receiver's answer, as SmartDocumentor would show it
     */
    public record Review(boolean archived, int status, String loggedBody) {
        /** The outcome and the body's length; not the body (a receiver may echo anything). */
        @Override
        public String toString() {
            return "Review[archived=" + archived + ", status=" + status + ", loggedBody="
                    + (loggedBody == null ? 0 : loggedBody.length()) + " chars]";
        }
    }

    private final Map<WebhookKind, String> webhooks = new LinkedHashMap<>();
    private final Map<Long, Review> reviews = new LinkedHashMap<>();
    private final CallbackSender callbacks = new CallbackSender(1);

    /** Configures the webhook export of {@code kind} to POST to {@code url} (one per kind, as per workspace). */
    public synchronized SmartDocumentorSimulator webhook(WebhookKind kind, String url) {
        webhooks.put(kind, url);
        return this;
    }

    /** How webhooks are sent (once per review, optionally with duplicates; no retries: a person reviews again). */
    public CallbackSender callbacks() {
        return callbacks;
    }

    /**
     * Reviews a task, as a user in the UI: every configured webhook is POSTed at once (in the calling thread) with
     * the task's fields ({@code taskId, taskNumber, workspaceId, displayName, totalPages}, the url-to-file kinds an
     * {@code exportedFileUrl} with a SAS signature). All answered 2xx: archived; else back to "To Review".
     *
     * @throws IllegalStateException for an unknown task or when no webhook is configured
     */
    public Review reviewTask(long taskId) {
        Map<WebhookKind, String> targets;
        JsonObject base;
        synchronized (this) {
            Task t = tasks.get(taskId);
            if (t == null || webhooks.isEmpty()) {
                throw new IllegalStateException(t == null ? "no task " + taskId : "no webhook configured");
            }
            targets = new LinkedHashMap<>(webhooks);
            base = Json.object().put("taskId", t.taskId).put("taskNumber", t.taskId - 999)
                    .put("workspaceId", t.workspaceId).put("displayName", t.displayName)
                    .put("externalId", t.externalId).build();
            if (t.restartCount != null) {
                base.addProperty("restartCount", t.restartCount);
            }
            base.addProperty("totalPagesOfTask", t.totalPages);
        }
        Review review = null;
        for (Map.Entry<WebhookKind, String> w : targets.entrySet()) {
            JsonObject body = base.deepCopy();
            body.remove("totalPagesOfTask");
            int pages = base.get("totalPagesOfTask").getAsInt();
            switch (w.getKey()) {
                case TEXT_DOCUMENTS -> {
                    body.addProperty("totalPages", pages);
                    body.add("fields", Json.object().put("InvoiceNumber", "INV-" + taskId).put("Total", "100.00")
                            .build());
                }
                case TRANSCRIPTS -> body.add("transcript", Json.object().put("text", "Hello.").build());
                case URL_TO_FILE_TRANSCRIPTS -> body.addProperty("exportedFileUrl", sasUrl(taskId, "docx"));
                case URL_TO_FILE_ANONYMIZATION -> {
                    body.addProperty("totalPages", pages);
                    body.addProperty("exportedFileUrl", sasUrl(taskId, "pdf"));
                }
                default -> throw new IllegalStateException(w.getKey().name());
            }
            CallbackSender.Delivery d = callbacks.sendNow(w.getValue(), "application/json",
                    body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (review == null || review.archived()) {
                review = new Review(d.delivered(), d.status(), d.responseBody());
            }
        }
        synchronized (this) {
            reviews.put(taskId, review);
        }
        return review;
    }

    /** The last review of a task, if any. */
    public synchronized Optional<Review> lastReview(long taskId) {
        return Optional.ofNullable(reviews.get(taskId));
    }

    private String sasUrl(long taskId, String extension) {
        return "https://smartdocumentor.blob.core.windows.net/exports/" + taskId + "." + extension
                + "?sv=2024-05-04&se=2026-12-08T00%3A00%3A00Z&sr=b&sp=r&sig=c2ltdWxhdGVkLXNpZ25hdHVyZQ%3D%3D";
    }

    private static SimResponse oauthError(String error) {
        return SimResponse.json(400, Json.object().put("error", error).build()).header("Cache-Control", "no-store");
    }

    @Override
    Optional<SimResponse> authenticate(SimRequest request) {
        if ("/connect/token".equals(request.path())) {
            return Optional.empty();
        }
        Optional<String> token = request.bearerToken();
        if (token.isEmpty()) {
            return Optional.of(SimResponse.empty(401).header("WWW-Authenticate", "Bearer"));
        }
        if (expectedApiKey().map(token.get()::equals).orElse(false)) {
            return Optional.empty();
        }
        Instant expiresAt = tokens.get(token.get());
        if (expiresAt == null) {
            return Optional.of(SimResponse.empty(401).header("WWW-Authenticate",
                    "Bearer error=\"invalid_token\""));
        }
        if (!clock().instant().isBefore(expiresAt)) {
            return Optional.of(SimResponse.empty(401).header("WWW-Authenticate",
                    "Bearer error=\"invalid_token\", error_description=\"The token expired at '"
                            + Json.isoSeconds(expiresAt) + "'\""));
        }
        return Optional.empty();
    }

    @Override
    SimResponse invalidRequest(SimRequest request, List<ContractViolation> violations) {
        if ("/connect/token".equals(request.path())) {
            return oauthError("invalid_request");
        }
        return AspNetErrors.validation(violations);
    }

    @Override
    SimResponse unknownOperation(SimRequest request) {
        return SimResponse.empty(404);
    }

    @Override
    SimResponse tooManyRequests(SimRequest request, long retryAfterSeconds) {
        return AspNetErrors.problem(429, "https://tools.ietf.org/html/rfc6585#section-4", "Too Many Requests", null);
    }

    @Override
    SimResponse serverError(int status) {
        return status == 503 ? AspNetErrors.problem(503, "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                "Service Unavailable", null)
                : AspNetErrors.problem(500, "https://tools.ietf.org/html/rfc9110#section-15.6.1",
                        "An error occurred while processing your request.", null);
    }
}
