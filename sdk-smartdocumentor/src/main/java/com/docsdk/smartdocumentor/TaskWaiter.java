package com.docsdk.smartdocumentor;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.PollOptions;
import com.docsdk.core.PollStatus;
import com.docsdk.core.Poller;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.Transport;
import com.docsdk.smartdocumentor.generated.model.TaskStatusResponse;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Waits on a task through the core {@link Poller}: done when the caller's condition holds, failed on a known
 * pre-processing failure or a deletion, in progress otherwise (including codes this SDK does not know).
 */
final class TaskWaiter {
    private final Transport transport;
    private final TaskOperations operations;

    TaskWaiter(Transport transport, TaskOperations operations) {
        this.transport = transport;
        this.operations = operations;
    }

    Poller<TaskStatusResponse> poller(TaskRef task, Predicate<TaskStatusResponse> until, PollOptions options) {
        ClientValidationException.requireNonNull("task", task);
        ClientValidationException.requireNonNull("until", until);
        ClientValidationException.requireNonNull("options", options);
        return Poller.<TaskStatusResponse>builder("SmartDocumentor " + task)
                .pollResponse(() -> operations.getTaskStatus(task, RequestOptions.none()))
                .status(r -> status(r).map(TaskStatus::toString).orElse(""))
                .classifier(r -> classify(r, until))
                .failureMessages(r -> List.of(task + " ended in status " + status(r).map(TaskStatus::toString)
                        .orElse("(none)") + " before the awaited condition held"))
                .options(options)
                .runtime(transport)
                .build();
    }

    static PollStatus classify(TaskStatusResponse task, Predicate<TaskStatusResponse> until) {
        if (until.test(task)) {
            return PollStatus.SUCCEEDED;
        }
        Optional<TaskStatus> status = status(task);
        if (status.isPresent() && (status.get().isFailure() || status.get().isDeletion())) {
            return PollStatus.FAILED;
        }
        return PollStatus.IN_PROGRESS;
    }

    private static Optional<TaskStatus> status(TaskStatusResponse task) {
        return TaskStatus.from(task);
    }
}
