package com.docsdk.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A stateful simulator of the WebAdMIT export API ({@code openapi/webadmit.yaml}): user identities, exports (export
 * templates) and export files (runs) whose short-lived download URLs really expire.
 *
 * <pre>{@code
 * static final TestClock clock = TestClock.atSystemTime();
 *
 * @RegisterExtension
 * static WebAdmitSimulator webAdmit = WebAdmitSimulator.create()
 *         .expectApiKey("test-key").clock(clock).pollsUntilAvailable(2).exportContent("id,name\n1,Ada\n");
 *
 * @Test
 * void downloadsTheNightlyExport() {
 *     // ... code under test: POST .../user_identities/42/exports/29897/export_files, poll, download ...
 * }
 * }</pre>
 *
 * <p>What is modelled:
 * <ul>
 *   <li>Fixtures (after every reset): user identity {@value #DEFAULT_USER_IDENTITY_ID} (Admissions User, SOPHAS)
 *       with export {@value #DEFAULT_EXPORT_ID} "Nightly Banner Export" (CSV); add more with {@link #addExport}.
 *       {@code GET /api/v1/user_identities}, {@code /api/v1/exports}, {@code .../user_identities/{id}/exports}.</li>
 *   <li>{@code POST .../user_identities/{uid}/exports/{eid}/export_files}: 201, status {@code Queued}; while a run of
 *       the same export is unfinished, the same export file is returned (the documented safeguard).</li>
 *   <li>{@code GET /api/v1/exports/{eid}/export_files/{id}}: each call is a poll: {@code In Progress} until the
 *       {@link #pollsUntilAvailable}-th, then the configured {@link ExportOutcome}. {@code Available} and
 *       {@code Success With Errors} carry a {@code download_url} on this server valid {@link #downloadUrlLifetime}
 *       (25 s; "less than 30 seconds"); every call issues a new URL, old ones keep their own expiry.</li>
 *   <li>{@code GET .../user_identities/{uid}/export_files}: the identity's runs, without download URLs.</li>
 *   <li>Statuses in Title Case, or the seed's snake_case with {@link #snakeCaseStatuses(boolean)}.</li>
 * </ul>
 * Credentials: header {@code x-api-key}; a missing or wrong key gets 401 with an empty body. Every response carries
 * {@code X-RateLimit-Limit}/{@code X-RateLimit-Remaining}: the documented 5,000 calls per hour are enforced unless
 * {@link #rateLimit} or {@link #noRateLimit()} says otherwise. 404 and off-spec requests (400) get
 * {@code {"message": ...}}. Not modelled: the callback POST WebAdMIT sends when a file is ready.
 */
public final class WebAdmitSimulator extends ApiSimulator<WebAdmitSimulator> {
    /** The user identity every reset recreates. */
    public static final long DEFAULT_USER_IDENTITY_ID = 42;
    /** The export of {@link #DEFAULT_USER_IDENTITY_ID} every reset recreates. */
    public static final long DEFAULT_EXPORT_ID = 29897;

    /** How an export run ends. */
    public enum ExportOutcome {
        /** {@code Available}, with a download URL. */
        AVAILABLE("Available"),
        /** {@code Success With Errors}: a file is available, with errors. */
        SUCCESS_WITH_ERRORS("Success With Errors"),
        /** {@code Empty List}: no file. */
        EMPTY_LIST("Empty List"),
        /** {@code Failed}: no file. */
        FAILED("Failed");

        private final String status;

        ExportOutcome(String status) {
            this.status = status;
        }

        boolean hasFile() {
            return this == AVAILABLE || this == SUCCESS_WITH_ERRORS;
        }
    }

    private record Export(long id, long userIdentityId, String name) {
    }

    private static final class ExportFile {
        long id;
        long exportId;
        long userIdentityId;
        int polls;
        String status;
        ExportOutcome outcome;
    }

    private final Map<Long, Export> exports = new LinkedHashMap<>();
    private final Map<Long, ExportFile> exportFiles = new LinkedHashMap<>();
    private long nextExportFileId;
    private int pollsUntilAvailable = 2;
    private Duration downloadUrlLifetime = Duration.ofSeconds(25);
    private ExportOutcome outcome = ExportOutcome.AVAILABLE;
    private boolean snakeCase;
    private String exportContent = "CAS ID,First Name,Last Name\n1234567890,Ada,Lovelace\n";

    private WebAdmitSimulator() {
        super("webadmit", SimulatedStorage.Style.S3);
        rateLimit(5000, Duration.ofHours(1));
        initialize();
    }

    /** A simulator with the default identity and export, accepting any non-blank API key. */
    public static WebAdmitSimulator create() {
        return new WebAdmitSimulator();
    }

    /** On which status check a run finishes (default 2; 1 means the first check already sees the outcome). */
    public synchronized WebAdmitSimulator pollsUntilAvailable(int polls) {
        if (polls < 1) {
            throw new IllegalArgumentException("polls must be at least 1: " + polls);
        }
        this.pollsUntilAvailable = polls;
        return this;
    }

    /** How long each issued download URL is valid (default 25 s). */
    public synchronized WebAdmitSimulator downloadUrlLifetime(Duration lifetime) {
        this.downloadUrlLifetime = lifetime;
        return this;
    }

    /** How runs started from now on end (default {@link ExportOutcome#AVAILABLE}). */
    public synchronized WebAdmitSimulator exportOutcome(ExportOutcome outcome) {
        this.outcome = outcome;
        return this;
    }

    /** Send the seed document's snake_case statuses ({@code in_progress}, {@code available}) instead of Title Case. */
    public synchronized WebAdmitSimulator snakeCaseStatuses(boolean snakeCase) {
        this.snakeCase = snakeCase;
        return this;
    }

    /** The CSV served at download URLs. */
    public synchronized WebAdmitSimulator exportContent(String csv) {
        this.exportContent = csv;
        return this;
    }

    /** Adds an export (and its user identity, if new) until the next reset. */
    public synchronized WebAdmitSimulator addExport(long userIdentityId, long exportId, String name) {
        exports.put(exportId, new Export(exportId, userIdentityId, name));
        return this;
    }

    /** The status of an export file as last reported, e.g. {@code In Progress}; empty for an unknown id. */
    public synchronized Optional<String> exportFileStatus(long exportFileId) {
        return Optional.ofNullable(exportFiles.get(exportFileId)).map(f -> display(f.status));
    }

    @Override
    void routes(Router router) {
        router.on("GET", "/api/v1/user_identities", this::listIdentities)
                .on("GET", "/api/v1/exports", r -> exportList("/api/v1/exports", exports.values().stream()
                        .collect(Collectors.toList())))
                .on("GET", "/api/v1/user_identities/{uid}/exports", this::listIdentityExports)
                .on("POST", "/api/v1/user_identities/{uid}/exports/{eid}/export_files", this::startRun)
                .on("GET", "/api/v1/exports/{eid}/export_files/{id}", this::checkRun)
                .on("GET", "/api/v1/user_identities/{uid}/export_files", this::recentRuns);
    }

    @Override
    void resetState() {
        exports.clear();
        exportFiles.clear();
        nextExportFileId = 74780;
        exports.put(DEFAULT_EXPORT_ID, new Export(DEFAULT_EXPORT_ID, DEFAULT_USER_IDENTITY_ID, "Nightly Banner Export"));
    }

    private SimResponse listIdentities(SimRequest r) {
        JsonArray identities = new JsonArray();
        exports.values().stream().map(Export::userIdentityId).distinct().forEach(id -> identities.add(Json.object()
                .put("id", id).put("type", "Admissions User").put("association", "SOPHAS")
                .put("institution", "Demo University").put("organization", "Demo University School of Public Health")
                .put("cycle", "2024 - 2025").build()));
        return SimResponse.json(200, Json.object().put("href", "/api/v1/user_identities")
                .put("user_identities", identities).build());
    }

    private SimResponse listIdentityExports(SimRequest r) {
        long uid = Long.parseLong(r.pathParam("uid"));
        if (!identityExists(uid)) {
            return identityNotFound(uid);
        }
        return exportList("/api/v1/user_identities/" + uid + "/exports", exports.values().stream()
                .filter(e -> e.userIdentityId == uid).collect(Collectors.toList()));
    }

    private SimResponse exportList(String href, List<Export> list) {
        JsonArray items = new JsonArray();
        list.forEach(e -> items.add(Json.object().put("id", e.id).put("name", e.name).put("list_type", "all")
                .put("format", "Comma-Separated Values").put("mime_type", "text/csv;charset=iso-8859-1").build()));
        return SimResponse.json(200, Json.object().put("href", href).put("exports", items).build());
    }

    private SimResponse startRun(SimRequest r) {
        long uid = Long.parseLong(r.pathParam("uid"));
        long eid = Long.parseLong(r.pathParam("eid"));
        if (!identityExists(uid)) {
            return identityNotFound(uid);
        }
        Export export = exports.get(eid);
        if (export == null || export.userIdentityId != uid) {
            return message(404, "Export '" + eid + "' not found.");
        }
        ExportFile running = exportFiles.values().stream()
                .filter(f -> f.exportId == eid && f.outcome == null).findFirst().orElse(null);
        if (running == null) {
            running = new ExportFile();
            running.id = nextExportFileId++;
            running.exportId = eid;
            running.userIdentityId = uid;
            running.status = "Queued";
            exportFiles.put(running.id, running);
        }
        return SimResponse.json(201, Json.object().put("export_files", fileJson(running, null)).build());
    }

    private SimResponse checkRun(SimRequest r) {
        long eid = Long.parseLong(r.pathParam("eid"));
        ExportFile file = exportFiles.get(Long.parseLong(r.pathParam("id")));
        if (file == null || file.exportId != eid) {
            return message(404, "Not Found");
        }
        if (file.outcome == null) {
            file.polls++;
            if (file.polls >= pollsUntilAvailable) {
                file.outcome = outcome;
                file.status = outcome.status;
            } else {
                file.status = "In Progress";
            }
        }
        String url = null;
        if (file.outcome != null && file.outcome.hasFile()) {
            String key = "export_files/reports/" + file.id + "/export_" + file.id + ".csv";
            storage().putObject(key, exportContent.getBytes(StandardCharsets.ISO_8859_1), "text/csv;charset=iso-8859-1");
            url = storage().presignGet(key, clock().instant(), downloadUrlLifetime);
        }
        return SimResponse.json(200, Json.object().put("export_files", fileJson(file, url)).build());
    }

    private SimResponse recentRuns(SimRequest r) {
        long uid = Long.parseLong(r.pathParam("uid"));
        if (!identityExists(uid)) {
            return identityNotFound(uid);
        }
        JsonArray items = new JsonArray();
        exportFiles.values().stream().filter(f -> f.userIdentityId == uid).forEach(f -> items.add(fileJson(f, null)));
        return SimResponse.json(200, Json.object().put("href", "/api/v1/user_identities/" + uid + "/export_files")
                .put("export_files", items).build());
    }

    private JsonObject fileJson(ExportFile f, String downloadUrl) {
        Json.ObjectBuilder b = Json.object().put("id", f.id)
                .put("href", "/api/v1/exports/" + f.exportId + "/export_files/" + f.id)
                .put("export_id", f.exportId)
                .put("status", display(f.status));
        if (downloadUrl != null) {
            b.put("download_url", downloadUrl);
        }
        return b.build();
    }

    private String display(String status) {
        return snakeCase ? status.toLowerCase(Locale.ROOT).replace(' ', '_') : status;
    }

    private boolean identityExists(long uid) {
        return exports.values().stream().anyMatch(e -> e.userIdentityId == uid);
    }

    private static SimResponse identityNotFound(long uid) {
        return message(404, "User identity '" + uid + "' not found.");
    }

    private static SimResponse message(int status, String message) {
        return SimResponse.json(status, Json.object().put("message", message).build());
    }

    @Override
    Optional<SimResponse> authenticate(SimRequest request) {
        return acceptsApiKey(request.header("x-api-key")) ? Optional.empty() : Optional.of(SimResponse.empty(401));
    }

    @Override
    SimResponse invalidRequest(SimRequest request, List<ContractViolation> violations) {
        return message(400, violations.stream().map(v -> v.field() + ": " + v.message()).distinct()
                .collect(Collectors.joining("; ")));
    }

    @Override
    SimResponse unknownOperation(SimRequest request) {
        return message(404, "Not Found");
    }

    @Override
    SimResponse tooManyRequests(SimRequest request, long retryAfterSeconds) {
        return message(429, "Rate limit exceeded.");
    }

    @Override
    SimResponse serverError(int status) {
        return message(status, status == 503 ? "Service Unavailable" : "Internal Server Error");
    }
}
