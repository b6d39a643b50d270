package com.docsdk.smartdocumentor;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.Redactor;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Identifies a task the way the API does: by its task id, by the external id you gave it at creation, or by both.
 * Invalid references are rejected here, before any request.
 *
 * <pre>{@code
 * client.getTaskStatus(TaskRef.byId(49));
 * client.setExternalIntegrationStatus(TaskRef.byExternalId("erp-invoice-0001"), "exported");
 * }</pre>
 */
public final class TaskRef {
    private final Long taskId;
    private final String externalId;

    private TaskRef(Long taskId, String externalId) {
        this.taskId = taskId;
        this.externalId = externalId;
    }

    /** The task with this id (positive). */
    public static TaskRef byId(long taskId) {
        return new TaskRef(requirePositiveId(taskId), null);
    }

    /** The task created with this external id (unique in your organization; not blank). */
    public static TaskRef byExternalId(String externalId) {
        return new TaskRef(null, ClientValidationException.requireNonBlank("externalId", externalId));
    }

    /**
     * The task with this id and/or external id; at least one must be given. Both are sent when both are given.
     *
     * @param taskId the task id, or null
     * @param externalId the external id, or null
     */
    public static TaskRef of(Long taskId, String externalId) {
        ClientValidationException.require(taskId != null || externalId != null, "taskId",
                "at least one of taskId and externalId is required");
        if (taskId != null) {
            requirePositiveId(taskId);
        }
        if (externalId != null) {
            ClientValidationException.requireNonBlank("externalId", externalId);
        }
        return new TaskRef(taskId, externalId);
    }

    /** The task id, when the reference has one. */
    public OptionalLong taskId() {
        return taskId == null ? OptionalLong.empty() : OptionalLong.of(taskId);
    }

    /** The external id, when the reference has one. */
    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    Long taskIdOrNull() {
        return taskId;
    }

    String externalIdOrNull() {
        return externalId;
    }

    static long requirePositiveId(long taskId) {
        ClientValidationException.require(taskId > 0, "taskId", "must be positive, was " + taskId);
        return taskId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskRef other && Objects.equals(taskId, other.taskId)
                && Objects.equals(externalId, other.externalId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(taskId, externalId);
    }

    @Override
    public String toString() {
        if (taskId != null && externalId != null) {
            return "task " + taskId + " (externalId " + Redactor.text(externalId) + ")";
        }
        return taskId != null ? "task " + taskId : "task with externalId " + Redactor.text(externalId);
    }
}
