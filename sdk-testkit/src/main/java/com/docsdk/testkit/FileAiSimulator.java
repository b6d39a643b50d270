package com.docsdk.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A stateful simulator of the fileAI Public API ({@code openapi/fileai.yaml}): files with their export status,
 * presigned uploads and upload processing.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FileAiSimulator fileAi = FileAiSimulator.create().expectApiKey("test-key").pollsUntilProcessed(2);
 *
 * @Test
 * void marksFilesExported() {
 *     String fileId = fileAi.addFile("invoice.pdf", "application/pdf");
 *     FileAiClient client = FileAiClient.builder().apiKey("test-key").baseUrl(fileAi.baseUrl()).build();
 *     // ... code under test lists files and PATCHes their export status ...
 *     assertEquals(Optional.of("completed"), fileAi.exportStatus(fileId));
 * }
 * }</pre>
 *
 * <p>What is modelled:
 * <ul>
 *   <li>{@code GET /prod/v1/files}: the files, filtered by {@code fileIds} (one id, comma-separated ids or a JSON
 *       array), {@code updatedAfter}, {@code createdAfter} (both inclusive), sorted by {@code sortBy}
 *       ({@code createdAt}, {@code updatedAt}, {@code fileName}) and {@code sortOrder}, paged by {@code page}/{@code
 *       limit}; {@code count} is the total number of matching files. Items carry the export fields once set.</li>
 *   <li>{@code PATCH /prod/v1/files/{fileId}}: sets the export status and messages, stamps
 *       {@code integrationExportUpdatedAt} and the file's {@code updatedAt}; 404 for an unknown file.</li>
 *   <li>{@code POST /prod/v1/files/upload}: 201 with an upload id and a presigned URL on this server
 *       ({@code /_storage/fileai/...}, S3-style signature, reusable, valid {@link #presignedUrlLifetime} = 300 s)
 *       that accepts a {@code PUT} only with the declared {@code fileType} as {@code Content-Type}.</li>
 *   <li>{@code GET /prod/v1/uploads/{uploadId}}: before the bytes arrive, one {@code waiting} step; afterwards each
 *       call completes more of the eight documented steps, all of them on the {@link #pollsUntilProcessed}-th call,
 *       when the file appears (status {@code processed}) here and in the file list.</li>
 * </ul>
 * Credentials: header {@code x-api-key}. Errors are NestJS bodies {@code {statusCode, message, error}}: 401 for a
 * missing/wrong key, 404 for unknown files/uploads and paths, 422 for an off-spec body (the documented shape), 400 for
 * other off-spec input, 429 {@code {statusCode, message}}.
 */
public final class FileAiSimulator extends ApiSimulator<FileAiSimulator> {
    private static final List<String> STEPS = List.of("file_uploaded", "processing_started", "fraud_detection",
            "first_page_analysis", "beethoven_ocr", "ocr_evaluation", "split_classify", "processing_finished");
    private static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt", "fileName");

    private static final class StoredFile {
        String fileId;
        String fileName;
        String fileType;
        long fileSize;
        String fileHash;
        String uploadId;
        Instant createdAt;
        Instant updatedAt;
        String exportStatus;
        List<String> exportMessages;
        Instant exportUpdatedAt;
        long order;
        final List<String> exportHistory = new ArrayList<>();
    }

    private static final class Upload {
        String uploadId;
        String fileName;
        String fileType;
        String s3Path;
        byte[] bytes;
        Instant uploadedAt;
        int polls;
        String fileId;
    }

    private final Map<String, StoredFile> files = new LinkedHashMap<>();
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private long sequence;
    private int pollsUntilProcessed = 3;
    private Duration presignedUrlLifetime = Duration.ofSeconds(300);

    private FileAiSimulator() {
        super("fileai", SimulatedStorage.Style.S3);
        initialize();
    }

    /** A simulator with no files, accepting any non-blank API key; start it or register it as an extension. */
    public static FileAiSimulator create() {
        return new FileAiSimulator();
    }

    /** On which status poll after the bytes arrived an upload is fully processed (default 3; at least 1). */
    public synchronized FileAiSimulator pollsUntilProcessed(int polls) {
        if (polls < 1) {
            throw new IllegalArgumentException("polls must be at least 1: " + polls);
        }
        this.pollsUntilProcessed = polls;
        return this;
    }

    /** How long a presigned upload URL is valid (default 300 s, as the newest docs say). */
    public synchronized FileAiSimulator presignedUrlLifetime(Duration lifetime) {
        this.presignedUrlLifetime = lifetime;
        return this;
    }

    /**
     * Seeds a processed file, created and updated now (on the simulator's clock), without export status.
     *
     * @return its file id
     */
    public synchronized String addFile(String fileName, String fileType) {
        StoredFile file = newFile(fileName, fileType, new byte[0], null);
        return file.fileId;
    }

    /** The ids of every file the simulator holds, in the order they were added. */
    public synchronized List<String> fileIds() {
        return List.copyOf(files.keySet());
    }

    /** The export status of a file ({@code completed}, {@code error}, ...), empty if never set or no such file. */
    public synchronized Optional<String> exportStatus(String fileId) {
        return Optional.ofNullable(files.get(fileId)).map(f -> f.exportStatus);
    }

    /**
     * Every export status reported for a file, in order ({@code exporting}, {@code completed}, ...): to check that an
     * integration reported each file once. Empty if none was reported or no such file.
     */
    public synchronized List<String> exportStatusHistory(String fileId) {
        StoredFile f = files.get(fileId);
        return f == null ? List.of() : List.copyOf(f.exportHistory);
    }

    /** The export messages of a file, empty if none were set or no such file. */
    public synchronized List<String> exportMessages(String fileId) {
        StoredFile f = files.get(fileId);
        return f == null || f.exportMessages == null ? List.of() : List.copyOf(f.exportMessages);
    }

    /** The bytes PUT to an upload's presigned URL, if they arrived. */
    public synchronized Optional<byte[]> uploadedBytes(String uploadId) {
        return Optional.ofNullable(uploads.get(uploadId)).map(u -> u.bytes).map(byte[]::clone);
    }

    // ---------------------------------------------------------------- routes

    @Override
    void routes(Router router) {
        router.on("GET", "/prod/v1/files", this::listFiles)
                .on("PATCH", "/prod/v1/files/{fileId}", this::updateExportStatus)
                .on("POST", "/prod/v1/files/upload", this::createUpload)
                .on("GET", "/prod/v1/uploads/{uploadId}", this::uploadStatus)
                .on("GET", "/prod/v1/files/{fileId}/values", this::fileValues)
                .on("POST", "/prod/v1/files/preview", this::preview)
                .on("GET", "/prod/v1/schemas", r -> SimResponse.json(200, Json.object()
                        .put("schemas", new JsonArray()).put("count", 0).put("currentPage", 1).build()));
    }

    @Override
    void resetState() {
        files.clear();
        uploads.clear();
        uploadCallbacks.clear();
        callbacks.clear();
        sequence = 0;
    }

    private SimResponse listFiles(SimRequest r) {
        Optional<Set<String>> ids = r.query("fileIds").map(FileAiSimulator::parseIds);
        Optional<Instant> updatedAfter;
        Optional<Instant> createdAfter;
        try {
            updatedAfter = r.query("updatedAfter").map(Instant::parse);
            createdAfter = r.query("createdAfter").map(Instant::parse);
        } catch (DateTimeParseException e) {
            return NestJsErrors.error(400, "updatedAfter/createdAfter must be a valid ISO 8601 date string",
                    "Bad Request");
        }
        String sortBy = r.query("sortBy").filter(SORTABLE::contains).orElse("createdAt");
        Comparator<StoredFile> order = switch (sortBy) {
            case "updatedAt" -> Comparator.comparing((StoredFile f) -> f.updatedAt);
            case "fileName" -> Comparator.comparing((StoredFile f) -> f.fileName);
            default -> Comparator.comparing((StoredFile f) -> f.createdAt);
        };
        order = order.thenComparingLong(f -> f.order);
        if ("DESC".equals(r.query("sortOrder").orElse("ASC"))) {
            order = order.reversed();
        }
        List<StoredFile> matching = files.values().stream()
                .filter(f -> ids.map(s -> s.contains(f.fileId)).orElse(true))
                .filter(f -> updatedAfter.map(t -> !f.updatedAt.isBefore(t)).orElse(true))
                .filter(f -> createdAfter.map(t -> !f.createdAt.isBefore(t)).orElse(true))
                .sorted(order)
                .collect(Collectors.toList());
        int page = r.query("page").map(Integer::parseInt).orElse(1);
        int limit = r.query("limit").map(Integer::parseInt).orElse(100);
        List<JsonElement> items = matching.stream().skip((long) (page - 1) * limit).limit(limit)
                .map(this::fileJson).collect(Collectors.toList());
        return SimResponse.json(200, Json.object()
                .put("files", Json.array(items))
                .put("count", matching.size())
                .put("currentPage", page)
                .build());
    }

    private SimResponse updateExportStatus(SimRequest r) {
        String fileId = r.pathParam("fileId");
        StoredFile file = files.get(fileId);
        if (file == null) {
            return notFound("File with id " + fileId + " not found");
        }
        JsonElement body = r.json();
        Instant now = clock().instant();
        file.exportStatus = Json.string(body, "integrationExportStatus").orElseThrow();
        file.exportHistory.add(file.exportStatus);
        file.exportMessages = Json.member(body, "integrationExportMessages")
                .map(e -> {
                    List<String> messages = new ArrayList<>();
                    e.getAsJsonArray().forEach(m -> messages.add(m.getAsString()));
                    return messages;
                })
                .orElse(null);
        file.exportUpdatedAt = now;
        file.updatedAt = now;
        return SimResponse.json(200, Json.object()
                .put("fileId", fileId)
                .put("exportInfo", exportInfo(file))
                .build());
    }

    private SimResponse createUpload(SimRequest r) {
        JsonElement body = r.json();
        Upload upload = new Upload();
        upload.uploadId = UUID.randomUUID().toString();
        upload.fileName = Json.string(body, "fileName").orElseThrow();
        upload.fileType = Json.string(body, "fileType").orElseThrow();
        String key = "upload/" + upload.uploadId + "/" + upload.fileName;
        upload.s3Path = "s3://fileai-simulator/" + key;
        uploads.put(upload.uploadId, upload);
        String url = storage().presignPut(key, upload.fileType, clock().instant(), presignedUrlLifetime,
                bytes -> received(upload, bytes));
        JsonObject response = Json.object()
                .put("s3Path", upload.s3Path)
                .put("presignedUploadURL", url)
                .put("uploadId", upload.uploadId)
                .build();
        Json.string(body, "callbackURL").ifPresent(cb -> uploadCallbacks.put(upload.uploadId, cb));
        for (String echoed : List.of("callbackURL", "ocrModel", "schemaLocking", "isSplit", "isSplitExcel",
                "directoryId")) {
            Json.member(body, echoed).ifPresent(v -> response.add(echoed, v));
        }
        return SimResponse.json(201, response);
    }

    private synchronized void received(Upload upload, byte[] bytes) {
        upload.bytes = bytes.clone();
        if (upload.uploadedAt == null) {
            upload.uploadedAt = clock().instant();
        }
    }

    private SimResponse uploadStatus(SimRequest r) {
        Upload upload = uploads.get(r.pathParam("uploadId"));
        if (upload == null) {
            return notFound("Upload with id " + r.pathParam("uploadId") + " not found");
        }
        String now = Json.iso(clock().instant());
        JsonArray statuses = new JsonArray();
        JsonArray produced = new JsonArray();
        if (upload.bytes == null) {
            statuses.add(step("waiting", STEPS.get(0), now));
        } else {
            upload.polls = Math.min(upload.polls + 1, pollsUntilProcessed);
            int done = (int) Math.ceil((double) STEPS.size() * upload.polls / pollsUntilProcessed);
            for (int i = 0; i < STEPS.size(); i++) {
                if (i < done) {
                    statuses.add(step("completed", STEPS.get(i), now));
                } else if (i == done) {
                    statuses.add(step("waiting", STEPS.get(i), now));
                }
            }
            if (done == STEPS.size()) {
                if (upload.fileId == null) {
                    upload.fileId = newFile(upload.fileName, upload.fileType, upload.bytes, upload.uploadId).fileId;
                    sendProcessingCallbacks(upload);
                }
                produced.add(fileJson(files.get(upload.fileId)));
            }
        }
        return SimResponse.json(200, Json.object().put("statuses", statuses).put("files", produced).build());
    }

    private SimResponse fileValues(SimRequest r) {
        StoredFile file = files.get(r.pathParam("fileId"));
        if (file == null) {
            return notFound("File with id " + r.pathParam("fileId") + " not found");
        }
        JsonObject values = Json.object()
                .put("id", file.fileId)
                .put("fileId", file.fileId)
                .put("fileName", file.fileName)
                .put("fileType", file.fileType)
                .put("createdAt", file.createdAt)
                .put("updatedAt", file.updatedAt)
                .put("fields", new JsonArray())
                .build();
        return SimResponse.json(200, Json.object().put("values", Json.object()
                .put("formValues", Json.array(List.of(values))).put("count", 1).put("currentPage", 1).build())
                .build());
    }

    private SimResponse preview(SimRequest r) {
        String s3Path = Json.string(r.json(), "s3Path").orElseThrow();
        String key = s3Path.replaceFirst("^s3://fileai-simulator/", "");
        if (storage().object(key).isEmpty()) {
            return notFound("File with path " + s3Path + " not found");
        }
        return SimResponse.json(201, Json.object()
                .put("signedUrl", storage().presignGet(key, clock().instant(), Duration.ofHours(1))).build());
    }

    // ---------------------------------------------------------------- model

    private StoredFile newFile(String fileName, String fileType, byte[] bytes, String uploadId) {
        StoredFile f = new StoredFile();
        f.fileId = UUID.randomUUID().toString();
        f.fileName = fileName;
        f.fileType = fileType;
        f.fileSize = bytes.length;
        f.fileHash = sha256(bytes);
        f.uploadId = uploadId == null ? UUID.randomUUID().toString() : uploadId;
        f.createdAt = clock().instant();
        f.updatedAt = f.createdAt;
        f.order = sequence++;
        files.put(f.fileId, f);
        return f;
    }

    private JsonObject fileJson(StoredFile f) {
        JsonObject o = Json.object()
                .put("fileId", f.fileId)
                .put("fileName", f.fileName)
                .put("fileType", f.fileType)
                .put("fileSize", f.fileSize)
                .put("fileStoragePath", "upload/" + f.uploadId + "/" + f.fileName)
                .put("fileHash", f.fileHash)
                .put("uploadId", f.uploadId)
                .put("status", "processed")
                .put("duplicateToFileId", null)
                .put("isDuplicate", false)
                .put("isEmbedded", false)
                .put("createdAt", Json.iso(f.createdAt))
                .put("updatedAt", Json.iso(f.updatedAt))
                .build();
        if (f.exportStatus != null) {
            exportInfo(f).entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
        }
        return o;
    }

    private static JsonObject exportInfo(StoredFile f) {
        return Json.object()
                .put("integrationExportStatus", f.exportStatus)
                .put("integrationExportMessages", f.exportMessages)
                .put("integrationExportUpdatedAt", Json.iso(f.exportUpdatedAt))
                .build();
    }

    private static JsonObject step(String status, String step, String timestamp) {
        return Json.object().put("status", status).put("step", step).put("timestamp", timestamp).build();
    }

    private static Set<String> parseIds(String value) {
        String v = value.trim();
        if (v.startsWith("[")) {
            try {
                Set<String> ids = new java.util.HashSet<>();
                JsonParser.parseString(v).getAsJsonArray().forEach(e -> ids.add(e.getAsString()));
                return ids;
            } catch (RuntimeException e) {
                return Set.of();
            }
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- callbacks (issue 19)

    /** The callback URL given per upload. */
    private final Map<String, String> uploadCallbacks = new LinkedHashMap<>();
    private final CallbackSender callbacks = new CallbackSender(5);
    private boolean callbackFileIdsAsArray;

    /**
     * How processing callbacks are sent: like fileAI, up to 5 attempts with a doubling backoff (20 ms here), no
     * duplicates unless asked for.
     */
    public CallbackSender callbacks() {
        return callbacks;
    }

    /** Sends {@code fileIds} as a JSON array instead of the documented string (receivers see both). */
    public synchronized FileAiSimulator callbackFileIdsAsArray(boolean asArray) {
        this.callbackFileIdsAsArray = asArray;
        return this;
    }

    /**
     * Finishes processing an upload whose bytes arrived, as if every step had run: the file appears, and when the
     * upload was given a {@code callbackURL} the eight steps are POSTed to it, {@code processing_finished} last with
     * the file id.
     *
     * @throws IllegalStateException when the upload is unknown or its bytes did not arrive
     */
    public synchronized FileAiSimulator processUpload(String uploadId) {
        Upload upload = uploads.get(uploadId);
        if (upload == null || upload.bytes == null) {
            throw new IllegalStateException("no upload " + uploadId + " with bytes to process");
        }
        upload.polls = pollsUntilProcessed;
        if (upload.fileId == null) {
            upload.fileId = newFile(upload.fileName, upload.fileType, upload.bytes, upload.uploadId).fileId;
            sendProcessingCallbacks(upload);
        }
        return this;
    }

    private void sendProcessingCallbacks(Upload upload) {
        String url = uploadCallbacks.get(upload.uploadId);
        if (url == null) {
            return;
        }
        String now = Json.iso(clock().instant());
        for (String step : STEPS) {
            JsonObject event = step("completed", step, now);
            event.addProperty("uploadId", upload.uploadId);
            if (step.equals(STEPS.get(STEPS.size() - 1))) {
                if (callbackFileIdsAsArray) {
                    JsonArray ids = new JsonArray();
                    ids.add(upload.fileId);
                    event.add("fileIds", ids);
                } else {
                    event.addProperty("fileIds", upload.fileId);
                }
            }
            callbacks.send(url, "application/json", event.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    // ---------------------------------------------------------------- vendor errors

    @Override
    Optional<SimResponse> authenticate(SimRequest request) {
        Optional<String> key = request.header("x-api-key");
        if (key.isEmpty()) {
            return Optional.of(NestJsErrors.error(401, "API key is missing", "Unauthorized"));
        }
        return acceptsApiKey(key) ? Optional.empty()
                : Optional.of(NestJsErrors.error(401, "Invalid API key", "Unauthorized"));
    }

    @Override
    SimResponse invalidRequest(SimRequest request, List<ContractViolation> violations) {
        return NestJsErrors.invalid(violations);
    }

    @Override
    SimResponse unknownOperation(SimRequest request) {
        return notFound("Cannot " + request.method() + " " + request.path());
    }

    @Override
    SimResponse tooManyRequests(SimRequest request, long retryAfterSeconds) {
        return NestJsErrors.error(429, "Too Many Requests", null);
    }

    @Override
    SimResponse serverError(int status) {
        return status == 503 ? NestJsErrors.error(503, "Service Unavailable", "Service Unavailable")
                : NestJsErrors.error(500, "Internal server error", null);
    }

    private static SimResponse notFound(String message) {
        return NestJsErrors.error(404, message, "Not Found");
    }

}
