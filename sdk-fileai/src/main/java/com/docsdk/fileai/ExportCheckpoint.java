package com.docsdk.fileai;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.SdkException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of a pull sync between runs, as JSON:
 * <ul>
 *   <li>{@code watermark}: the next run lists files updated on or after it (inclusive, so files sharing a timestamp
 *       are never skipped); it only moves past files whose final status was reported;</li>
 *   <li>{@code reported}: files whose final status was reported, with when; a listed file that has not changed since
 *       (its {@code updatedAt}, bumped by the report itself, is within the echo window) is not handed over again;</li>
 *   <li>{@code pending}: outcomes the handler returned whose report has not been confirmed yet: re-sent first by the
 *       next run, without calling the handler again.</li>
 * </ul>
 * Mutable, used by one run at a time.
 */
final class ExportCheckpoint {
    static final int FORMAT = 1;

    private Instant watermark;
    private final Map<String, Reported> reported = new LinkedHashMap<>();
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    /** A final status reported for a file. */
    record Reported(String status, Instant at) {
    }

    /** A final outcome decided but not yet confirmed by fileAI. */
    record Pending(ExportOutcome.Kind kind, List<String> messages) {
    }

    Optional<Instant> watermark() {
        return Optional.ofNullable(watermark);
    }

    void watermark(Instant watermark) {
        this.watermark = watermark;
    }

    Map<String, Reported> reported() {
        return reported;
    }

    Map<String, Pending> pending() {
        return pending;
    }

    String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        if (watermark != null) {
            root.addProperty("watermark", watermark.toString());
        }
        JsonObject rep = new JsonObject();
        reported.forEach((id, r) -> {
            JsonObject o = new JsonObject();
            o.addProperty("status", r.status());
            o.addProperty("at", r.at().toString());
            rep.add(id, o);
        });
        root.add("reported", rep);
        JsonObject pend = new JsonObject();
        pending.forEach((id, p) -> {
            JsonObject o = new JsonObject();
            o.addProperty("outcome", p.kind().name());
            JsonArray messages = new JsonArray();
            p.messages().forEach(messages::add);
            o.add("messages", messages);
            pend.add(id, o);
        });
        root.add("pending", pend);
        return root.toString();
    }

    /**
     * @throws SdkException when the text is not a checkpoint this SDK wrote
     */
    static ExportCheckpoint fromJson(String json) {
        ExportCheckpoint cp = new ExportCheckpoint();
        try {
            JsonObject root = JsonParser.parseString(json).getAsJsonObject();
            int format = root.has("format") ? root.get("format").getAsInt() : FORMAT;
            if (format != FORMAT) {
                throw new IllegalArgumentException("format " + format + " is not " + FORMAT);
            }
            if (root.has("watermark") && !root.get("watermark").isJsonNull()) {
                cp.watermark = Instant.parse(root.get("watermark").getAsString());
            }
            for (Map.Entry<String, JsonElement> e : object(root, "reported").entrySet()) {
                JsonObject o = e.getValue().getAsJsonObject();
                cp.reported.put(e.getKey(), new Reported(o.get("status").getAsString(),
                        Instant.parse(o.get("at").getAsString())));
            }
            for (Map.Entry<String, JsonElement> e : object(root, "pending").entrySet()) {
                JsonObject o = e.getValue().getAsJsonObject();
                List<String> messages = new ArrayList<>();
                if (o.has("messages")) {
                    o.getAsJsonArray("messages").forEach(m -> messages.add(m.getAsString()));
                }
                ExportOutcome.Kind kind = ExportOutcome.Kind.valueOf(o.get("outcome").getAsString());
                if (kind == ExportOutcome.Kind.DEFERRED) {
                    throw new IllegalArgumentException("file " + e.getKey() + " has a deferred outcome pending");
                }
                try {
                    cp.pending.put(e.getKey(), new Pending(kind, ExportStatusRules.requireReport(kind.status(),
                            messages)));
                } catch (ClientValidationException invalid) {
                    throw new IllegalArgumentException("the pending outcome of file " + e.getKey() + ": "
                            + invalid.getMessage(), invalid);
                }
            }
            return cp;
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException
                | DateTimeParseException | IllegalArgumentException e) {
            throw new SdkException("the export checkpoint is not readable (" + e.getMessage()
                    + "); fix it, or remove it to start over", e);
        }
    }

    private static JsonObject object(JsonObject root, String name) {
        JsonElement e = root.get(name);
        return e == null || e.isJsonNull() ? new JsonObject() : e.getAsJsonObject();
    }
}
