package com.docsdk.smartdocumentor;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.PagedIterable;
import com.docsdk.core.Paginator;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.ResponseReader;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.Transport;
import com.docsdk.smartdocumentor.generated.api.TaskStatusApi;
import com.docsdk.smartdocumentor.generated.api.TasksApi;
import com.docsdk.smartdocumentor.generated.invoker.ApiClient;
import com.docsdk.smartdocumentor.generated.invoker.JSON;
import com.docsdk.smartdocumentor.generated.model.CreateTaskRequest;
import com.docsdk.smartdocumentor.generated.model.CreateTaskResponse;
import com.docsdk.smartdocumentor.generated.model.ExportDataResponse;
import com.docsdk.smartdocumentor.generated.model.PatchExternalIntegrationStatusRequest;
import com.docsdk.smartdocumentor.generated.model.TaskContext;
import com.docsdk.smartdocumentor.generated.model.TaskStatusPage;
import com.docsdk.smartdocumentor.generated.model.TaskStatusResponse;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/** The task endpoints: each validates its inputs, lets generated code build the request and sends it. */
final class TaskOperations {
    /** The server's page size when none is sent (documented). */
    static final int SERVER_DEFAULT_PAGE_SIZE = 10;

    /** Setting a value twice is harmless: the PATCH may be retried after an I/O failure. */
    private static final RequestOptions IDEMPOTENT = RequestOptions.builder().idempotent(true).build();

    private final Transport transport;
    private final TasksApi tasks;
    private final TaskStatusApi statuses;

    TaskOperations(Transport transport) {
        this.transport = transport;
        ApiClient api = new ApiClient(transport.okHttpClient());
        api.setBasePath(transport.basePath());
        this.tasks = new TasksApi(api);
        this.statuses = new TaskStatusApi(api);
    }

    SdkResponse<CreateTaskResponse> createTask(CreateTaskRequest request, RequestOptions options) {
        validate(request);
        return transport.execute(() -> tasks.createTaskCall(request, null), requireOptions(options),
                TolerantReaders.createdTask());
    }

    SdkResponse<TaskStatusResponse> getTaskStatus(TaskRef task, RequestOptions options) {
        ClientValidationException.requireNonNull("task", task);
        return transport.execute(
                () -> statuses.getTaskStatusCall(task.taskIdOrNull(), task.externalIdOrNull(), null),
                requireOptions(options), ResponseReader.json(JSON.getGson(), TaskStatusResponse.class));
    }

    SdkResponse<List<TaskStatusResponse>> listTaskStatuses(TaskStatusQuery query, RequestOptions options) {
        ClientValidationException.requireNonNull("query", query);
        SdkResponse<List<TaskStatusResponse>> r = transport.execute(() -> statuses.listTaskStatusesCall(
                query.startDateOrNull(), query.endDateOrNull(), query.taskStatusCodesOrNull(),
                query.integrationStatusCodesOrNull(), query.externalIntegrationStatusOrNull(),
                query.workspaceIdsOrNull(), query.sortOrNull(), null), requireOptions(options),
                TolerantReaders.taskList());
        return r.value() == null ? r.withValue(List.of()) : r;
    }

    SdkResponse<TaskStatusPage> getTaskStatusPage(TaskStatusQuery query, int pageNumber, RequestOptions options) {
        ClientValidationException.requireNonNull("query", query);
        ClientValidationException.require(pageNumber >= 1, "pageNumber", "must be at least 1, was " + pageNumber);
        return transport.execute(() -> statuses.listTaskStatusesPaginatedCall(pageNumber,
                query.startDateOrNull(), query.endDateOrNull(), query.taskStatusCodesOrNull(),
                query.integrationStatusCodesOrNull(), query.externalIntegrationStatusOrNull(),
                query.workspaceIdsOrNull(), query.sortOrNull(), query.pageSizeOrNull(), null),
                requireOptions(options), TolerantReaders.taskStatusPage());
    }

