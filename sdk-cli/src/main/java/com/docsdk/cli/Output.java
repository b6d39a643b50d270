package com.docsdk.cli;

import com.docsdk.core.Redactor;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Data on stdout, in one of four formats. Values become JSON through the vendor's Gson; every string passes
 * {@link Redactor#field} on the way (a presigned URL keeps only its harmless parts, a token field is REDACTED).
 */
public final class Output {
    /** The output formats of {@code --output}. */
    public enum Format {
        json, ndjson, table, text;

        static Format defaultFor(boolean terminal) {
            return terminal ? table : json;
        }
    }

    private static final int MAX_CELL = 48;
    private final Format format;
    private final Gson pretty;
    private final Gson compact;
    private final PrintStream out;

    public Output(Format format, Gson gson, PrintStream out) {
        this.format = format;
        this.compact = gson;
        this.pretty = gson.newBuilder().setPrettyPrinting().create();
        this.out = out;
    }

    /** Prints a result: an {@link Iterable} (a list, a lazy paged listing) item by item, anything else as one. */
    public void print(Object value, long maxItems) {
        if (value == null) {
            return;
        }
        if (value instanceof Iterable<?> items && !(value instanceof Map)) {
            printItems(items, maxItems);
            return;
        }
        JsonElement tree = tree(value);
        switch (format) {
            case json -> out.println(pretty.toJson(tree));
            case ndjson -> out.println(compact.toJson(tree));
            case table -> table(tree.isJsonObject() ? keyValueRows(tree.getAsJsonObject()) : List.of(tree), true);
            case text -> out.println(text(tree));
        }
        out.flush();
    }

    private void printItems(Iterable<?> items, long maxItems) {
        long n = 0;
        if (format == Format.ndjson || format == Format.text) {
            for (Object item : items) {             // streamed: a long listing prints as it is fetched
                if (maxItems >= 0 && n++ >= maxItems) {
                    break;
                }
                JsonElement tree = tree(item);
                out.println(format == Format.ndjson ? compact.toJson(tree) : text(tree));
                out.flush();
            }
            return;
        }
        List<JsonElement> all = new ArrayList<>();
        for (Object item : items) {
            if (maxItems >= 0 && n++ >= maxItems) {
                break;
            }
            all.add(tree(item));
        }
        if (format == Format.json) {
            JsonArray array = new JsonArray();
            all.forEach(array::add);
            out.println(pretty.toJson(array));
        } else {
            table(all, false);
        }
        out.flush();
    }

    /** The value as JSON with every string redacted as its field's name says. */
    public JsonElement tree(Object value) {
        JsonElement tree = value instanceof JsonElement e ? e.deepCopy() : compact.toJsonTree(value);
        return redact(null, tree);
    }

    static JsonElement redact(String name, JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return JsonNull.INSTANCE;
        }
        if (e.isJsonObject()) {
            JsonObject copy = new JsonObject();
            e.getAsJsonObject().entrySet().forEach(en -> copy.add(en.getKey(), redact(en.getKey(), en.getValue())));
            return copy;
        }
        if (e.isJsonArray()) {
            JsonArray copy = new JsonArray();
            e.getAsJsonArray().forEach(item -> copy.add(redact(name, item)));
            return copy;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isString()) {
            String shown = name == null ? Redactor.text(p.getAsString()) : Redactor.field(name, p.getAsString());
            return new JsonPrimitive(shown);
        }
        return p;
    }

    private List<JsonElement> keyValueRows(JsonObject o) {
        List<JsonElement> rows = new ArrayList<>();
        o.entrySet().forEach(en -> {
            JsonObject row = new JsonObject();
            row.addProperty("FIELD", en.getKey());
            row.add("VALUE", en.getValue());
            rows.add(row);
        });
        return rows;
    }

    private void table(List<JsonElement> rows, boolean keyValue) {
        Set<String> columns = new LinkedHashSet<>();
        for (JsonElement row : rows) {
            if (row.isJsonObject()) {
                columns.addAll(row.getAsJsonObject().keySet());
            }
        }
        if (columns.isEmpty()) {
            rows.forEach(r -> out.println(cell(r)));
            return;
        }
        List<String> cols = new ArrayList<>(columns);
        int[] widths = new int[cols.size()];
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            header[i] = keyValue ? cols.get(i) : cols.get(i).toUpperCase(Locale.ROOT);
            widths[i] = header[i].length();
        }
        for (JsonElement row : rows) {
            String[] line = new String[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                JsonElement v = row.isJsonObject() ? row.getAsJsonObject().get(cols.get(i)) : null;
                line[i] = cell(v);
                widths[i] = Math.max(widths[i], line[i].length());
            }
            cells.add(line);
        }
        out.println(join(header, widths));
        cells.forEach(line -> out.println(join(line, widths)));
    }

    private static String join(String[] values, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            sb.append(i == values.length - 1 ? values[i] : String.format("%-" + widths[i] + "s  ", values[i]));
        }
        return sb.toString().stripTrailing();
    }

    private String cell(JsonElement v) {
        String s = v == null || v.isJsonNull() ? "" : v.isJsonPrimitive() ? v.getAsString() : compact.toJson(v);
        s = s.replace('\n', ' ').replace('\t', ' ');
        return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
    }

    /** Text: a primitive as itself, an object's values tab-separated on one line (no header), for {@code cut}. */
    private String text(JsonElement tree) {
        if (tree.isJsonPrimitive()) {
            return tree.getAsString();
        }
        if (tree.isJsonObject()) {
            List<String> values = new ArrayList<>();
            tree.getAsJsonObject().entrySet().forEach(en -> values.add(en.getValue().isJsonNull() ? ""
                    : en.getValue().isJsonPrimitive() ? en.getValue().getAsString() : compact.toJson(en.getValue())));
            return String.join("\t", values);
        }
        return compact.toJson(tree);
    }

    /** A Gson for values that are not a vendor's models (flow results). */
    static Gson plainGson() {
        return new GsonBuilder().disableHtmlEscaping().create();
    }
}
