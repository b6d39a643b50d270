package com.docsdk.smartdocumentor;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.RequestOptions;
import com.docsdk.smartdocumentor.model.PatchExternalIntegrationStatusRequest;
import com.docsdk.smartdocumentor.service.TasksService;
import java.time.OffsetDateTime;

/**
 * The rules of the task operations that the spec states only in words, checked before anything is sent (the
 * generated {@code tasks()} methods call them, {@code x-docsdk-check} in {@code openapi/smartdocumentor.yaml}):
 * a task is named by at least one of {@code taskId} and {@code externalId}; a status list needs at least one of
 * {@code startDate} and {@code endDate}, the start not after the end.
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

    /** {@code tasks().list}: a creation window. */
    public static void check(TasksService.ListParams params, RequestOptions options) {
        requireWindow(params.startDate(), params.endDate());
    }

    /** {@code tasks().listUnpaginated}: a creation window. */
    public static void check(TasksService.ListUnpaginatedParams params, RequestOptions options) {
        requireWindow(params.startDate(), params.endDate());
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

    private static void requireWindow(OffsetDateTime start, OffsetDateTime end) {
        ClientValidationException.require(start != null || end != null, "startDate",
                "at least one of startDate and endDate is required");
        ClientValidationException.require(start == null || end == null || !start.isAfter(end), "startDate",
                "must not be after endDate (" + start + " > " + end + ")");
    }
}
