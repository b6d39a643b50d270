package com.docsdk.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

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
 * {@code {"message": ...}}.
 *
 * <p>Beyond exports (issue 17):
 * <ul>
 *   <li>Program {@value #DEFAULT_PROGRAM_ID} "Potions" with custom fields 4 (select: Gryffindor, Hufflepuff,
 *       Ravenclaw, Slytherin), 5 (string), 6 (boolean), 7 (date), 8 (number); applicants
 *       {@value #DEFAULT_APPLICANT_CAS_ID} and {@code 987654321}; decisions 42 "Offer Accepted", 43 "Matriculated";
 *       one organization. Custom field answers GET/PUT/DELETE (a select value not among the options, or a value of
 *       the wrong JSON type, gets the documented 422), designations GET/PATCH.</li>
 *   <li>PDF Manager template {@value #DEFAULT_PDF_MANAGER_TEMPLATE_ID} "Accepted Offers for Review"; batches start
 *       {@code queued}, poll {@code in_progress} until the {@link #pollsUntilAvailable}-th check, then
 *       {@code available} with {@link #pdfManagerZipFiles} zip hrefs (a running batch of the same template is
 *       returned again); a zip download is a 302 to the simulated S3 (another origin), serving a real zip unless
 *       {@link #corruptZips}. The v2 batches of custom field answers and designations run the same way, their
 *       results carrying the documented per-applicant errors for unknown applicants or fields.</li>
 * </ul>
 * Not modelled: the callback POSTs WebAdMIT sends when a file or batch is ready.
 */
public final class WebAdmitSimulator extends ApiSimulator<WebAdmitSimulator> {
    /** The user identity every reset recreates. */
    public static final long DEFAULT_USER_IDENTITY_ID = 42;
    /** The export of {@link #DEFAULT_USER_IDENTITY_ID} every reset recreates. */
    public static final long DEFAULT_EXPORT_ID = 29897;

    /** The program every reset recreates. */
    public static final long DEFAULT_PROGRAM_ID = 42023191739237L;
    /** An applicant of {@link #DEFAULT_PROGRAM_ID}. */
    public static final String DEFAULT_APPLICANT_CAS_ID = "123456789";
    /** The PDF Manager template every reset recreates. */
    public static final long DEFAULT_PDF_MANAGER_TEMPLATE_ID = 2;

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

    private static final class Job {
        long id;
        long userIdentityId;
        long templateId;
        int polls;
        boolean done;
        JsonArray results = new JsonArray();
        List<Long> zipIds = List.of();
    }

    private final Map<Long, Job> pdfBatches = new LinkedHashMap<>();
    private final Map<Long, Job> answerBatches = new LinkedHashMap<>();
    private final Map<Long, Job> designationBatches = new LinkedHashMap<>();
    private final Map<Long, Long> zipFileBatch = new LinkedHashMap<>();
    private final Map<String, JsonElement> answers = new LinkedHashMap<>();
    private final Map<String, Long> decisionsByApplicant = new LinkedHashMap<>();
    private long nextJobId;
    private long nextZipId;
    private int zipFilesPerBatch = 2;
    private boolean corruptZips;
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

    /** How many zip files a PDF Manager batch produces (default 2; 0 ends it {@code empty_list}). */
    public synchronized WebAdmitSimulator pdfManagerZipFiles(int count) {
        this.zipFilesPerBatch = count;
        return this;
    }

    /** Serve bytes that are not a zip at the zip downloads (default false). */
    public synchronized WebAdmitSimulator corruptZips(boolean corrupt) {
        this.corruptZips = corrupt;
        return this;
    }

    /** The stored answer of an applicant to a custom field, as JSON text ({@code "Gryffindor"}, {@code true}). */
    public synchronized Optional<String> customFieldAnswer(String applicantCasId, long customFieldId) {
        return Optional.ofNullable(answers.get(applicantCasId + "/" + customFieldId)).map(JsonElement::toString);
    }

    /** The decision id set on an applicant's designation. */
    public synchronized Optional<Long> designationDecision(String applicantCasId) {
        return Optional.ofNullable(decisionsByApplicant.get(applicantCasId));
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
                .on("GET", "/api/v1/user_identities/{uid}/export_files", this::recentRuns)
                .on("GET", "/api/v1/user_identities/{uid}/programs", r -> identity(r, uid -> list(
                        "/api/v1/user_identities/" + uid + "/programs", "programs", Json.object()
                                .put("id", DEFAULT_PROGRAM_ID).put("name", "Potions")
                                .put("organization_name", "Demo University").build())))
                .on("GET", "/api/v1/user_identities/{uid}/organizations", r -> identity(r, uid -> list(
                        "/api/v1/user_identities/" + uid + "/organizations", "organizations", Json.object()
                                .put("id", 7L).put("name", "Demo University School of Public Health")
                                .put("cycle_name", "2024 - 2025").put("association_name", "SOPHAS").put("cas3", true)
                                .put("config_portal_identifier", "2235").build())))
                .on("GET", "/api/v1/user_identities/{uid}/decisions", r -> identity(r, uid -> list(
                        "/api/v1/user_identities/" + uid + "/decisions", "decisions",
                        Json.object().put("id", 42L).put("name", "Offer Accepted").build(),
                        Json.object().put("id", 43L).put("name", "Matriculated").build())))
                .on("GET", "/api/v1/user_identities/{uid}/programs/{pid}/custom_fields", r -> program(r, uid -> {
                    JsonArray fields = new JsonArray();
                    CUSTOM_FIELDS.forEach((id, f) -> fields.add(fieldJson(id)));
                    return SimResponse.json(200, Json.object().put("href", "/api/v1/user_identities/" + uid
                            + "/programs/" + DEFAULT_PROGRAM_ID + "/custom_fields").put("custom_fields", fields)
                            .build());
                }))
                .on("GET", ANSWER, r -> answer(r, false, null))
                .on("PUT", ANSWER, r -> answer(r, true, r.json()))
                .on("DELETE", ANSWER, r -> answer(r, true, null))
                .on("GET", DESIGNATION, r -> designation(r, null))
                .on("PATCH", DESIGNATION, r -> designation(r, r.json()))
                .on("PUT", "/api/v1/user_identities/{uid}/applicant_details",
                        r -> identity(r, uid -> SimResponse.json(200, new JsonObject())))
                .on("GET", "/api/v1/user_identities/{uid}/social_security_numbers", r -> identity(r, uid ->
                        SimResponse.text(200, "-----BEGIN PGP MESSAGE-----\nVersion: Crypt::OpenPGP 1.06\n\n"
                                + "c2ltdWxhdGVk\n-----END PGP MESSAGE-----\n", "text/plain")))
                .on("GET", "/api/v1/user_identities/{uid}/pdf_manager_templates", r -> identity(r, uid -> list(
                        "/api/v1/user_identities/" + uid + "/pdf_manager_templates", "pdf_manager_templates",
                        templateJson(uid))))
                .on("GET", "/api/v1/user_identities/{uid}/pdf_manager_templates/{tid}", r -> identity(r, uid ->
                        Long.parseLong(r.pathParam("tid")) == DEFAULT_PDF_MANAGER_TEMPLATE_ID
                                ? SimResponse.json(200, Json.object().put("pdf_manager_template", templateJson(uid))
                                        .build())
                                : message(404, "Not Found")))
                .on("POST", "/api/v1/user_identities/{uid}/pdf_manager_batches", this::startPdfBatch)
                .on("GET", "/api/v1/user_identities/{uid}/pdf_manager_batches", r -> identity(r, uid -> {
                    JsonArray items = new JsonArray();
                    pdfBatches.values().stream().filter(b -> b.userIdentityId == uid)
                            .forEach(b -> items.add(pdfBatchJson(b, false)));
                    return SimResponse.json(200, Json.object().put("href", "/api/v1/user_identities/" + uid
                            + "/pdf_manager_batches").put("pdf_manager_batches", items).build());
                }))
                .on("GET", "/api/v1/user_identities/{uid}/pdf_manager_batches/{bid}", this::checkPdfBatch)
                .on("GET", "/api/v1/user_identities/{uid}/pdf_manager_zip_files/{zid}/download", this::zipDownload)
                .on("POST", V2 + "batch_custom_field_answers", r -> startV2(r, answerBatches, "custom_field_answers"))
                .on("GET", V2 + "batch_custom_field_answers/{bid}", r -> checkV2(r, answerBatches,
                        "batch_custom_field_answers"))
                .on("POST", V2 + "batch_designations", r -> startV2(r, designationBatches, "designations"))
                .on("GET", V2 + "batch_designations/{bid}", r -> checkV2(r, designationBatches, "batch_designations"));
    }

    private static final String ANSWER = "/api/v1/user_identities/{uid}/programs/{pid}/applicants_by_cas_id/{cas}"
            + "/custom_field_answers/{cfid}";
    private static final String DESIGNATION = "/api/v1/user_identities/{uid}/programs/{pid}/applicants_by_cas_id/{cas}"
            + "/designation";
    private static final String V2 = "/api/v2/user_identities/{uid}/programs/{pid}/";
    private static final Map<Long, String[]> CUSTOM_FIELDS = Map.of(
            4L, new String[] {"Preferred house", "select"}, 5L, new String[] {"University email", "string"},
            6L, new String[] {"Enrolled", "boolean"}, 7L, new String[] {"Start date", "date"},
            8L, new String[] {"Scholarship", "number"});
    private static final List<String> HOUSES = List.of("Gryffindor", "Hufflepuff", "Ravenclaw", "Slytherin");
    private static final List<String> APPLICANTS = List.of(DEFAULT_APPLICANT_CAS_ID, "987654321");

    private SimResponse identity(SimRequest r, java.util.function.LongFunction<SimResponse> then) {
        long uid = Long.parseLong(r.pathParam("uid"));
        return identityExists(uid) ? then.apply(uid) : identityNotFound(uid);
    }

    private SimResponse program(SimRequest r, java.util.function.LongFunction<SimResponse> then) {
        return identity(r, uid -> {
            long pid = Long.parseLong(r.pathParam("pid"));
            return pid == DEFAULT_PROGRAM_ID ? then.apply(uid) : message(404, "Program '" + pid + "' not found.");
        });
    }

    private SimResponse applicant(SimRequest r, java.util.function.LongFunction<SimResponse> then) {
        return program(r, uid -> APPLICANTS.contains(r.pathParam("cas")) ? then.apply(uid)
                : message(404, "Applicant '" + r.pathParam("cas") + "' not found."));
    }

    private static SimResponse list(String href, String name, JsonObject... items) {
        JsonArray array = new JsonArray();
        for (JsonObject item : items) {
            array.add(item);
        }
        return SimResponse.json(200, Json.object().put("href", href).put(name, array).build());
    }

    private static JsonObject fieldJson(long id) {
        String[] f = CUSTOM_FIELDS.get(id);
        JsonObject o = Json.object().put("id", id).put("label", f[0]).put("field_type", f[1]).build();
        if ("select".equals(f[1])) {
            JsonArray options = new JsonArray();
            HOUSES.forEach(options::add);
            o.add("options", options);
        } else {
            o.add("options", com.google.gson.JsonNull.INSTANCE);
        }
        return o;
    }

    /** Null when the value fits the field, else the 422 message. */
    private static String invalidValue(long fieldId, JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return null;
        }
        String type = CUSTOM_FIELDS.get(fieldId)[1];
        boolean primitive = value.isJsonPrimitive();
        switch (type) {
            case "boolean":
                return primitive && value.getAsJsonPrimitive().isBoolean() ? null : "must be true or false";
            case "number":
                return primitive && value.getAsJsonPrimitive().isNumber() ? null : "must be a number";
            case "date":
                return primitive && value.getAsString().matches("\\d{4}-\\d{2}-\\d{2}") ? null : "must be a date";
            case "select":
                return primitive && HOUSES.contains(value.getAsString()) ? null : "\"" + value.getAsString()
                        + "\" is not a valid option (expected \"Gryffindor\", \"Hufflepuff\", \"Ravenclaw\", or"
                        + " \"Slytherin\")";
            default:
                return primitive && value.getAsJsonPrimitive().isString() ? null : "must be a string";
        }
    }

    private SimResponse answer(SimRequest r, boolean write, JsonElement body) {
        return applicant(r, uid -> {
            long cfid = Long.parseLong(r.pathParam("cfid"));
            if (!CUSTOM_FIELDS.containsKey(cfid)) {
                return message(404, "CustomeField '" + cfid + "' not found.");
            }
            String key = r.pathParam("cas") + "/" + cfid;
            if (write) {
                JsonElement value = body == null ? com.google.gson.JsonNull.INSTANCE
                        : body.getAsJsonObject().getAsJsonObject("custom_field_answer").get("value");
                String invalid = invalidValue(cfid, value);
                if (invalid != null) {
                    JsonArray messages = new JsonArray();
                    messages.add(invalid);
                    JsonObject errors = new JsonObject();
                    errors.add("value", messages);
                    return SimResponse.json(422, Json.object().put("errors", errors).build());
                }
                answers.put(key, value == null ? com.google.gson.JsonNull.INSTANCE : value);
            }
            JsonObject a = Json.object().put("href", "/api/v1/user_identities/" + uid + "/programs/"
                    + DEFAULT_PROGRAM_ID + "/applicants_by_cas_id/" + r.pathParam("cas") + "/custom_field_answers/"
                    + cfid).put("custom_field_id", cfid).put("label", CUSTOM_FIELDS.get(cfid)[0])
                    .put("field_type", CUSTOM_FIELDS.get(cfid)[1]).build();
            a.add("value", answers.getOrDefault(key, com.google.gson.JsonNull.INSTANCE));
            return SimResponse.json(200, Json.object().put("custom_field_answer", a).build());
        });
    }

    private SimResponse designation(SimRequest r, JsonElement body) {
        return applicant(r, uid -> {
            String cas = r.pathParam("cas");
            if (body != null) {
                JsonElement id = body.getAsJsonObject().getAsJsonObject("designation").get("decision_id");
                decisionsByApplicant.put(cas, id == null || id.isJsonNull() ? null : id.getAsLong());
            }
            Long decision = decisionsByApplicant.get(cas);
            JsonObject d = Json.object().put("href", "/api/v1/user_identities/" + uid + "/programs/"
                    + DEFAULT_PROGRAM_ID + "/applicants_by_cas_id/" + cas + "/designation")
                    .put("decisions_href", "/api/v1/user_identities/" + uid + "/decisions").build();
            d.add("decision", decision == null ? com.google.gson.JsonNull.INSTANCE : Json.object()
                    .put("id", decision).put("name", decision == 43L ? "Matriculated" : "Offer Accepted").build());
            d.add("local_status", com.google.gson.JsonNull.INSTANCE);
            return SimResponse.json(200, Json.object().put("designation", d).build());
        });
    }

    private static JsonObject templateJson(long uid) {
        return Json.object().put("href", "/api/v1/user_identities/" + uid + "/pdf_manager_templates/"
                + DEFAULT_PDF_MANAGER_TEMPLATE_ID).put("id", DEFAULT_PDF_MANAGER_TEMPLATE_ID)
                .put("name", "Accepted Offers for Review").put("list_name", "Offer Accepted")
                .put("document_source_title", "Full Application PDF").build();
    }

    private SimResponse startPdfBatch(SimRequest r) {
        return identity(r, uid -> {
            JsonObject input = r.json().getAsJsonObject().getAsJsonObject("pdf_manager_batch");
            long tid = input.get("pdf_manager_template_id").getAsLong();
            if (tid != DEFAULT_PDF_MANAGER_TEMPLATE_ID) {
                return message(404, "Not Found");
            }
            Job running = pdfBatches.values().stream().filter(b -> b.templateId == tid && b.userIdentityId == uid
                    && !b.done).findFirst().orElse(null);
            if (running == null) {
                running = new Job();
                running.id = nextJobId++;
                running.userIdentityId = uid;
                running.templateId = tid;
                pdfBatches.put(running.id, running);
            }
            rememberPdfCallback(input, running.id);
            return SimResponse.json(201, Json.object().put("pdf_manager_batch", pdfBatchJson(running, true)).build());
        });
    }

    private SimResponse checkPdfBatch(SimRequest r) {
        return identity(r, uid -> {
            Job b = pdfBatches.get(Long.parseLong(r.pathParam("bid")));
            if (b == null || b.userIdentityId != uid) {
                return message(404, "Not Found");
            }
            boolean wasDone = b.done;
            poll(b);
            makeZips(b);
            if (!wasDone && b.done) {
                sendPdfCallback(b);
            }
            return SimResponse.json(200, Json.object().put("pdf_manager_batch", pdfBatchJson(b, true)).build());
        });
    }

    private void poll(Job job) {
        if (!job.done && ++job.polls >= pollsUntilAvailable) {
            job.done = true;
        }
    }

    private JsonObject pdfBatchJson(Job b, boolean withHrefs) {
        String state = !b.done ? (b.polls == 0 ? "queued" : "in_progress")
                : zipFilesPerBatch == 0 ? "empty_list" : "available";
        JsonObject o = Json.object().put("href", "/api/v1/user_identities/" + b.userIdentityId
                + "/pdf_manager_batches/" + b.id).put("id", b.id)
                .put("updated_at", clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                .put("state", state).build();
        if (withHrefs) {
            JsonArray hrefs = new JsonArray();
            b.zipIds.forEach(z -> hrefs.add("/api/v1/user_identities/" + b.userIdentityId + "/pdf_manager_zip_files/"
                    + z + "/download"));
            o.add("download_hrefs", hrefs);
        }
        JsonObject template = Json.object().put("href", "/api/v1/user_identities/" + b.userIdentityId
                + "/pdf_manager_templates/" + b.templateId).put("id", b.templateId)
                .put("name", "Accepted Offers for Review").build();
        o.add("pdf_manager_template", template);
        return o;
    }

    private SimResponse zipDownload(SimRequest r) {
        return identity(r, uid -> {
            long zid = Long.parseLong(r.pathParam("zid"));
            Long batch = zipFileBatch.get(zid);
            if (batch == null) {
                return message(404, "Not Found");
            }
            String key = "pdf_manager_zip_files/" + zid + "/batch_" + batch + "_" + zid + ".zip";
            storage().putObject(key, corruptZips ? "not a zip".getBytes(StandardCharsets.US_ASCII) : zip(batch, zid),
                    "application/zip");
            return SimResponse.empty(302).header("Location", storage().presignGet(key, clock().instant(),
                    downloadUrlLifetime));
        });
    }

    private static byte[] zip(long batch, long zid) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String applicant : APPLICANTS) {
                zip.putNextEntry(new ZipEntry(applicant + "_batch" + batch + "_" + zid + ".pdf"));
                zip.write(("%PDF-1.4\n% simulated application of " + applicant + "\n%%EOF\n")
                        .getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private SimResponse startV2(SimRequest r, Map<Long, Job> jobs, String listName) {
        return program(r, uid -> {
            JsonElement list = r.json().isJsonObject() ? r.json().getAsJsonObject().get(listName) : null;
            if (list == null || !list.isJsonArray()) {
                JsonArray messages = new JsonArray();
                messages.add("The property '#/' did not contain a required property of '" + listName + "'");
                JsonObject errors = new JsonObject();
                errors.add("schema", messages);
                return SimResponse.json(422, Json.object().put("errors", errors).build());
            }
            Job job = new Job();
            job.id = nextJobId++;
            job.userIdentityId = uid;
            for (JsonElement item : list.getAsJsonArray()) {
                job.results.add(v2Result(item.getAsJsonObject(), listName.equals("designations")));
            }
            jobs.put(job.id, job);
            String kind = listName.equals("designations") ? "batch_designations" : "batch_custom_field_answers";
            return SimResponse.json(201, Json.object().put("href", v2Href(uid, kind, job.id))
                    .put("batch", Json.object().put("id", job.id).put("status", "Queued").build()).build());
        });
    }

    private JsonObject v2Result(JsonObject item, boolean designation) {
        String cas = item.get("applicant_cas_id").getAsString();
        JsonObject errors = new JsonObject();
        if (!APPLICANTS.contains(cas)) {
            errors.addProperty("applicant", "No applicant found for that applicant_cas_id");
        }
        JsonObject result = Json.object().put("applicant_cas_id", cas).build();
        if (designation) {
            long decision = item.get("decision_id").getAsLong();
            if (decision != 42L && decision != 43L) {
                errors.addProperty("decision", "No decision found for that decision_id");
            } else if (errors.size() == 0) {
                decisionsByApplicant.put(cas, decision);
            }
            result.add("decision", Json.object().put("id", decision)
                    .put("name", decision == 43L ? "Matriculated" : "Offer Accepted").build());
        } else {
            long cfid = item.get("custom_field_id").getAsLong();
            JsonElement value = item.get("value");
            if (!CUSTOM_FIELDS.containsKey(cfid)) {
                errors.addProperty("custom_field", "No custom field found for that custom_field_id");
            } else if (invalidValue(cfid, value) != null) {
                errors.addProperty("update_error", invalidValue(cfid, value));
            } else if (errors.size() == 0) {
                answers.put(cas + "/" + cfid, value == null ? com.google.gson.JsonNull.INSTANCE : value);
            }
            JsonObject answer = Json.object().put("custom_field_id", cfid)
                    .put("label", CUSTOM_FIELDS.containsKey(cfid) ? CUSTOM_FIELDS.get(cfid)[0] : "")
                    .put("field_type", item.get("field_type").getAsString()).build();
            answer.add("value", value == null ? com.google.gson.JsonNull.INSTANCE : value);
            result.add("custom_field_answer", answer);
        }
        result.add("errors", errors.size() == 0 ? com.google.gson.JsonNull.INSTANCE : errors);
        return result;
    }

    private SimResponse checkV2(SimRequest r, Map<Long, Job> jobs, String kind) {
        return program(r, uid -> {
            Job job = jobs.get(Long.parseLong(r.pathParam("bid")));
            if (job == null || job.userIdentityId != uid) {
                return message(404, "Not Found");
            }
            poll(job);
            JsonObject batch = Json.object().put("id", job.id).build();
            if (job.done) {
                boolean anyError = false;
                for (JsonElement result : job.results) {
                    anyError |= !result.getAsJsonObject().get("errors").isJsonNull();
                }
                batch.addProperty("status", anyError ? "Success With Errors" : "Available");
                batch.add("results", job.results);
            } else {
                batch.addProperty("status", "In Progress");
            }
            return SimResponse.json(200, Json.object().put("href", v2Href(uid, kind, job.id)).put("batch", batch)
                    .build());
        });
    }

    private static String v2Href(long uid, String kind, long id) {
        return "/api/v2/user_identities/" + uid + "/programs/" + DEFAULT_PROGRAM_ID + "/" + kind + "/" + id;
    }

    @Override
    void resetState() {
        exportFileCallbacks.clear();
        pdfBatchCallbacks.clear();
        callbacks.clear();
        pdfBatches.clear();
        answerBatches.clear();
        designationBatches.clear();
        zipFileBatch.clear();
        answers.clear();
        decisionsByApplicant.clear();
        nextJobId = 2;
        nextZipId = 2;
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
        rememberExportCallback(r, running.id);
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
                sendExportFileCallback(file);
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

    // ---------------------------------------------------------------- callbacks (issue 19)

    private final Map<Long, String> exportFileCallbacks = new LinkedHashMap<>();
    private final Map<Long, String> pdfBatchCallbacks = new LinkedHashMap<>();
    private final CallbackSender callbacks = new CallbackSender(1);

    /**
     * How callbacks are sent: the export-file form POST and the PDF Manager batch JSON, once each (WebAdMIT documents
     * no retries; set {@link CallbackSender#attempts} to model some).
     */
    public CallbackSender callbacks() {
        return callbacks;
    }

    /**
     * Finishes an export file now (with the configured outcome); when its run was started with a {@code callback}
     * (query or JSON body), the form {@code export_file[id]=...&export_file[export_id]=...&export_file[status]=...}
     * is POSTed to it.
     *
     * @throws IllegalStateException for an unknown export file
     */
    public synchronized WebAdmitSimulator completeExportFile(long exportFileId) {
        ExportFile file = exportFiles.get(exportFileId);
        if (file == null) {
            throw new IllegalStateException("no export file " + exportFileId);
        }
        if (file.outcome == null) {
            file.polls = Math.max(file.polls, pollsUntilAvailable);
            file.outcome = outcome;
            file.status = outcome.status;
            sendExportFileCallback(file);
        }
        return this;
    }

    /**
     * Finishes a PDF Manager batch now; when it was started with a {@code callback}, the batch is POSTed to it as
     * JSON in the schema of its GET ({@code {"pdf_manager_batch": {...}}}, {@code download_hrefs} included).
     *
     * @throws IllegalStateException for an unknown batch
     */
    public synchronized WebAdmitSimulator completePdfManagerBatch(long batchId) {
        Job b = pdfBatches.get(batchId);
        if (b == null) {
            throw new IllegalStateException("no PDF Manager batch " + batchId);
        }
        if (!b.done) {
            b.done = true;
            b.polls = Math.max(b.polls, pollsUntilAvailable);
            makeZips(b);
            sendPdfCallback(b);
        }
        return this;
    }

    private void makeZips(Job b) {
        if (b.done && b.zipIds.isEmpty() && zipFilesPerBatch > 0) {
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < zipFilesPerBatch; i++) {
                zipFileBatch.put(nextZipId, b.id);
                ids.add(nextZipId++);
            }
            b.zipIds = ids;
        }
    }

    private void rememberExportCallback(SimRequest r, long exportFileId) {
        Optional<String> url = r.query("callback");
        if (url.isEmpty() && r.bodyText().trim().startsWith("{")) {
            url = Json.string(r.json(), "callback");
        }
        url.ifPresent(u -> exportFileCallbacks.put(exportFileId, u));
    }

    private void rememberPdfCallback(JsonObject input, long batchId) {
        JsonElement url = input.get("callback");
        if (url != null && url.isJsonPrimitive()) {
            pdfBatchCallbacks.put(batchId, url.getAsString());
        }
    }

    private void sendExportFileCallback(ExportFile file) {
        String url = exportFileCallbacks.get(file.id);
        if (url != null) {
            String form = "export_file[id]=" + file.id + "&export_file[export_id]=" + file.exportId
                    + "&export_file[status]=" + java.net.URLEncoder.encode(file.status, StandardCharsets.UTF_8);
            callbacks.send(url, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void sendPdfCallback(Job b) {
        String url = pdfBatchCallbacks.get(b.id);
        if (url != null) {
            String json = Json.object().put("pdf_manager_batch", pdfBatchJson(b, true)).build().toString();
            callbacks.send(url, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }
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
