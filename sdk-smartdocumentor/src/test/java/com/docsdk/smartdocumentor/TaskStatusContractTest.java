package com.docsdk.smartdocumentor;

import static com.docsdk.smartdocumentor.Fixtures.STATUS_LIST_PATH;
import static com.docsdk.smartdocumentor.Fixtures.STATUS_PAGE_PATH;
import static com.docsdk.smartdocumentor.Fixtures.STATUS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.TASK_STATUS_EXAMPLE;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.paging.PagedIterable;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkResponse;
import com.docsdk.smartdocumentor.model.TaskStatusPage;
import com.docsdk.smartdocumentor.model.TaskStatusResponse;
import com.docsdk.smartdocumentor.service.TasksService;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading statuses: one task, the heavy list, the paginated list; every request checked against the spec. */
class TaskStatusContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final TasksService.ListParams WINDOW = TasksService.ListParams.builder()
            .startDate(OffsetDateTime.parse("2022-03-16T16:59:55Z"))
            .endDate(OffsetDateTime.parse("2022-12-25T16:59:55Z"))
            .build();

    private SmartDocumentorClient client;

    @BeforeEach
    void setUp() {
        client = Fixtures.client(wm);
    }

    @AfterEach
    void tearDown() {
        client.close();
        Fixtures.contract().assertRequestsMatch(wm);
    }

    @Test
    void getsOneTaskByIdAndParsesTheDocumentedExample() {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(TASK_STATUS_EXAMPLE)
                .withHeader("x-request-id", "req-1")));

        SdkResponse<TaskStatusResponse> r = client.tasks().withRawResponse().get(Fixtures.byId(49),
                RequestOptions.none());

        TaskStatusResponse task = r.value();
        assertEquals(49L, task.getTaskId());
        assertEquals(1L, task.getWorkspaceId());
        assertNull(task.getBatchId());
        assertEquals("Task display name", task.getDisplayName());
        assertEquals(OffsetDateTime.parse("2022-03-28T14:28:56Z"), task.getCreatedOn());
        assertEquals(TaskStatus.of(4), TaskStatus.from(task).orElseThrow());
        assertFalse(TaskStatus.from(task).orElseThrow().isKnown());
        assertEquals(0, IntegrationStatus.from(task).orElseThrow().code());
        assertEquals("req-1", r.requestId().orElseThrow());
        wm.verify(getRequestedFor(urlPathEqualTo(STATUS_PATH))
                .withQueryParam("taskId", equalTo("49"))
                .withQueryParam("externalId", absent())
                .withHeader("Authorization", equalTo("Bearer " + Fixtures.STATIC_TOKEN)));
    }

    @Test
    void getsOneTaskByExternalIdOrByBoth() {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(TASK_STATUS_EXAMPLE)));

        client.tasks().get(Fixtures.byExternalId("erp invoice/0001"), RequestOptions.none());
        client.tasks().get(TasksService.GetParams.builder().taskId(49L).externalId("erp-1").build(),
                RequestOptions.none());

        wm.verify(getRequestedFor(urlPathEqualTo(STATUS_PATH))
                .withQueryParam("externalId", equalTo("erp invoice/0001")).withQueryParam("taskId", absent()));
        wm.verify(getRequestedFor(urlPathEqualTo(STATUS_PATH))
                .withQueryParam("externalId", equalTo("erp-1")).withQueryParam("taskId", equalTo("49")));
    }

    @Test
    void unknownFieldsUnknownStatusCodesAndMissingRequiredFieldsStillParse() {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson("""
                {
                  "taskId": 49,
                  "taskStatus": 77,
                  "taskStatusText": "AwaitingSignature",
                  "integrationStatus": 9,
                  "integrationStatusText": "PartiallyIntegrated",
                  "externalIntegrationStatus": "exported",
                  "documentClass": "Invoice",
                  "confidence": {"overall": 0.93}
                }
                """)));

        TaskStatusResponse task = client.tasks().get(Fixtures.byId(49), RequestOptions.none());

        TaskStatus status = TaskStatus.from(task).orElseThrow();
        assertEquals(77, status.code());
        assertEquals("AwaitingSignature", status.name());
        assertFalse(status.isKnown());
        assertEquals("PartiallyIntegrated", IntegrationStatus.from(task).orElseThrow().name());
        assertEquals("exported", task.getExternalIntegrationStatus());
        assertNull(task.getWorkspaceId());
        assertEquals("Invoice", task.getAdditionalProperty("documentClass"));
    }

    @Test
    void knownStatusCodesBecomeTheNamedConstants() {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(Fixtures.task(7, 32, "never"))));

        TaskStatus status = TaskStatus.from(client.tasks().get(Fixtures.byId(7), RequestOptions.none()))
                .orElseThrow();

        assertTrue(status == TaskStatus.PRE_PROCESSING_FAILED);
        assertEquals("PreProcessingFailed", status.name());
        assertTrue(status.isFailure());
    }

    @Test
    void listsEveryTaskWithEveryDocumentedFilterRepeatedAsTheApiExpects() {
        wm.stubFor(get(urlPathEqualTo(STATUS_LIST_PATH)).willReturn(okJson("[" + TASK_STATUS_EXAMPLE + "]")));
        TasksService.ListUnpaginatedParams query = TasksService.ListUnpaginatedParams.builder()
                .startDate(OffsetDateTime.of(2022, 3, 16, 17, 59, 55, 0, ZoneOffset.ofHours(1)))
                .endDate(OffsetDateTime.parse("2022-12-25T16:59:55Z"))
                .taskStatus(List.of(TaskStatus.QUEUED_FOR_PRE_PROCESSING.code(),
                        TaskStatus.PRE_PROCESSING_IN_PROGRESS.code()))
                .integrationStatus(List.of(IntegrationStatus.of(1).code(), IntegrationStatus.of(2).code()))
                .workspaceId(List.of(1L, 2L))
                .externalIntegrationStatus("never")
                .sort("createdOn")
                .build();

        List<TaskStatusResponse> tasks = client.tasks().listUnpaginated(query, RequestOptions.none());

        assertEquals(1, tasks.size());
        assertEquals(49L, tasks.get(0).getTaskId());
        wm.verify(getRequestedFor(urlPathEqualTo(STATUS_LIST_PATH))
                .withQueryParam("startDate", equalTo("2022-03-16T16:59:55Z"))
                .withQueryParam("endDate", equalTo("2022-12-25T16:59:55Z"))
                .withQueryParam("taskStatus", havingExactly("30", "31"))
                .withQueryParam("integrationStatus", havingExactly("1", "2"))
                .withQueryParam("workspaceId", havingExactly("1", "2"))
                .withQueryParam("externalIntegrationStatus", equalTo("never"))
                .withQueryParam("sort", equalTo("createdOn"))
                .withQueryParam("pageNumber", absent()));
    }

    @Test
    void onlyTheGivenFiltersAreSent() {
        wm.stubFor(get(urlPathEqualTo(STATUS_LIST_PATH)).willReturn(okJson("[]")));

        List<TaskStatusResponse> tasks = client.tasks().listUnpaginated(TasksService.ListUnpaginatedParams.builder()
                .endDate(OffsetDateTime.parse("2022-12-25T16:59:55Z")).build(), RequestOptions.none());

        assertTrue(tasks.isEmpty());
        wm.verify(getRequestedFor(urlPathEqualTo(STATUS_LIST_PATH))
                .withQueryParam("endDate", equalTo("2022-12-25T16:59:55Z"))
                .withQueryParam("startDate", absent())
                .withQueryParam("taskStatus", absent())
                .withQueryParam("sort", absent()));
    }

    @Test
    void paginatedListIsLazyAndStopsAtAShortPageWithoutCounters() {
        TasksService.ListParams query = WINDOW.toBuilder().pageSize(3).build();
        stubPage(1, "{\"items\": " + Fixtures.tasks(1, 3) + "}");
        stubPage(2, "{\"items\": " + Fixtures.tasks(4, 3) + "}");
        stubPage(3, "{\"items\": " + Fixtures.tasks(7, 1) + "}");

        PagedIterable<TaskStatusResponse> all = client.tasks().list(query, RequestOptions.none());
        assertEquals(0, wm.getAllServeEvents().size(), "nothing is fetched before iteration");

        assertEquals(List.of(1L, 2L), all.stream().limit(2).map(TaskStatusResponse::getTaskId).toList());
        assertEquals(1, wm.getAllServeEvents().size(), "only the first page is fetched for two items");

        wm.resetRequests();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), all.stream().map(TaskStatusResponse::getTaskId).toList());
        assertEquals(3, wm.getAllServeEvents().size());
        wm.verify(getRequestedFor(urlPathEqualTo(STATUS_PAGE_PATH))
                .withQueryParam("pageNumber", equalTo("3"))
                .withQueryParam("pageSize", equalTo("3"))
                .withQueryParam("startDate", equalTo("2022-03-16T16:59:55Z"))
                .withQueryParam("endDate", equalTo("2022-12-25T16:59:55Z")));
    }

    @Test
    void paginatedListFollowsTheEnvelopesCountersWhenPresent() {
        // Page size 2 requested, but the server caps pages at 1 item: the counters, not the short page, decide.
        TasksService.ListParams query = WINDOW.toBuilder().pageSize(2).build();
        stubPage(1, "{\"items\": " + Fixtures.tasks(1, 1) + ", \"pageNumber\": 1, \"totalPages\": 2}");
        stubPage(2, "{\"items\": " + Fixtures.tasks(2, 1) + ", \"pageNumber\": 2, \"totalPages\": 2}");

        List<Long> ids = client.tasks().list(query, RequestOptions.none()).stream()
                .map(TaskStatusResponse::getTaskId).toList();

        assertEquals(List.of(1L, 2L), ids);
        assertEquals(2, wm.getAllServeEvents().size());
    }

    @Test
    void paginatedListStopsWhenTheServerSaysThereIsNoNextPage() {
        stubPage(1, "{\"items\": " + Fixtures.tasks(1, 10) + ", \"hasNextPage\": true}");
        stubPage(2, "{\"items\": " + Fixtures.tasks(11, 10) + ", \"hasNextPage\": false}");

        assertEquals(20, client.tasks().list(WINDOW, RequestOptions.none()).stream().count());
        assertEquals(2, wm.getAllServeEvents().size());
        // the documented default is sent, so that a short page means what the walk assumes
        wm.verify(2, getRequestedFor(urlPathEqualTo(STATUS_PAGE_PATH)).withQueryParam("pageSize", equalTo("10")));
    }

    @Test
    void paginatedListAcceptsOtherEnvelopeShapes() {
        stubPage(1, "{\"Data\": " + Fixtures.tasks(1, 10) + ", \"TotalRecords\": 12}");
        stubPage(2, Fixtures.tasks(11, 2));

        List<Long> ids = client.tasks().list(WINDOW, RequestOptions.none()).stream()
                .map(TaskStatusResponse::getTaskId).toList();

        assertEquals(12, ids.size());
        assertEquals(12L, ids.get(11));
    }

    @Test
    void onePageKeepsTheEnvelopeAndItsUnknownProperties() {
        stubPage(2, """
                {"results": %s, "pageNumber": 2, "totalCount": 13, "continuation": "abc"}
                """.formatted(Fixtures.tasks(11, 3)));

        TaskStatusPage page = client.tasks().listPage(WINDOW.toBuilder().pageNumber(2).build(), RequestOptions.none());

        assertEquals(3, page.getItems().size());
        assertEquals(2, page.getPageNumber());
        assertEquals(13L, page.getTotalCount());
        assertEquals("abc", page.getAdditionalProperty("continuation"));
    }

    @Test
    void anEmptyFirstPageMeansNoTasks() {
        stubPage(1, "{\"items\": []}");

        assertFalse(client.tasks().list(WINDOW, RequestOptions.none()).iterator().hasNext());
        assertEquals(1, wm.getAllServeEvents().size());
    }

    private static void stubPage(int number, String body) {
        wm.stubFor(get(urlPathEqualTo(STATUS_PAGE_PATH)).withQueryParam("pageNumber", equalTo(String.valueOf(number)))
                .willReturn(okJson(body)));
    }

}
