package com.docsdk.examples;

import com.docsdk.smartdocumentor.SmartDocumentorClient;
import com.docsdk.smartdocumentor.TaskRef;
import com.docsdk.smartdocumentor.TaskStatus;
import com.docsdk.smartdocumentor.TaskStatusQuery;
import com.docsdk.smartdocumentor.generated.model.CreateTaskRequest;
import com.docsdk.smartdocumentor.generated.model.TaskContext;
import com.docsdk.smartdocumentor.generated.model.TaskStatusResponse;
import com.docsdk.testkit.SmartDocumentorSimulator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
                    client.createTask(new CreateTaskRequest().displayName("Invoice " + id).externalId(id)
                            .context(new TaskContext().url("https://files.example.com/" + id + ".pdf")));
                }
                console.step("created 2 tasks in the simulator");
            }
            TaskStatusQuery unprocessed = TaskStatusQuery.builder()
                    .startDate(Instant.now().minus(7, ChronoUnit.DAYS))
                    .externalIntegrationStatus("never")
                    .build();
            int marked = 0;
            for (TaskStatusResponse task : client.listTaskStatusesPaginated(unprocessed)) {
                String status = TaskStatus.from(task).map(TaskStatus::toString).orElse("?");
                console.step("task %s (%s): %s -> importing", task.getTaskId(), task.getExternalId(), status);
                client.setExternalIntegrationStatus(TaskRef.byId(task.getTaskId()), MARK);
                marked++;
            }
            long left = client.listTaskStatusesPaginated(unprocessed).stream().count();
            if (left != 0) {
                throw new IllegalStateException(left + " task(s) still unmarked");
            }
            return marked + " task(s) marked '" + MARK + "', none left with external status 'never'";
        }
    }
}
