package com.docsdk.smartdocumentor;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.smartdocumentor.model.CreateTaskRequest;
import com.docsdk.smartdocumentor.model.PatchExternalIntegrationStatusRequest;
import com.docsdk.smartdocumentor.model.TaskContext;
import com.docsdk.smartdocumentor.service.TasksService.GetParams;
import com.docsdk.smartdocumentor.service.TasksService.ListParams;
import com.docsdk.smartdocumentor.service.TasksService.ListUnpaginatedParams;
import com.docsdk.smartdocumentor.service.TasksService.ReprocessParams;
import com.docsdk.smartdocumentor.service.TasksService.UpdateExternalIntegrationStatusParams;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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

    private static final OffsetDateTime START = OffsetDateTime.parse("2022-03-16T16:59:55Z");
    private static final ListParams WINDOW = ListParams.builder().startDate(START).build();
    private static final RequestOptions NONE = RequestOptions.none();

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
        // Naming a task: at least one of taskId and externalId (TaskRules), each valid (the spec)
        rules.add(new Rule("zero task id", "taskId", () -> get(GetParams.builder().taskId(0L))));
        rules.add(new Rule("negative task id", "taskId", () -> get(GetParams.builder().taskId(-5L))));
        rules.add(new Rule("blank external id", "externalId", () -> get(GetParams.builder().externalId("  "))));
        rules.add(new Rule("neither id", "taskId", () -> client.tasks().get()));
        rules.add(new Rule("bad id with external id", "taskId",
                () -> get(GetParams.builder().taskId(0L).externalId("erp-1"))));
        rules.add(new Rule("id with blank external id", "externalId",
                () -> get(GetParams.builder().taskId(1L).externalId(""))));
        rules.add(new Rule("get with null params", "params", () -> client.tasks().get(null, NONE)));
        rules.add(new Rule("null options", "options", () -> client.tasks().get(Fixtures.byId(1), null)));
        rules.add(new Rule("async get of neither id", "taskId", () -> client.tasks().async().get()));
        rules.add(new Rule("raw get of neither id", "taskId", () -> client.tasks().withRawResponse().get()));
        // Status lists: a creation window (TaskRules), the spec's constraints on every filter
        rules.add(new Rule("list with null params", "params", () -> client.tasks().listUnpaginated(null, NONE)));
        rules.add(new Rule("paginate with null params", "params", () -> client.tasks().list(null, NONE)));
        rules.add(new Rule("paginate with null options", "options", () -> client.tasks().list(WINDOW, null)));
        rules.add(new Rule("page zero", "pageNumber",
                () -> client.tasks().listPage(WINDOW.toBuilder().pageNumber(0).build(), NONE)));
        rules.add(new Rule("page of null params", "params", () -> client.tasks().listPage(null, NONE)));
        rules.add(new Rule("no date", "startDate", () -> client.tasks().list()));
        rules.add(new Rule("no date, unpaginated", "startDate", () -> client.tasks().listUnpaginated()));
        rules.add(new Rule("reversed dates", "startDate",
                () -> list(WINDOW.toBuilder().endDate(START.minusSeconds(1)))));
        rules.add(new Rule("reversed dates, unpaginated", "startDate", () -> client.tasks().listUnpaginated(
                ListUnpaginatedParams.builder().startDate(START).endDate(START.minusSeconds(1)).build(), NONE)));
        rules.add(new Rule("page size zero", "pageSize", () -> list(WINDOW.toBuilder().pageSize(0))));
        rules.add(new Rule("blank external status filter", "externalIntegrationStatus",
                () -> list(WINDOW.toBuilder().externalIntegrationStatus(" "))));
        rules.add(new Rule("too long external status filter", "externalIntegrationStatus",
                () -> list(WINDOW.toBuilder().externalIntegrationStatus("x".repeat(33)))));
        rules.add(new Rule("workspace zero", "workspaceId[1]",
                () -> list(WINDOW.toBuilder().workspaceId(List.of(1L, 0L)))));
        rules.add(new Rule("null workspace", "workspaceId[1]",
                () -> list(WINDOW.toBuilder().workspaceId(Arrays.asList(1L, null)))));
        rules.add(new Rule("null task status", "taskStatus[1]",
                () -> list(WINDOW.toBuilder().taskStatus(Arrays.asList(TaskStatus.DELETED.code(), null)))));
        rules.add(new Rule("null integration status", "integrationStatus[0]",
                () -> list(WINDOW.toBuilder().integrationStatus(Arrays.asList((Integer) null)))));
        rules.add(new Rule("blank sort", "sort", () -> list(WINDOW.toBuilder().sort(""))));
        rules.add(new Rule("sort that is no property name", "sort",
                () -> list(WINDOW.toBuilder().sort("createdOn desc; drop"))));
        // External integration status (the spec: not whitespace, at most 32 characters)
        rules.add(new Rule("mark null body", "patchExternalIntegrationStatusRequest",
                () -> client.tasks().updateExternalIntegrationStatus(null, markParams(), NONE)));
        rules.add(new Rule("mark with null", "patchExternalIntegrationStatusRequest.externalIntegrationStatus",
                () -> mark(null)));
        rules.add(new Rule("mark with empty", "patchExternalIntegrationStatusRequest.externalIntegrationStatus",
                () -> mark("")));
        rules.add(new Rule("mark with whitespace",
                "patchExternalIntegrationStatusRequest.externalIntegrationStatus", () -> mark(" \t\n")));
        rules.add(new Rule("mark with 33 characters",
                "patchExternalIntegrationStatusRequest.externalIntegrationStatus", () -> mark("y".repeat(33))));
        rules.add(new Rule("mark no task", "taskId", () -> client.tasks().updateExternalIntegrationStatus(
                new PatchExternalIntegrationStatusRequest().externalIntegrationStatus("done"))));
        rules.add(new Rule("mark with null params", "params", () -> client.tasks().updateExternalIntegrationStatus(
                new PatchExternalIntegrationStatusRequest().externalIntegrationStatus("done"), null, NONE)));
        // Reprocess, export, download, wait
        rules.add(new Rule("reprocess null", "params", () -> client.tasks().reprocess(null, NONE)));
        rules.add(new Rule("reprocess no task", "taskId", () -> client.tasks().reprocess()));
        rules.add(new Rule("reprocess task zero", "taskId",
                () -> client.tasks().reprocess(ReprocessParams.builder().taskId(0L).build(), NONE)));
        rules.add(new Rule("export of task zero", "taskId", () -> client.tasks().getExportData(0L)));
        rules.add(new Rule("export of no task", "taskId", () -> client.tasks().getExportData(null)));
        rules.add(new Rule("download of task zero", "taskId",
                () -> client.downloadOriginalFile(0L, Path.of("x.pdf"))));
        rules.add(new Rule("download to null", "target", () -> client.downloadOriginalFile(1L, null)));
        rules.add(new Rule("await null task", "task",
                () -> client.awaitTask(null, t -> true, PollOptions.defaults())));
        rules.add(new Rule("await no task", "taskId",
                () -> client.awaitTaskAsync(GetParams.none(), t -> true, PollOptions.defaults())));
        rules.add(new Rule("await without condition", "until",
                () -> client.awaitTask(Fixtures.byId(1), null, PollOptions.defaults())));
        rules.add(new Rule("await without options", "options",
                () -> client.awaitTask(Fixtures.byId(1), t -> true, null)));
        // Create task (the spec's constraints on the body)
        rules.add(new Rule("create null", "createTaskRequest", () -> client.tasks().create(null)));
        rules.add(new Rule("create without context", "createTaskRequest.context",
                () -> client.tasks().create(new CreateTaskRequest())));
        rules.add(new Rule("create without url", "createTaskRequest.context.url", () -> create(task(null))));
        rules.add(new Rule("create with blank url", "createTaskRequest.context.url", () -> create(task(" "))));
        rules.add(new Rule("create with a relative url", "createTaskRequest.context.url",
                () -> create(task("files/invoice.pdf"))));
        rules.add(new Rule("create with an ftp url", "createTaskRequest.context.url",
                () -> create(task("ftp://example.com/invoice.pdf"))));
        rules.add(new Rule("create with blank transcript language", "createTaskRequest.context.transcriptLanguage",
                () -> create(new CreateTaskRequest()
                        .context(new TaskContext().url("https://example.com/a.mp3").transcriptLanguage(" ")))));
        rules.add(new Rule("create with priority 0", "createTaskRequest.priority",
                () -> create(task(URL).priority(0))));
        rules.add(new Rule("create in workspace 0", "createTaskRequest.workspaceId",
                () -> create(task(URL).workspaceId(0L))));
        rules.add(new Rule("create in batch -1", "createTaskRequest.batchId", () -> create(task(URL).batchId(-1L))));
        rules.add(new Rule("create with blank external id", "createTaskRequest.externalId",
                () -> create(task(URL).externalId(""))));
        rules.add(new Rule("create with blank display name", "createTaskRequest.displayName",
                () -> create(task(URL).displayName("  "))));
        // Token request (the spec: grant_type and scope have one value each)
        rules.add(new Rule("token with another grant", "grantType",
                () -> client.tokens().create("password", "WebAPI", "id", "secret")));
        rules.add(new Rule("token with another scope", "scope",
                () -> client.tokens().create("client_credentials", "openid", "id", "secret")));
        rules.add(new Rule("token without client id", "clientId",
                () -> client.tokens().create("client_credentials", "WebAPI", " ", "secret")));
        rules.add(new Rule("token without secret", "clientSecret",
                () -> client.tokens().create("client_credentials", "WebAPI", "id", null)));
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

    private static void create(CreateTaskRequest request) {
        client.tasks().create(request);
    }

    private static void get(GetParams.Builder params) {
        client.tasks().get(params.build(), NONE);
    }

    private static void list(ListParams.Builder params) {
        client.tasks().list(params.build(), NONE);
    }

    private static UpdateExternalIntegrationStatusParams markParams() {
        return UpdateExternalIntegrationStatusParams.builder().externalId("erp-1").build();
    }

    private static void mark(String status) {
        client.tasks().updateExternalIntegrationStatus(
                new PatchExternalIntegrationStatusRequest().externalIntegrationStatus(status), markParams(), NONE);
    }

    private record Rule(String name, String field, Executable call) {
    }
}
