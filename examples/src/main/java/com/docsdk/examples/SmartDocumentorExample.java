package com.docsdk.examples;

import com.docsdk.core.RequestOptions;
import com.docsdk.smartdocumentor.SmartDocumentorClient;
import com.docsdk.smartdocumentor.TaskStatus;
import com.docsdk.smartdocumentor.model.CreateTaskRequest;
import com.docsdk.smartdocumentor.model.PatchExternalIntegrationStatusRequest;
import com.docsdk.smartdocumentor.model.TaskContext;
import com.docsdk.smartdocumentor.model.TaskStatusResponse;
import com.docsdk.smartdocumentor.service.TasksService;
import com.docsdk.testkit.SmartDocumentorSimulator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * SmartDocumentor: the integration loop. List the tasks of the last week whose external integration status is still
 * {@code never}, "process" each in our own system, and mark it with our own status. Real API when
 * {@code SMARTDOCUMENTOR_CLIENT_ID} and {@code SMARTDOCUMENTOR_CLIENT_SECRET} (or {@code SMARTDOCUMENTOR_TOKEN})
 * are set; against the simulator the flow first creates two tasks to find.
 */
final class SmartDocumentorExample extends Flow {

    private static final String MARK = "erp-imported";

    SmartDocumentorExample() {
        super("SmartDocumentor", "list unprocessed tasks, mark them");
    }

    @Override
    String run(Console console) throws Exception {
        boolean real = Env.has("SMARTDOCUMENTOR_CLIENT_ID", "SMARTDOCUMENTOR_CLIENT_SECRET")
                || Env.has("SMARTDOCUMENTOR_TOKEN");
        console.heading(vendor(), description(), Env.target(real, "cloud.smartdocumentor.net"));
        try (SmartDocumentorSimulator sim = real ? null
                        : SmartDocumentorSimulator.create().clientCredentials("demo-client", "demo-secret").start();
                SmartDocumentorClient client = real ? SmartDocumentorClient.fromEnv()
                        : SmartDocumentorClient.builder().clientCredentials("demo-client", "demo-secret")
                                .baseUrl(sim.baseUrl()).build()) {
            if (!real) {
                for (String id : List.of("erp-invoice-0001", "erp-invoice-0002")) {
                    client.tasks().create(new CreateTaskRequest().displayName("Invoice " + id).externalId(id)
                            .context(new TaskContext().url("https://files.example.com/" + id + ".pdf")));
                }
                console.step("created 2 tasks in the simulator");
            }
            TasksService.ListParams unprocessed = TasksService.ListParams.builder()
                    .startDate(OffsetDateTime.now(ZoneOffset.UTC).minusDays(7))
                    .externalIntegrationStatus(SmartDocumentorClient.EXTERNAL_STATUS_NEVER)
                    .build();
            // Collect first: marking a task takes it out of the filter, which would shift the following pages.
            List<TaskStatusResponse> todo = client.tasks().list(unprocessed, RequestOptions.none()).stream().toList();
            for (TaskStatusResponse task : todo) {
                String status = TaskStatus.from(task).map(TaskStatus::toString).orElse("?");
                console.step("task %s (%s): %s -> importing", task.getTaskId(), task.getExternalId(), status);
                client.tasks().updateExternalIntegrationStatus(
                        new PatchExternalIntegrationStatusRequest().externalIntegrationStatus(MARK),
                        TasksService.UpdateExternalIntegrationStatusParams.builder().taskId(task.getTaskId()).build(),
                        RequestOptions.none());
            }
            int marked = todo.size();
            long left = client.tasks().list(unprocessed, RequestOptions.none()).stream().count();
            if (left != 0) {
                throw new IllegalStateException(left + " task(s) still unmarked");
            }
            return marked + " task(s) marked '" + MARK + "', none left with external status 'never'";
        }
    }
}
