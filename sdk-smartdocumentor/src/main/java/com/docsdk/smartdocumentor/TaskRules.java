package com.docsdk.smartdocumentor;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.RequestOptions;
import com.docsdk.smartdocumentor.model.PatchExternalIntegrationStatusRequest;
import com.docsdk.smartdocumentor.service.TasksService;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The rules of the task operations that the spec states only in words, checked before anything is sent (the
 * generated {@code tasks()} methods call them, {@code x-docsdk-check} in {@code openapi/smartdocumentor.yaml}):
 * a task is named by at least one of {@code taskId} and {@code externalId}; a status list needs at least one of
 * {@code startDate} and {@code endDate}, the start not after the end, and positive workspace ids.
 */
public final class TaskRules {
    private TaskRules() {
    }

    /** {@code tasks().get}: at least one of taskId and externalId. */
    public static void check(TasksService.GetParams params, RequestOptions options) {
        requireTask(params.taskId(), params.externalId());
    }

    /** {@code tasks().reprocess}: at least one of taskId and externalId. */
    public static void check(TasksService.ReprocessParams params, RequestOptions options) {
        requireTask(params.taskId(), params.externalId());
    }

    /** {@code tasks().updateExternalIntegrationStatus}: at least one of taskId and externalId. */
    public static void check(PatchExternalIntegrationStatusRequest body,
            TasksService.UpdateExternalIntegrationStatusParams params, RequestOptions options) {
        requireTask(params.taskId(), params.externalId());
    }

    /** {@code tasks().list}: a creation window and positive workspace ids. */
    public static void check(TasksService.ListParams params, RequestOptions options) {
        requireFilters(params.startDate(), params.endDate(), params.workspaceId());
    }

    /** {@code tasks().listUnpaginated}: a creation window and positive workspace ids. */
    public static void check(TasksService.ListUnpaginatedParams params, RequestOptions options) {
        requireFilters(params.startDate(), params.endDate(), params.workspaceId());
    }

    static void requireTask(Long taskId, String externalId) {
        ClientValidationException.require(taskId != null || externalId != null, "taskId",
                "at least one of taskId and externalId is required");
    }

    /** How a task named by these parameters reads in a message. */
    static String describe(TasksService.GetParams task) {
        return task.taskId() != null ? "task " + task.taskId()
                : "task with externalId " + com.docsdk.core.Redactor.text(task.externalId());
    }

    private static void requireFilters(OffsetDateTime start, OffsetDateTime end, List<Long> workspaceIds) {
        ClientValidationException.require(start != null || end != null, "startDate",
                "at least one of startDate and endDate is required");
        ClientValidationException.require(start == null || end == null || !start.isAfter(end), "startDate",
                "must not be after endDate (" + start + " > " + end + ")");
        for (int i = 0; workspaceIds != null && i < workspaceIds.size(); i++) {
            Long id = workspaceIds.get(i);
            ClientValidationException.require(id == null || id > 0, "workspaceId[" + i + "]",
                    "must be positive, was " + id);
        }
    }
}
