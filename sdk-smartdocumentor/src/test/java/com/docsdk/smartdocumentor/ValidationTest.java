package com.docsdk.smartdocumentor;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.smartdocumentor.generated.model.CreateTaskRequest;
import com.docsdk.smartdocumentor.generated.model.TaskContext;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every validation rule rejects bad input with a {@link ClientValidationException} naming the field, and no request
 * reaches the server (which would answer anything with 200).
 */
class ValidationTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Instant START = Instant.parse("2022-03-16T16:59:55Z");
    private static final TaskStatusQuery QUERY = TaskStatusQuery.builder().startDate(START).build();

    private static SmartDocumentorClient client;

    @BeforeAll
    static void setUp() {
        client = Fixtures.client(wm);
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    @TestFactory
    Stream<DynamicTest> everyRuleRejectsBadInputBeforeAnyRequest() {
        List<Rule> rules = new ArrayList<>();
        // Task references
        rules.add(new Rule("zero task id", "taskId", () -> TaskRef.byId(0)));
        rules.add(new Rule("negative task id", "taskId", () -> TaskRef.byId(-5)));
        rules.add(new Rule("null external id", "externalId", () -> TaskRef.byExternalId(null)));
        rules.add(new Rule("blank external id", "externalId", () -> TaskRef.byExternalId("  ")));
        rules.add(new Rule("neither id", "taskId", () -> TaskRef.of(null, null)));
        rules.add(new Rule("bad id with external id", "taskId", () -> TaskRef.of(0L, "erp-1")));
        rules.add(new Rule("id with blank external id", "externalId", () -> TaskRef.of(1L, "")));
        // Status reads
        rules.add(new Rule("get status of null", "task", () -> client.getTaskStatus(null)));
        rules.add(new Rule("find status of null", "task", () -> client.findTaskStatus(null)));
        rules.add(new Rule("null options", "options",
                () -> client.getTaskStatus(TaskRef.byId(1), (RequestOptions) null)));
        rules.add(new Rule("list with null query", "query", () -> client.listTaskStatuses(null)));
        rules.add(new Rule("paginate with null query", "query", () -> client.listTaskStatusesPaginated(null)));
        rules.add(new Rule("paginate with null options", "options",
                () -> client.listTaskStatusesPaginated(QUERY, null)));
        rules.add(new Rule("page zero", "pageNumber", () -> client.getTaskStatusPage(QUERY, 0)));
        rules.add(new Rule("page of null query", "query", () -> client.getTaskStatusPage(null, 1)));
        // Query rules
        rules.add(new Rule("no date", "startDate", () -> TaskStatusQuery.builder().build()));
        rules.add(new Rule("reversed dates", "startDate",
                () -> TaskStatusQuery.builder().startDate(START).endDate(START.minusSeconds(1)).build()));
        rules.add(new Rule("null start date", "startDate", () -> TaskStatusQuery.builder().startDate((Instant) null)));
        rules.add(new Rule("null end date", "endDate",
                () -> TaskStatusQuery.builder().endDate((java.time.OffsetDateTime) null)));
        rules.add(new Rule("page size zero", "pageSize", () -> TaskStatusQuery.builder().pageSize(0)));
        rules.add(new Rule("blank external status filter", "externalIntegrationStatus",
                () -> TaskStatusQuery.builder().externalIntegrationStatus(" ")));
        rules.add(new Rule("too long external status filter", "externalIntegrationStatus",
                () -> TaskStatusQuery.builder().externalIntegrationStatus("x".repeat(33))));
        rules.add(new Rule("workspace zero", "workspaceId", () -> TaskStatusQuery.builder().workspaceIds(1, 0)));
        rules.add(new Rule("null workspace", "workspaceId",
                () -> TaskStatusQuery.builder().workspaceIds(java.util.Arrays.asList(1L, null))));
        rules.add(new Rule("null task status", "taskStatus",
                () -> TaskStatusQuery.builder().taskStatuses(TaskStatus.DELETED, null)));
        rules.add(new Rule("null integration status", "integrationStatus",
                () -> TaskStatusQuery.builder().integrationStatuses((IntegrationStatus) null)));
        rules.add(new Rule("blank sort", "sort", () -> TaskStatusQuery.builder().sort("")));
        // External integration status
        rules.add(new Rule("mark null task", "task", () -> client.setExternalIntegrationStatus(null, "done")));
        rules.add(new Rule("mark with null", "externalIntegrationStatus",
                () -> client.setExternalIntegrationStatus(TaskRef.byId(1), null)));
        rules.add(new Rule("mark with empty", "externalIntegrationStatus",
                () -> client.setExternalIntegrationStatus(TaskRef.byId(1), "")));
        rules.add(new Rule("mark with whitespace", "externalIntegrationStatus",
                () -> client.setExternalIntegrationStatus(TaskRef.byId(1), " \t\n")));
        rules.add(new Rule("mark with 33 characters", "externalIntegrationStatus",
                () -> client.setExternalIntegrationStatus(TaskRef.byExternalId("erp-1"), "y".repeat(33))));
        // Reprocess, export, download, wait
        rules.add(new Rule("reprocess null", "task", () -> client.reprocessTaskDiscardingEdits(null)));
        rules.add(new Rule("export of task zero", "taskId", () -> client.getExportData(0)));
        rules.add(new Rule("download of task zero", "taskId",
                () -> client.downloadOriginalFile(0, Path.of("x.pdf"))));
        rules.add(new Rule("download to null", "target", () -> client.downloadOriginalFile(1, null)));
        rules.add(new Rule("await null task", "task",
                () -> client.awaitTask(null, t -> true, PollOptions.defaults())));
        rules.add(new Rule("await without condition", "until",
                () -> client.awaitTask(TaskRef.byId(1), null, PollOptions.defaults())));
        rules.add(new Rule("await without options", "options",
                () -> client.awaitTask(TaskRef.byId(1), t -> true, null)));
        // Create task
        rules.add(new Rule("create null", "request", () -> client.createTask(null)));
        rules.add(new Rule("create without context", "context", () -> client.createTask(new CreateTaskRequest())));
        rules.add(new Rule("create without url", "context.url", () -> client.createTask(task(null))));
        rules.add(new Rule("create with blank url", "context.url", () -> client.createTask(task(" "))));
        rules.add(new Rule("create with a relative url", "context.url",
                () -> client.createTask(task("files/invoice.pdf"))));
        rules.add(new Rule("create with an ftp url", "context.url",
                () -> client.createTask(task("ftp://example.com/invoice.pdf"))));
        rules.add(new Rule("create with blank transcript language", "context.transcriptLanguage",
                () -> client.createTask(new CreateTaskRequest()
                        .context(new TaskContext().url("https://example.com/a.mp3").transcriptLanguage(" ")))));
        rules.add(new Rule("create with priority 0", "priority", () -> client.createTask(task(URL).priority(0))));
        rules.add(new Rule("create in workspace 0", "workspaceId",
                () -> client.createTask(task(URL).workspaceId(0L))));
        rules.add(new Rule("create in batch -1", "batchId", () -> client.createTask(task(URL).batchId(-1L))));
        rules.add(new Rule("create with blank external id", "externalId",
                () -> client.createTask(task(URL).externalId(""))));
        rules.add(new Rule("create with blank display name", "displayName",
                () -> client.createTask(task(URL).displayName("  "))));
        // Builder
        rules.add(new Rule("blank client id", "clientId",
                () -> SmartDocumentorClient.builder().clientCredentials(" ", "secret")));
        rules.add(new Rule("blank client secret", "clientSecret",
                () -> SmartDocumentorClient.builder().clientCredentials("id", "")));
        rules.add(new Rule("blank token", "accessToken", () -> SmartDocumentorClient.builder().accessToken(" ")));
        rules.add(new Rule("blank base URL", "baseUrl", () -> SmartDocumentorClient.builder().baseUrl(" ")));
        rules.add(new Rule("malformed base URL", "baseUrl",
                () -> SmartDocumentorClient.builder().baseUrl("cloud.smartdocumentor.net").accessToken("t").build()));
        rules.add(new Rule("insecure remote base URL", "baseUrl",
                () -> SmartDocumentorClient.builder().baseUrl("http://cloud.smartdocumentor.net").accessToken("t")
                        .build()));
        rules.add(new Rule("no credentials", "credentials",
                () -> SmartDocumentorClient.builder().baseUrl(wm.baseUrl()).build()));

        return rules.stream().map(rule -> dynamicTest(rule.name(), () -> {
            wm.resetRequests();
            ClientValidationException e = assertThrows(ClientValidationException.class, rule.call(), rule.name());
            assertEquals(rule.field(), e.field(), e.getMessage());
            Fixtures.assertNoRequests(wm);
        }));
    }

    @BeforeAll
    static void answerAnything() {
        wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    private static final String URL = "https://example.com/invoice.pdf";

    private static CreateTaskRequest task(String url) {
        return new CreateTaskRequest().context(new TaskContext().url(url));
    }

    private record Rule(String name, String field, Executable call) {
    }
}
