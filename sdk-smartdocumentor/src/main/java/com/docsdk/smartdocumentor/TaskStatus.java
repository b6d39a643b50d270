package com.docsdk.smartdocumentor;

import com.docsdk.smartdocumentor.model.CreateTaskResponse;
import com.docsdk.smartdocumentor.model.TaskStatusResponse;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A task's processing state: the vendor's integer {@code taskStatus} code with its name. Unlike a Java enum it keeps
 * codes this SDK does not know (the vendor's mapping table was only partly published), so a new state never breaks
 * a read; an unknown code takes its name from the response's {@code taskStatusText} when there is one.
 *
 * <pre>{@code
 * TaskStatusResponse task = client.tasks().get(TasksService.GetParams.builder().taskId(49L).build(),
 *         RequestOptions.none());
 * TaskStatus status = TaskStatus.from(task).orElseThrow();
 * if (status.equals(TaskStatus.PRE_PROCESSING_FAILED)) { ... }
 * status.code();    // 32
 * status.name();    // "PreProcessingFailed"
 * TaskStatus.of(77).isKnown();   // false, and still usable as a filter value
 * }</pre>
 *
 * <p>Equality is by code only. Instances are immutable.
 */
public final class TaskStatus extends CodedStatus {
    /** 19: the task was queued for deletion. */
    public static final TaskStatus DELETING = new TaskStatus(19, "Deleting", true);
    /** 20: the task was deleted and moved to history. */
    public static final TaskStatus DELETED = new TaskStatus(20, "Deleted", true);
    /** 30: the task was queued for pre-processing. */
    public static final TaskStatus QUEUED_FOR_PRE_PROCESSING = new TaskStatus(30, "QueuedForPreProcessing", true);
    /** 31: the task is being pre-processed. */
    public static final TaskStatus PRE_PROCESSING_IN_PROGRESS = new TaskStatus(31, "PreProcessingInProgress", true);
    /** 32: pre-processing failed. */
    public static final TaskStatus PRE_PROCESSING_FAILED = new TaskStatus(32, "PreProcessingFailed", true);
    /** 33: the file could not be downloaded for pre-processing. */
    public static final TaskStatus PRE_PROCESSING_DOWNLOAD_FAILED =
            new TaskStatus(33, "PreProcessingDownloadFailed", true);
    /** 34: pre-processing completed. */
    public static final TaskStatus PRE_PROCESSING_SUCCESSFUL = new TaskStatus(34, "PreProcessingSuccessful", true);
    /** 35: the task's pages could not be read. */
    public static final TaskStatus PRE_PROCESSING_GET_PAGES_FAILED =
            new TaskStatus(35, "PreProcessingGetPagesFailed", true);

    private static final Map<Integer, TaskStatus> KNOWN = Stream.of(DELETING, DELETED, QUEUED_FOR_PRE_PROCESSING,
                    PRE_PROCESSING_IN_PROGRESS, PRE_PROCESSING_FAILED, PRE_PROCESSING_DOWNLOAD_FAILED,
                    PRE_PROCESSING_SUCCESSFUL, PRE_PROCESSING_GET_PAGES_FAILED)
            .collect(Collectors.toUnmodifiableMap(TaskStatus::code, Function.identity()));

    private final boolean known;

    private TaskStatus(int code, String name, boolean known) {
        super(code, name);
        this.known = known;
    }

    /** The status with this code: a named constant when known, else an unknown status that keeps the code. */
    public static TaskStatus of(int code) {
        return of(code, null);
    }

    /**
     * The status with this code, named by the vendor's {@code text} companion when this SDK does not know the code
     * (a known code keeps its constant's name).
     */
    public static TaskStatus of(int code, String text) {
        TaskStatus known = KNOWN.get(code);
        if (known != null) {
            return known;
        }
        return new TaskStatus(code, nameFor(code, text), false);
    }

    /** The status a task status response reports, if it reports one. */
    public static Optional<TaskStatus> from(TaskStatusResponse task) {
        return task == null || task.getTaskStatus() == null ? Optional.empty()
                : Optional.of(of(task.getTaskStatus(), task.getTaskStatusText()));
    }

    /** The status a create-task response reports, if it reports one. */
    public static Optional<TaskStatus> from(CreateTaskResponse task) {
        return task == null || task.getTaskStatus() == null ? Optional.empty()
                : Optional.of(of(task.getTaskStatus(), task.getTaskStatusText()));
    }

    /** True for the codes this SDK version names as constants. */
    public boolean isKnown() {
        return known;
    }

    /** True for the known pre-processing failures (32, 33, 35): the task will not progress without a reprocess. */
    public boolean isFailure() {
        return code() == 32 || code() == 33 || code() == 35;
    }

    /** True while the task is queued for deletion or deleted (19, 20). */
    public boolean isDeletion() {
        return code() == 19 || code() == 20;
    }
}
