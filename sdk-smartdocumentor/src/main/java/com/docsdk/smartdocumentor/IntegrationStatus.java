package com.docsdk.smartdocumentor;

import com.docsdk.smartdocumentor.model.TaskStatusResponse;
import java.util.Optional;

/**
 * A task's integration state (queued for integration, integrated, failed): the vendor's integer
 * {@code integrationStatus} code with its text companion {@code integrationStatusText}. The vendor's public mapping
 * table does not give the numeric values, so this SDK names no constants: build filter values with {@link #of(int)}
 * and read meaning from {@link #name()}, which carries the server's text. Every code is kept, none is fatal.
 *
 * <pre>{@code
 * IntegrationStatus s = IntegrationStatus.from(task).orElseThrow();
 * s.code();   // 2
 * s.name();   // "Successful" (the server's integrationStatusText), or "Unknown(2)" without one
 * TasksService.ListParams q = TasksService.ListParams.builder().startDate(since)
 *         .integrationStatus(List.of(IntegrationStatus.of(1).code())).build();
 * }</pre>
 *
 * <p>Equality is by code only. Instances are immutable.
 */
public final class IntegrationStatus extends CodedStatus {

    private IntegrationStatus(int code, String name) {
        super(code, name);
    }

    /** The integration status with this code. */
    public static IntegrationStatus of(int code) {
        return of(code, null);
    }

    /** The integration status with this code, named by the vendor's text companion when given. */
    public static IntegrationStatus of(int code, String text) {
        return new IntegrationStatus(code, nameFor(code, text));
    }

    /** The integration status a task status response reports, if it reports one. */
    public static Optional<IntegrationStatus> from(TaskStatusResponse task) {
        return task == null || task.getIntegrationStatus() == null ? Optional.empty()
                : Optional.of(of(task.getIntegrationStatus(), task.getIntegrationStatusText()));
    }
}
