package com.docsdk.testkit;

import com.github.tomakehurst.wiremock.http.Request;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A stateful simulator of the Dcycle Files API ({@code openapi/dcycle.yaml}): presigned uploads, upload
 * confirmation, asynchronous readings, soft deletion and recovery.
 *
 * <pre>{@code
 * @RegisterExtension
 * static DcycleSimulator dcycle = DcycleSimulator.create()
 *         .expectApiKey("test-key").expectOrganizationId("7d1e5a2b-0c3f-4e8a-9b6d-2f4c8e1a3b5d");
 *
 * @Test
 * void uploadsAnInvoiceAndReadsIt() {
 *     // ... code under test: presigned-urls, PUT, batch-update, poll readings ...
 * }
 * }</pre>
 *
 * <p>What is modelled:
 * <ul>
 *   <li>{@code POST /v1/files/presigned-urls}: 201, one {@code pending} file per item, each with a presigned
 *       {@code PUT} URL on this server ({@code /_storage/dcycle/...}, S3-style, valid {@link #presignedUrlLifetime} =
 *       1 h) that accepts only the item's {@code mime_type} as {@code Content-Type}.</li>
 *   <li>{@code PATCH /v1/files/batch-update}: {@code uploaded} or {@code error} (unknown ids: 404, nothing changes).
 *       An uploaded file is classified and read in the background: its reading appears in
 *       {@code GET /v1/files/readings} on the {@link #pollsUntilRead}-th call of that endpoint after the
 *       confirmation (status {@code success}, or {@code error} when no bytes were PUT).</li>
 *   <li>{@code GET /v1/files} (paged {@code page}/{@code size}, deleted files left out; envelope
 *       {@code items, total, page, size, pages}), {@code GET /v1/files/{id}}, {@code DELETE} (soft: 204, status
 *       {@code deleted}), {@code PUT .../recover} (back to the previous status; 404 if not deleted).</li>
 *   <li>{@code GET /v1/files/readings} with {@code file_id}, {@code name}, {@code category}, {@code linked},
 *       {@code page}/{@code size}; {@code PUT /v1/files/readings/{id}} replaces the content; {@code POST
 *       /v1/files/readings} links a reading (one per request: {@code MULTIPLE_FILES_NOT_SUPPORTED});
 *       {@code POST /v1/files/send-event} ({@code PROCESS_DOCUMENT}) restarts reading; {@code POST /v1/files/upload}
 *       (multipart {@code file}) stores an uploaded file.</li>
 * </ul>
 * Credentials: {@code x-api-key} (or the legacy {@code Authorization: Bearer}) plus {@code x-organization-id};
 * missing/wrong key: 401 {@code {detail, code}}; another organization than {@link #expectOrganizationId}: 403.
 * Off-spec requests get FastAPI's 422 {@code {"detail":[{"loc", "msg", "type"}]}}. Readings are of category
 * {@code water} with the documented example item, or of the category set with {@link #readingCategory(String)}.
 *
 * <p>Around the Files API (issue 18; {@link #recordRoutes}): facilities (fixtures {@link #MADRID_FACILITY_ID}
 * "Madrid Office" and {@link #LISBON_FACILITY_ID} "Lisbon Warehouse"; {@link #addFacility} for more), {@code GET
 * /v1/facilities} (filters {@code name} partial and case-insensitive, {@code country}, {@code type},
 * {@code status[]}; paged) and {@code GET /v1/facilities/{id}} (404 {@code NOT_FOUND}); creating records from a
 * reading makes, per facility and content item, an invoice (category other than {@code wastes}) or a waste record
 * carrying the file's {@code file_id}, {@code file_url} and the facility's share (with {@link #strictFacilities}, an
 * unknown facility is refused with 404 {@code FACILITY_NOT_FOUND}); {@code GET /v1/invoices} ({@code type[]}, {@code status[]},
 * {@code facility_id[]}; items carry {@code file_id}), {@code GET /v1/invoices/{id}}, {@code GET /v1/wastes}
 * ({@code facility_id} required, {@code file_id[]}, {@code status[]}; envelope without {@code pages}) and
 * {@code GET /v1/projects/extended} (one fixture project). Not modelled: folders, suppliers.
 */
public final class DcycleSimulator extends ApiSimulator<DcycleSimulator> {
    private static final class DcycleFile {
        String id;
        String name;
        String extension;
        String mimeType;
        int sizeKb;
        String folderId;
        String category = "water";
        String status;
        String statusBeforeDelete;
        boolean bytesReceived;
        int pollsSinceConfirmed = -1;
        Reading reading;
    }

    private static final class Reading {
        String id;
        String status;
        JsonObject content;
        boolean linked;
    }

    /** The fixture facility "Madrid Office" (the id of the spec's create-records example). */
    public static final String MADRID_FACILITY_ID = "a8315ef3-dd50-43f8-b7ce-d839e68d51fa";
    /** The fixture facility "Lisbon Warehouse". */
    public static final String LISBON_FACILITY_ID = "1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    /** The fixture project "Carbon footprint 2024". */
    public static final String PROJECT_ID = "4b1e8400-e29b-41d4-a716-446655440000";

    private record Facility(String id, String name, String country, String type) {
    }

    private final Map<String, Facility> facilities = new LinkedHashMap<>();
    private final List<JsonObject> invoices = new ArrayList<>();
    private final List<JsonObject> wastes = new ArrayList<>();
    private String readingCategory = "water";
    private boolean strictFacilities;
    private final Map<String, DcycleFile> files = new LinkedHashMap<>();
    private String organizationId;
    private int pollsUntilRead = 2;
    private Duration presignedUrlLifetime = Duration.ofHours(1);

    private DcycleSimulator() {
        super("dcycle", SimulatedStorage.Style.S3);
        initialize();
    }

    /** A simulator without files, accepting any non-blank key and any organization id. */
    public static DcycleSimulator create() {
        return new DcycleSimulator();
    }

    /** Accept only this organization id in {@code x-organization-id} (others get 403). */
    public synchronized DcycleSimulator expectOrganizationId(String organizationId) {
        this.organizationId = organizationId;
        return this;
    }

    /** On which readings call after the upload confirmation a file's reading appears (default 2). */
    public synchronized DcycleSimulator pollsUntilRead(int polls) {
        if (polls < 1) {
            throw new IllegalArgumentException("polls must be at least 1: " + polls);
        }
        this.pollsUntilRead = polls;
        return this;
    }

    /** How long presigned upload URLs are valid (default 1 h). */
    public synchronized DcycleSimulator presignedUrlLifetime(Duration lifetime) {
        this.presignedUrlLifetime = lifetime;
        return this;
    }

    /** A file's status ({@code pending}, {@code uploaded}, {@code error}, {@code deleted}); empty if unknown. */
    public synchronized Optional<String> fileStatus(String fileId) {
        return Optional.ofNullable(files.get(fileId)).map(f -> f.status);
    }

    /** Whether records were created from the file's reading. */
    public synchronized boolean isLinked(String fileId) {
        DcycleFile f = files.get(fileId);
        return f != null && f.reading != null && f.reading.linked;
    }

    @Override
    void routes(Router router) {
        router.on("POST", "/v1/files/presigned-urls", this::presign)
                .on("PATCH", "/v1/files/batch-update", this::batchUpdate)
                .on("POST", "/v1/files/upload", this::legacyUpload)
                .on("GET", "/v1/files", this::listFiles)
                .on("GET", "/v1/files/readings", this::listReadings)
                .on("POST", "/v1/files/readings", this::createRecords)
                .on("PUT", "/v1/files/readings/{readingId}", this::updateReading)
                .on("POST", "/v1/files/send-event", this::sendEvent)
                .on("GET", "/v1/files/{id}", r -> file(r).map(f -> SimResponse.json(200, fileJson(f)))
                        .orElseGet(() -> fileNotFound(r.pathParam("id"))))
                .on("DELETE", "/v1/files/{id}", this::delete)
                .on("PUT", "/v1/files/{id}/recover", this::recover);
        recordRoutes(router);
    }

    @Override
    void resetState() {
        files.clear();
        resetRecords();
    }

    private SimResponse presign(SimRequest r) {
        JsonArray result = new JsonArray();
        for (JsonElement item : r.json().getAsJsonArray()) {
            DcycleFile f = new DcycleFile();
            f.id = UUID.randomUUID().toString();
            f.name = Json.string(item, "name").orElseThrow();
            f.extension = Json.string(item, "extension").orElseThrow();
            f.mimeType = Json.string(item, "mime_type").orElseThrow();
            f.sizeKb = Json.member(item, "size_kb").map(JsonElement::getAsInt).orElse(0);
            f.folderId = Json.string(item, "folder_id").orElse(null);
            f.status = "pending";
            files.put(f.id, f);
            String url = storage().presignPut(key(f), f.mimeType, clock().instant(), presignedUrlLifetime,
                    bytes -> f.bytesReceived = true);
            JsonObject o = fileJson(f);
            o.addProperty("presigned_url", url);
            result.add(o);
        }
        return SimResponse.json(201, result);
    }

    private SimResponse batchUpdate(SimRequest r) {
        JsonElement body = r.json();
        List<DcycleFile> targets = new ArrayList<>();
        for (JsonElement id : body.getAsJsonObject().getAsJsonArray("file_ids")) {
            DcycleFile f = files.get(id.getAsString());
            if (f == null) {
                return fileNotFound(id.getAsString());
            }
            targets.add(f);
        }
        String status = Json.string(body, "status").orElseThrow();
        for (DcycleFile f : targets) {
            f.status = status;
            f.pollsSinceConfirmed = "uploaded".equals(status) ? 0 : -1;
        }
        return SimResponse.json(200, Json.array(targets.stream().map(this::fileJson).collect(Collectors.toList())));
    }

    private SimResponse legacyUpload(SimRequest r) {
        Request.Part part = r.raw().getPart("file");
        if (part == null) {
            return validation(List.of(detail(List.of("body", "file"), "Field required", "missing")));
        }
        String fileName = Optional.ofNullable(part.getFileName()).orElse("upload.bin");
        int dot = fileName.lastIndexOf('.');
        DcycleFile f = new DcycleFile();
        f.id = UUID.randomUUID().toString();
        f.name = dot < 0 ? fileName : fileName.substring(0, dot);
        f.extension = dot < 0 ? "" : fileName.substring(dot + 1);
        f.mimeType = Optional.ofNullable(part.getHeader("Content-Type")).filter(h -> h.isPresent())
                .map(h -> h.firstValue()).orElse("application/octet-stream");
        byte[] bytes = part.getBody().asBytes();
        f.sizeKb = (bytes.length + 1023) / 1024;
        f.status = "uploaded";
        f.bytesReceived = true;
        f.pollsSinceConfirmed = 0;
        files.put(f.id, f);
        storage().putObject(key(f), bytes, f.mimeType);
        return SimResponse.json(201, fileJson(f));
    }

    private SimResponse listFiles(SimRequest r) {
        List<JsonElement> all = files.values().stream().filter(f -> !"deleted".equals(f.status))
                .map(this::fileJson).collect(Collectors.toList());
        return page(r, all);
    }

    private SimResponse listReadings(SimRequest r) {
        for (DcycleFile f : files.values()) {
            if (f.pollsSinceConfirmed >= 0 && f.reading == null && "uploaded".equals(f.status)) {
                f.pollsSinceConfirmed++;
                if (f.pollsSinceConfirmed >= pollsUntilRead) {
                    f.reading = newReading(f.bytesReceived);
                    f.category = readingCategory;
                }
            }
        }
        Set<String> ids = Set.copyOf(r.queryAll("file_id"));
        Set<String> categories = Set.copyOf(r.queryAll("category"));
        Optional<String> name = r.query("name").map(n -> n.toLowerCase(Locale.ROOT));
        Optional<Boolean> linked = r.query("linked").map(Boolean::parseBoolean);
        List<JsonElement> items = files.values().stream()
                .filter(f -> f.reading != null && !"deleted".equals(f.status))
                .filter(f -> ids.isEmpty() || ids.contains(f.id))
                .filter(f -> categories.isEmpty() || categories.contains(f.category))
                .filter(f -> name.map(n -> f.name.toLowerCase(Locale.ROOT).contains(n)).orElse(true))
                .filter(f -> linked.map(l -> l == f.reading.linked).orElse(true))
                .map(f -> (JsonElement) Json.object().put("id", f.id).put("name", f.name)
                        .put("tags", List.of(("wastes".equals(f.category) ? "waste::" : "invoice::") + f.category))
                        .put("category", f.category)
                        .put("reading", readingJson(f.reading)).put("linked", f.reading.linked).build())
                .collect(Collectors.toList());
        return page(r, items);
    }

    private SimResponse createRecords(SimRequest r) {
        JsonArray readings = r.json().getAsJsonObject().getAsJsonArray("file_readings");
        if (readings.size() > 1) {
            return error(400, "Only one file reading per request is supported", "MULTIPLE_FILES_NOT_SUPPORTED");
        }
        String readingId = Json.string(readings.get(0), "id").orElseThrow();
        Optional<Reading> reading = findReading(readingId);
        if (reading.isEmpty()) {
            return error(404, "File reading " + readingId + " not found", "FILE_READING_NOT_FOUND");
        }
        Optional<SimResponse> refused = makeRecords(readingId, r.json().getAsJsonObject());
        if (refused.isPresent()) {
            return refused.get();
        }
        reading.get().linked = true;
        return SimResponse.json(201, Json.object().put("file_reading_id", readingId).put("linked", true).build());
    }

    // ------------------------------------------------------------ facilities, invoices, wastes, projects (issue 18)

    /** The category of the readings made from now on (default {@code water}; {@code wastes} makes waste records). */
    public synchronized DcycleSimulator readingCategory(String category) {
        this.readingCategory = java.util.Objects.requireNonNull(category, "category");
        return this;
    }

    /**
     * Whether creating records refuses a facility id the simulator does not know with 404 {@code FACILITY_NOT_FOUND}
     * (default {@code false}: any id is accepted, records are made for it); kept across resets.
     */
    public synchronized DcycleSimulator strictFacilities(boolean strict) {
        this.strictFacilities = strict;
        return this;
    }

    /**
     * Adds a facility until the next reset.
     *
     * @return its id
     */
    public synchronized String addFacility(String name, String country, String type) {
        String id = UUID.randomUUID().toString();
        facilities.put(id, new Facility(id, name, country, type));
        return id;
    }

    /** How many invoices exist (created from readings since the last reset). */
    public synchronized int invoiceCount() {
        return invoices.size();
    }

    /** How many waste records exist (created from readings since the last reset). */
    public synchronized int wasteCount() {
        return wastes.size();
    }

    private void resetRecords() {
        facilities.clear();
        invoices.clear();
        wastes.clear();
        facilities.put(MADRID_FACILITY_ID, new Facility(MADRID_FACILITY_ID, "Madrid Office", "ES", "office"));
        facilities.put(LISBON_FACILITY_ID, new Facility(LISBON_FACILITY_ID, "Lisbon Warehouse", "PT", "warehouse"));
    }

    private void recordRoutes(Router router) {
        router.on("GET", "/v1/facilities", this::listFacilities)
                .on("GET", "/v1/facilities/{id}", r -> Optional.ofNullable(facilities.get(r.pathParam("id")))
                        .map(f -> SimResponse.json(200, facilityJson(f)))
                        .orElseGet(() -> error(404, "Facility with id=UUID('" + r.pathParam("id") + "') not found",
                                "NOT_FOUND")))
                .on("GET", "/v1/invoices", this::listInvoices)
                .on("GET", "/v1/invoices/{id}", r -> invoices.stream()
                        .filter(i -> r.pathParam("id").equals(Json.string(i, "id").orElse(null))).findFirst()
                        .map(i -> SimResponse.json(200, i))
                        .orElseGet(() -> error(404, "Invoice " + r.pathParam("id") + " not found", "NOT_FOUND")))
                .on("GET", "/v1/wastes", this::listWastes)
                .on("GET", "/v1/projects/extended", r -> SimResponse.json(200, Json.array(List.of(Json.object()
                        .put("id", PROJECT_ID).put("organization_id", organizationId).put("name", "Carbon footprint 2024")
                        .put("description", null).put("start_date", "2024-01-01").put("end_date", "2024-12-31")
                        .put("project_type", "carbon_footprint")
                        .put("extended", Json.object().put("number_of_files", files.size()).put("number_of_widgets", 0)
                                .put("number_of_tasks", 0).put("number_of_tasks_completed", 0).build())
                        .put("created_at", "2024-01-02T09:00:00Z").build()))));
    }

    private SimResponse listFacilities(SimRequest r) {
        Optional<String> name = r.query("name").map(n -> n.toLowerCase(Locale.ROOT));
        Optional<String> country = r.query("country");
        Optional<String> type = r.query("type");
        Set<String> statuses = Set.copyOf(r.queryAll("status[]"));
        List<JsonElement> items = facilities.values().stream()
                .filter(f -> name.map(n -> f.name.toLowerCase(Locale.ROOT).contains(n)).orElse(true))
                .filter(f -> country.map(f.country::equals).orElse(true))
                .filter(f -> type.map(f.type::equals).orElse(true))
                .filter(f -> statuses.isEmpty() || statuses.contains("active"))
                .map(f -> (JsonElement) facilityJson(f)).collect(Collectors.toList());
        return page(r, items);
    }

    private SimResponse listInvoices(SimRequest r) {
        Set<String> types = Set.copyOf(r.queryAll("type[]"));
        Set<String> statuses = Set.copyOf(r.queryAll("status[]"));
        Set<String> facilityIds = Set.copyOf(r.queryAll("facility_id[]"));
        List<JsonElement> items = invoices.stream()
                .filter(i -> types.isEmpty() || types.contains(Json.string(i, "type").orElse("")))
                .filter(i -> statuses.isEmpty() || statuses.contains(Json.string(i, "status").orElse("")))
                .filter(i -> facilityIds.isEmpty() || facilityIds.contains(Json.string(i, "facility_id").orElse("")))
                .map(i -> (JsonElement) i).collect(Collectors.toList());
        return page(r, items);
    }

    private SimResponse listWastes(SimRequest r) {
        String facilityId = r.query("facility_id").orElse("");
        Set<String> fileIds = Set.copyOf(r.queryAll("file_id[]"));
        Set<String> statuses = Set.copyOf(r.queryAll("status[]"));
        List<JsonElement> all = wastes.stream()
                .filter(w -> facilityId.equals(Json.string(w, "facility_id").orElse(null)))
                .filter(w -> fileIds.isEmpty() || fileIds.contains(Json.string(w, "file_id").orElse("")))
                .filter(w -> statuses.isEmpty() || statuses.contains(Json.string(w, "status").orElse("")))
                .map(w -> (JsonElement) w).collect(Collectors.toList());
        int page = r.query("page").map(Integer::parseInt).orElse(1);
        int size = r.query("size").map(Integer::parseInt).orElse(50);
        List<JsonElement> items = all.stream().skip((long) (page - 1) * size).limit(size).collect(Collectors.toList());
        return SimResponse.json(200, Json.object().put("items", Json.array(items)).put("total", all.size())
                .put("total2", 0).put("total_general", all.size()).put("page", page).put("size", size)
                .put("filter_hash", Integer.toHexString(r.path().hashCode())).build());
    }

    /** The invoices or wastes of a reading, per facility and item; a refusal when a facility is unknown. */
    private Optional<SimResponse> makeRecords(String readingId, JsonObject body) {
        DcycleFile file = files.values().stream()
                .filter(f -> f.reading != null && readingId.equals(f.reading.id)).findFirst().orElse(null);
        List<JsonObject> made = new ArrayList<>();
        for (JsonElement share : body.getAsJsonArray("facilities")) {
            String facilityId = Json.string(share, "id").orElse("");
            if (strictFacilities && !facilities.containsKey(facilityId)) {
                return Optional.of(error(404, "Facility " + facilityId + " not found", "FACILITY_NOT_FOUND"));
            }
            double percentage = share.getAsJsonObject().get("percentage").getAsDouble();
            JsonArray items = file == null || file.reading.content == null ? new JsonArray()
                    : file.reading.content.getAsJsonArray("items");
            for (JsonElement item : items) {
                double quantity = Json.member(item, "quantity").map(JsonElement::getAsDouble).orElse(0.0);
                Json.ObjectBuilder record = Json.object().put("id", UUID.randomUUID().toString())
                        .put("status", "uploaded").put("facility_id", facilityId).put("base_quantity", quantity)
                        .put("quantity", quantity * percentage).put("percentage", percentage)
                        .put("start_date", Json.string(item, "start_date").orElse(null))
                        .put("end_date", Json.string(item, "end_date").orElse(null))
                        .put("file_id", file == null ? null : file.id)
                        .put("file_url", file == null ? null : "https://dcycle-files.s3.eu-west-1.amazonaws.com/"
                                + key(file))
                        .put("created_at", Json.isoSeconds(clock().instant()));
                if (file != null && "wastes".equals(file.category)) {
                    made.add(record.put("identification_name", Json.string(item, "invoice_number").orElse(null))
                            .put("file_name", file.name).put("type", "waste").build());
                } else {
                    made.add(record.put("invoice_id", Json.string(item, "invoice_number").orElse(null))
                            .put("type", file == null ? "water" : file.category).build());
                }
            }
        }
        boolean waste = file != null && "wastes".equals(file.category);
        (waste ? wastes : invoices).addAll(made);
        return Optional.empty();
    }

    private static JsonObject facilityJson(Facility f) {
        return Json.object().put("id", f.id).put("name", f.name).put("address", null).put("country", f.country)
                .put("type", f.type).put("status", "active").put("co2e", null).put("co2e_biomass", null)
                .put("logistic_factor", null).put("categories", List.of("electricity", "water"))
                .put("cups_list", null).put("facility_purpose_type", "facilities")
                .put("created_at", "2024-11-24T10:30:00Z").put("updated_at", null).build();
    }

    private SimResponse updateReading(SimRequest r) {
        String readingId = r.pathParam("readingId");
        Optional<Reading> reading = findReading(readingId);
        if (reading.isEmpty()) {
            return error(404, "File reading " + readingId + " not found", "FILE_READING_NOT_FOUND");
        }
        reading.get().content = r.json().getAsJsonObject().getAsJsonObject("content");
        return SimResponse.json(200, readingJson(reading.get()));
    }

    private SimResponse sendEvent(SimRequest r) {
        String fileId = Json.member(r.json(), "detail").flatMap(d -> Json.string(d, "file_id")).orElseThrow();
        DcycleFile f = files.get(fileId);
        if (f == null) {
            return fileNotFound(fileId);
        }
        if ("uploaded".equals(f.status) && (f.reading == null || "error".equals(f.reading.status))) {
            f.reading = null;
            f.pollsSinceConfirmed = 0;
        }
        return SimResponse.json(200, new com.google.gson.JsonPrimitive(true));
    }

    private SimResponse delete(SimRequest r) {
        Optional<DcycleFile> f = file(r).filter(x -> !"deleted".equals(x.status));
        if (f.isEmpty()) {
            return fileNotFound(r.pathParam("id"));
        }
        f.get().statusBeforeDelete = f.get().status;
        f.get().status = "deleted";
        return SimResponse.empty(204);
    }

    private SimResponse recover(SimRequest r) {
        Optional<DcycleFile> f = file(r).filter(x -> "deleted".equals(x.status));
        if (f.isEmpty()) {
            return error(404, "Deleted file " + r.pathParam("id") + " not found", "FILE_NOT_FOUND");
        }
        f.get().status = f.get().statusBeforeDelete;
        return SimResponse.json(200, fileJson(f.get()));
    }

    private Optional<DcycleFile> file(SimRequest r) {
        return Optional.ofNullable(files.get(r.pathParam("id")));
    }

    private Optional<Reading> findReading(String readingId) {
        return files.values().stream().map(f -> f.reading)
                .filter(x -> x != null && x.id.equals(readingId)).findFirst();
    }

    private static Reading newReading(boolean bytesReceived) {
        Reading reading = new Reading();
        reading.id = UUID.randomUUID().toString();
        reading.status = bytesReceived ? "success" : "error";
        reading.content = JsonParser.parseString(bytesReceived
                ? "{\"items\":[{\"invoice_number\":\"WTR-2024-03\",\"quantity\":32.1,\"unit\":\"cubic_metre_(m3)\","
                        + "\"start_date\":\"2024-03-01\",\"end_date\":\"2024-03-31\"}]}"
                : "{\"items\":[]}").getAsJsonObject();
        return reading;
    }

    private static JsonObject readingJson(Reading reading) {
        return Json.object().put("id", reading.id).put("status", reading.status).put("content", reading.content)
                .build();
    }

    private JsonObject fileJson(DcycleFile f) {
        return Json.object().put("id", f.id).put("name", f.name).put("extension", f.extension)
                .put("mime_type", f.mimeType).put("size_kb", f.sizeKb).put("folder_id", f.folderId)
                .put("status", f.status).put("url", "https://dcycle-files.s3.eu-west-1.amazonaws.com/" + key(f))
                .build();
    }

    private static String key(DcycleFile f) {
        return "org/" + f.id + "/" + f.name + (f.extension.isEmpty() ? "" : "." + f.extension);
    }

    private static SimResponse page(SimRequest r, List<JsonElement> all) {
        int page = r.query("page").map(Integer::parseInt).orElse(1);
        int size = r.query("size").map(Integer::parseInt).orElse(50);
        List<JsonElement> items = all.stream().skip((long) (page - 1) * size).limit(size).collect(Collectors.toList());
        return SimResponse.json(200, Json.object().put("items", Json.array(items)).put("total", all.size())
                .put("page", page).put("size", size).put("pages", (all.size() + size - 1) / size).build());
    }

    private static SimResponse fileNotFound(String id) {
        return error(404, "File " + id + " not found", "FILE_NOT_FOUND");
    }

    private static SimResponse error(int status, String detail, String code) {
        return SimResponse.json(status, Json.object().put("detail", detail).put("code", code).build());
    }

    private static JsonObject detail(List<Object> loc, String msg, String type) {
        return Json.object().put("loc", loc).put("msg", msg).put("type", type).build();
    }

    private static SimResponse validation(List<JsonObject> details) {
        return SimResponse.json(422, Json.object().put("detail", Json.array(details)).build());
    }

    @Override
    Optional<SimResponse> authenticate(SimRequest request) {
        Optional<String> key = request.header("x-api-key").or(request::bearerToken);
        if (key.isEmpty()) {
            return Optional.of(error(401, "Not authenticated", "UNAUTHORIZED"));
        }
        if (!acceptsApiKey(key)) {
            return Optional.of(error(401, "Invalid API key", "UNAUTHORIZED"));
        }
        Optional<String> org = request.header("x-organization-id");
        if (org.isEmpty()) {
            return Optional.of(error(403, "Missing x-organization-id header", "FORBIDDEN"));
        }
        if (organizationId != null && !organizationId.equals(org.get())) {
            return Optional.of(error(403, "You do not have access to organization " + org.get(), "FORBIDDEN"));
        }
        return Optional.empty();
    }

    @Override
    SimResponse invalidRequest(SimRequest request, List<ContractViolation> violations) {
        if (violations.stream().anyMatch(v -> v.key().endsWith("maxItems") && "/file_readings".equals(v.name()))) {
            return error(400, "Only one file reading per request is supported", "MULTIPLE_FILES_NOT_SUPPORTED");
        }
        List<JsonObject> details = new ArrayList<>();
        for (ContractViolation v : violations) {
            List<Object> loc = new ArrayList<>();
            loc.add(v.location() == null ? "body" : v.location());
            if (v.name() != null && v.name().startsWith("/")) {
                for (String segment : v.name().substring(1).split("/")) {
                    if (!segment.isEmpty()) {
                        loc.add(segment.matches("\\d+") ? (Object) Integer.valueOf(segment) : segment);
                    }
                }
            } else if (v.name() != null) {
                loc.add(v.name());
            }
            String type = v.key().contains("required") || v.key().contains("missing") ? "missing"
                    : v.key().substring(v.key().lastIndexOf('.') + 1);
            details.add(detail(loc, v.message(), type));
        }
        return validation(details);
    }

    @Override
    SimResponse unknownOperation(SimRequest request) {
        return SimResponse.json(404, Json.object().put("detail", "Not Found").build());
    }

    @Override
    SimResponse tooManyRequests(SimRequest request, long retryAfterSeconds) {
        return error(429, "Rate limit exceeded for this organization", "RATE_LIMIT_EXCEEDED");
    }

    @Override
    SimResponse serverError(int status) {
        return status == 503 ? error(503, "Service temporarily unavailable", "SERVICE_UNAVAILABLE")
                : error(500, "Internal server error", "INTERNAL_SERVER_ERROR");
    }
}