    /**
     * Every task of every page, paged by the spec's {@code x-docsdk-paging}: while the envelope's counters say more
     * ({@code totalCount} above the tasks read, {@code totalPages} above the page number, {@code hasNextPage: true}) a
     * short page is not the last; without any counter a page shorter than the page size is. An empty page ends it.
     */
    PagedIterable<TaskStatusResponse> listAllTaskStatuses(TaskStatusQuery query, RequestOptions options) {
        ClientValidationException.requireNonNull("query", query);
        requireOptions(options);
        int pageSize = query.pageSize().orElse(SERVER_DEFAULT_PAGE_SIZE);
        return Paginator.<TaskStatusPage, TaskStatusResponse>pageNumbers(TaskStatusPage::getItems)
                .firstPage(1).pageSize(pageSize)
                .totalItems(p -> Optional.ofNullable(p.getTotalCount()))
                .totalPages(p -> Optional.ofNullable(p.getTotalPages()))
                .hasMore(p -> Optional.ofNullable(p.getHasNextPage()))
                .build(number -> getTaskStatusPage(query, number, options).value());
    }

    void setExternalIntegrationStatus(TaskRef task, String status, RequestOptions options) {
        ClientValidationException.requireNonNull("task", task);
        PatchExternalIntegrationStatusRequest body = new PatchExternalIntegrationStatusRequest()
                .externalIntegrationStatus(ExternalIntegrationStatusRule.require("externalIntegrationStatus", status));
        RequestOptions effective = requireOptions(options) == RequestOptions.none() ? IDEMPOTENT : options;
        transport.execute(() -> statuses.setExternalIntegrationStatusCall(body, task.taskIdOrNull(),
                task.externalIdOrNull(), null), effective, ResponseReader.discard());
    }

    void reprocessTask(TaskRef task, RequestOptions options) {
        ClientValidationException.requireNonNull("task", task);
        transport.execute(() -> tasks.reprocessTaskCall(task.taskIdOrNull(), task.externalIdOrNull(), null),
                requireOptions(options), ResponseReader.discard());
    }

    SdkResponse<ExportDataResponse> getExportData(long taskId, RequestOptions options) {
        TaskRef.requirePositiveId(taskId);
        return transport.execute(() -> tasks.getExportDataCall(taskId, null), requireOptions(options),
                ResponseReader.json(JSON.getGson(), ExportDataResponse.class));
    }

    private static RequestOptions requireOptions(RequestOptions options) {
        return ClientValidationException.requireNonNull("options", options);
    }

    /** The documented constraints of a Create Task body. */
    private static void validate(CreateTaskRequest request) {
        ClientValidationException.requireNonNull("request", request);
        TaskContext context = ClientValidationException.requireNonNull("context", request.getContext());
        String url = ClientValidationException.requireNonBlank("context.url", context.getUrl());
        HttpUrl parsed = HttpUrl.parse(url.trim());
        ClientValidationException.require(parsed != null, "context.url",
                "must be an absolute http(s) URL the service can read (public or SAS)");
        if (context.getTranscriptLanguage() != null) {
            ClientValidationException.requireNonBlank("context.transcriptLanguage", context.getTranscriptLanguage());
        }
        if (request.getPriority() != null) {
            ClientValidationException.require(request.getPriority() >= 1, "priority",
                    "must be at least 1 (1 = low, above 1 = high), was " + request.getPriority());
        }
        requirePositiveIfSet("workspaceId", request.getWorkspaceId());
        requirePositiveIfSet("batchId", request.getBatchId());
        if (request.getExternalId() != null) {
            ClientValidationException.requireNonBlank("externalId", request.getExternalId());
        }
        if (request.getDisplayName() != null) {
            ClientValidationException.requireNonBlank("displayName", request.getDisplayName());
        }
    }

    private static void requirePositiveIfSet(String field, Long value) {
        if (value != null) {
            ClientValidationException.require(value > 0, field, "must be positive, was " + value);
        }
    }
}
