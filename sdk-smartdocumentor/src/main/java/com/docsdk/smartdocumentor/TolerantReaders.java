package com.docsdk.smartdocumentor;

import com.docsdk.core.ResponseReader;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.service.ApiRequest;
import com.docsdk.core.service.ServiceContext;
import com.docsdk.smartdocumentor.internal.JSON;
import com.docsdk.smartdocumentor.model.CreateTaskResponse;
import com.docsdk.smartdocumentor.model.TaskStatusPage;
import com.docsdk.smartdocumentor.model.TaskStatusResponse;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.Response;

/**
 * How the generated services read the responses the public docs do not show (see the spec's description,
 * assumptions 2 and 7): the modelled shape and the plausible alternatives are accepted instead of failing the call.
 * Plugged into the services by {@link SmartDocumentorClient} ({@link ServiceContext.Builder#readers}).
 */
final class TolerantReaders {
    static final Type TASK_LIST = TypeToken.getParameterized(List.class, TaskStatusResponse.class).getType();

    /** Property names that may carry a page's tasks when {@code items} is absent, compared case-insensitively. */
    private static final List<String> PAGE_ITEM_KEYS = List.of("items", "data", "results", "tasks", "records",
            "value", "list", "content");
    private static final Set<String> PAGE_ITEM_KEY_SET = Set.copyOf(PAGE_ITEM_KEYS);

    private TolerantReaders() {
    }

    /** The reader of each operation: tolerant for the three undocumented responses, the spec's type otherwise. */
    static ResponseReader<?> reader(ApiRequest request, Type type, Gson gson) {
        switch (request.operationId()) {
            case "createTask":
                return createdTask();
            case "listTaskStatusesPaginated":
                return taskStatusPage();
            case "listTaskStatuses":
                return taskList();
            default:
                return ServiceContext.defaultReader(type, gson);
        }
    }

    /** The heavy list: a JSON array of tasks; an empty body is no task. */
    static ResponseReader<List<TaskStatusResponse>> taskList() {
        return response -> {
            JsonElement root = parse(response, TASK_LIST);
            return root.isJsonNull() ? List.of() : convert(response, root, TASK_LIST);
        };
    }

    /**
     * One page of {@code statuslistpaginated}: the modelled envelope (tasks under {@code items}), an envelope with the
     * tasks under another usual name ({@code data}, {@code results}, {@code tasks}...; any letter case), or a bare
     * array of tasks. The returned page always has its items set (empty when there were none).
     */
    static ResponseReader<TaskStatusPage> taskStatusPage() {
        return response -> {
            JsonElement root = parse(response, TaskStatusPage.class);
            if (root.isJsonNull()) {
                return new TaskStatusPage().items(List.of());
            }
            if (root.isJsonArray()) {
                return new TaskStatusPage().items(JSON.getGson().fromJson(root, TASK_LIST));
            }
            if (!root.isJsonObject()) {
                throw unexpected(response, TaskStatusPage.class, "a JSON " + describe(root));
            }
            TaskStatusPage page = convert(response, root, TaskStatusPage.class);
            JsonElement modelled = root.getAsJsonObject().get(TaskStatusPage.SERIALIZED_NAME_ITEMS);
            if (modelled == null || !modelled.isJsonArray()) {
                List<TaskStatusResponse> items = itemsUnderOtherName(root.getAsJsonObject())
                        .map(array -> JSON.getGson().<List<TaskStatusResponse>>fromJson(array, TASK_LIST))
                        .orElse(List.of());
                page.setItems(items);
            }
            return page;
        };
    }

    /**
     * The Create Task response: the modelled object, no body at all (an empty response), or a bare task id (a JSON
     * number or numeric string).
     */
    static ResponseReader<CreateTaskResponse> createdTask() {
        return response -> {
            JsonElement root = parse(response, CreateTaskResponse.class);
            if (root.isJsonNull()) {
                return new CreateTaskResponse();
            }
            if (root.isJsonObject()) {
                return convert(response, root, CreateTaskResponse.class);
            }
            if (root.isJsonPrimitive()) {
                Optional<Long> id = asLong(root.getAsJsonPrimitive());
                if (id.isPresent()) {
                    return new CreateTaskResponse().taskId(id.get());
                }
            }
            throw unexpected(response, CreateTaskResponse.class, "a JSON " + describe(root));
        };
    }

    private static Optional<JsonElement> itemsUnderOtherName(JsonObject object) {
        for (String key : PAGE_ITEM_KEYS) {
            for (Map.Entry<String, JsonElement> e : object.entrySet()) {
                if (e.getKey().toLowerCase(Locale.ROOT).equals(key) && e.getValue().isJsonArray()) {
                    return Optional.of(e.getValue());
                }
            }
        }
        // Failing the usual names, the only array of objects in the envelope.
        List<JsonElement> arrays = object.entrySet().stream()
                .filter(e -> !PAGE_ITEM_KEY_SET.contains(e.getKey().toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue)
                .filter(v -> v.isJsonArray() && !v.getAsJsonArray().isEmpty()
                        && v.getAsJsonArray().get(0).isJsonObject())
                .toList();
        return arrays.size() == 1 ? Optional.of(arrays.get(0)) : Optional.empty();
    }

    private static Optional<Long> asLong(JsonPrimitive p) {
        try {
            return Optional.of(Long.parseLong(p.getAsString().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static JsonElement parse(Response response, Type type) throws java.io.IOException {
        String text = response.body().string();
        if (text.isBlank()) {
            return JsonNull.INSTANCE;
        }
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new SdkException(prefix(response, type) + e.getMessage(), e);
        }
    }

    private static <T> T convert(Response response, JsonElement element, Type type) {
        try {
            return JSON.getGson().fromJson(element, type);
        } catch (JsonParseException | IllegalStateException e) {
            throw new SdkException(prefix(response, type) + e.getMessage(), e);
        }
    }

    private static SdkException unexpected(Response response, Type type, String what) {
        return new SdkException(prefix(response, type) + "unexpected " + what);
    }

    private static String prefix(Response response, Type type) {
        return "could not parse the response of " + response.request().method() + " "
                + response.request().url().encodedPath() + " as " + type.getTypeName() + ": ";
    }

    private static String describe(JsonElement e) {
        return e.isJsonArray() ? "array" : e.isJsonObject() ? "object" : "value " + e;
    }
}
