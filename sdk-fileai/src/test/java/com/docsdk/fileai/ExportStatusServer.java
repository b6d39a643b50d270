package com.docsdk.fileai;

import com.docsdk.testkit.TestClock;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small stateful fileAI files endpoint behind WireMock, for the pull-integration tests that need full control of
 * timestamps (seeding files at given {@code updatedAt}s, users changing or deleting files): {@code GET
 * /prod/v1/files} filters ({@code updatedAfter}, inclusive), sorts and pages the stored files; {@code PATCH
 * /prod/v1/files/{id}} records the export status and, as the real service does, moves the file's {@code updatedAt} to
 * now. Each request takes 5 ms of the shared {@link TestClock}.
 */
final class ExportStatusServer implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fileai-export-status";
    private static final Duration REQUEST_TIME = Duration.ofMillis(5);

    /** One stored file. */
    static final class StoredFile {
        final String id;
        final Instant createdAt;
        volatile Instant updatedAt;
        volatile String exportStatus;
        volatile List<String> exportMessages = List.of();
        volatile Instant exportUpdatedAt;
        final List<String> statusHistory = new ArrayList<>();

        StoredFile(String id, Instant createdAt, Instant updatedAt) {
            this.id = id;
            this.createdAt = createdAt;
            this.updatedAt = updatedAt;
        }
    }

    private final TestClock clock;
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private volatile boolean listExportFields = true;

    ExportStatusServer(TestClock clock) {
        this.clock = clock;
    }

    StoredFile add(String id, Instant createdAt, Instant updatedAt) {
        StoredFile f = new StoredFile(id, createdAt, updatedAt);
        files.put(id, f);
        return f;
    }

    StoredFile file(String id) {
        return files.get(id);
    }

    Map<String, StoredFile> files() {
        return new LinkedHashMap<>(files);
    }

    void remove(String id) {
        files.remove(id);
    }

    /** A user changes the file in fileAI now. */
    void touch(String id) {
        files.get(id).updatedAt = clock.instant();
    }

    /** Whether list items carry the export fields (the vendor's list example does not show them). */
    void listExportFields(boolean on) {
        this.listExportFields = on;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        clock.advance(REQUEST_TIME);
        String method = request.getMethod().getName();
        String path = request.getUrl().replaceFirst("\\?.*$", "");
        if (method.equals("GET") && path.equals("/prod/v1/files")) {
            return json(200, list(request));
        }
        if (method.equals("PATCH") && path.startsWith("/prod/v1/files/")) {
            return patch(path.substring("/prod/v1/files/".length()), request.getBodyAsString());
        }
        return json(404, error("Cannot " + method + " " + path, "Not Found", 404));
    }

    private JsonObject list(Request request) {
        String after = param(request, "updatedAfter", null);
        Instant updatedAfter = after == null ? null : OffsetDateTime.parse(after).toInstant();
        boolean byUpdate = param(request, "sortBy", "createdAt").equals("updatedAt");
        boolean desc = "DESC".equals(param(request, "sortOrder", "ASC"));
        int page = Integer.parseInt(param(request, "page", "1"));
        int limit = Integer.parseInt(param(request, "limit", "100"));
        Comparator<StoredFile> order = Comparator.comparing((StoredFile f) -> byUpdate ? f.updatedAt : f.createdAt)
                .thenComparing(f -> f.id);
        List<StoredFile> selected = files.values().stream()
                .filter(f -> updatedAfter == null || !f.updatedAt.isBefore(updatedAfter))
                .sorted(desc ? order.reversed() : order)
                .toList();
        JsonArray items = new JsonArray();
        selected.stream().skip((long) (page - 1) * limit).limit(limit).forEach(f -> items.add(toJson(f)));
        JsonObject body = new JsonObject();
        body.add("files", items);
        body.addProperty("count", selected.size());
        body.addProperty("currentPage", page);
        return body;
    }

    private ResponseDefinition patch(String id, String body) {
        StoredFile f = files.get(id);
        if (f == null) {
            return json(404, error("File with id " + id + " not found", "Not Found", 404));
        }
        JsonObject in = JsonParser.parseString(body).getAsJsonObject();
        String status = in.has("integrationExportStatus") ? in.get("integrationExportStatus").getAsString() : "";
        if (!List.of("error", "completed", "exporting", "empty").contains(status)) {
            return json(422, error("integrationExportStatus must be one of: error, completed, exporting, empty",
                    null, 422));
        }
        List<String> messages = new ArrayList<>();
        if (in.has("integrationExportMessages")) {
            in.getAsJsonArray("integrationExportMessages").forEach(m -> messages.add(m.getAsString()));
        }
        Instant now = clock.instant();
        f.exportStatus = status;
        f.exportMessages = List.copyOf(messages);
        f.exportUpdatedAt = now;
        f.updatedAt = now;
        f.statusHistory.add(status);
        JsonObject out = new JsonObject();
        out.addProperty("fileId", id);
        out.add("exportInfo", exportInfo(f));
        return json(200, out);
    }

    private JsonObject toJson(StoredFile f) {
        JsonObject o = new JsonObject();
        o.addProperty("fileId", f.id);
        o.addProperty("fileName", f.id + ".pdf");
        o.addProperty("fileType", "application/pdf");
        o.addProperty("status", "processed");
        o.add("duplicateToFileId", JsonNull.INSTANCE);
        o.addProperty("createdAt", f.createdAt.toString());
        o.addProperty("updatedAt", f.updatedAt.toString());
        if (listExportFields && f.exportStatus != null) {
            exportInfo(f).entrySet().forEach(e -> o.add(e.getKey(), e.getValue()));
        }
        return o;
    }

    private static JsonObject exportInfo(StoredFile f) {
        JsonObject info = new JsonObject();
        info.addProperty("integrationExportStatus", f.exportStatus);
        JsonArray ms = new JsonArray();
        f.exportMessages.forEach(ms::add);
        info.add("integrationExportMessages", ms);
        info.addProperty("integrationExportUpdatedAt", f.exportUpdatedAt.toString());
        return info;
    }

    private static JsonObject error(String message, String error, int status) {
        JsonObject o = new JsonObject();
        o.addProperty("message", message);
        if (error != null) {
            o.addProperty("error", error);
        }
        o.addProperty("statusCode", status);
        return o;
    }

    private static ResponseDefinition json(int status, JsonObject body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body.toString()).build();
    }

    private static String param(Request request, String name, String fallback) {
        QueryParameter p = request.queryParameter(name);
        return p != null && p.isPresent() ? p.firstValue() : fallback;
    }
}
