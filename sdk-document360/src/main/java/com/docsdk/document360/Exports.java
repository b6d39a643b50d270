package com.docsdk.document360;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.DownloadRequest;
import com.docsdk.core.DownloadResult;
import com.docsdk.core.Downloader;
import com.docsdk.core.PollOptions;
import com.docsdk.core.Poller;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.Transport;
import com.docsdk.document360.generated.api.ExportsApi;
import com.docsdk.document360.generated.invoker.ApiClient;
import com.docsdk.document360.generated.model.ApiError;
import com.docsdk.document360.generated.model.ApiWarning;
import com.docsdk.document360.generated.model.ExportResponse;
import com.docsdk.document360.generated.model.ExportTask;
import com.docsdk.document360.generated.model.StartExportRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Exports: start, status, wait (core {@link Poller}) and download (core {@link Downloader}). */
final class Exports {
    /** Keys of an export task a failure reason might hide in; the vendor documents none. */
    private static final List<String> REASON_KEYS = List.of("error", "error_message", "message", "failure_reason");

    private final Transport transport;
    private final ExportsApi api;
    private final Workspaces workspaces;

    Exports(Transport transport, ApiClient apiClient, Workspaces workspaces) {
        this.transport = transport;
        this.api = new ExportsApi(apiClient);
        this.workspaces = workspaces;
    }

    /**
     * Starts an export of exactly one workspace, named in the field of the server's dialect (detected once per
     * client): {@code workspace_id} or {@code project_version_id}, never both. A workspace by name or the default one
     * is looked up first.
     */
    Document360Response<ExportTask> start(UUID projectId, ExportRequest request, RequestOptions options) {
        Projects.requireId("projectId", projectId);
        ClientValidationException.requireNonNull("request", request);
        Projects.requireOptions(options);
        WorkspaceDialect dialect = workspaces.dialect(projectId, options);
        UUID workspaceId = workspaces.exportId(projectId, request.workspace(), options);
        StartExportRequest body = request.toGenerated(dialect, workspaceId);
        return Document360Response.single(transport.execute(
                () -> api.startExportCall(projectId, body, null), options,
                EnvelopeReader.of(ExportResponse.class, Envelope::of)), "the export started in project " + projectId);
    }

    Document360Response<ExportTask> get(UUID projectId, UUID exportId, RequestOptions options) {
        return Document360Response.single(fetch(projectId, exportId, options), describe(projectId, exportId));
    }

    private SdkResponse<Envelope<ExportTask>> fetch(UUID projectId, UUID exportId, RequestOptions options) {
        Projects.requireId("projectId", projectId);
        Projects.requireId("exportId", exportId);
        Projects.requireOptions(options);
        return transport.execute(() -> api.getExportCall(projectId, exportId, null), options,
                EnvelopeReader.of(ExportResponse.class, Envelope::of));
    }

    /**
     * A waiter on an export: {@code Pending} and {@code InProgress} are running, {@code Completed} succeeds,
     * {@code Failed} fails; any other status counts as running (logged once).
     */
    Poller<ExportTask> poller(UUID projectId, UUID exportId, PollOptions pollOptions) {
        Projects.requireId("projectId", projectId);
        Projects.requireId("exportId", exportId);
        ClientValidationException.requireNonNull("pollOptions", pollOptions);
        AtomicReference<Envelope<ExportTask>> last = new AtomicReference<>();
        return Poller.<ExportTask>builder(describe(projectId, exportId))
                .pollResponse(() -> {
                    SdkResponse<Envelope<ExportTask>> r = fetch(projectId, exportId, RequestOptions.none());
                    last.set(r.value());
                    return r.withValue(r.value().data());
                })
                .status(ExportTask::getStatus)
                .succeededOn("Completed")
                .failedOn("Failed")
                .inProgressOn("Pending", "InProgress", "In_Progress")
                .failureMessages(task -> failureMessages(task, last.get()))
                .options(pollOptions)
                .runtime(transport)
                .build();
    }

    DownloadResult download(DownloadRequest request) {
        return new Downloader(transport).download(request);
    }

    static String describe(UUID projectId, UUID exportId) {
        return "Document360 export " + exportId + " of project " + projectId;
    }

    private static List<String> failureMessages(ExportTask task, Envelope<ExportTask> envelope) {
        List<String> messages = new ArrayList<>();
        if (task.getAdditionalProperties() != null) {
            for (String key : REASON_KEYS) {
                Object reason = task.getAdditionalProperties().get(key);
                if (reason instanceof String s && !s.isBlank()) {
                    messages.add(s);
                }
            }
        }
        if (envelope != null) {
            envelope.errors().stream().map(ApiError::getMessage).filter(m -> m != null && !m.isBlank())
                    .forEach(messages::add);
            envelope.warnings().stream().map(ApiWarning::getMessage).filter(m -> m != null && !m.isBlank())
                    .forEach(messages::add);
        }
        return messages;
    }
}
