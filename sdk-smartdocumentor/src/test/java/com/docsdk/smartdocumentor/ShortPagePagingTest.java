package com.docsdk.smartdocumentor;

import static com.docsdk.smartdocumentor.Fixtures.STATUS_PAGE_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.docsdk.core.paging.PagedIterable;
import com.docsdk.core.RequestOptions;
import com.docsdk.smartdocumentor.model.TaskStatusResponse;
import com.docsdk.smartdocumentor.service.TasksService;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paginator of {@code statuslistpaginated} against a page shorter than {@code pageSize} whose counters announce
 * more ({@code totalCount}, {@code totalPages} or {@code hasNextPage}; see {@code x-docsdk-paging} in
 * openapi/smartdocumentor.yaml): the later page is requested and its tasks are returned. Also the documented form of
 * the date filters in the query string.
 */
class ShortPagePagingTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final TasksService.ListParams WINDOW = TasksService.ListParams.builder()
            .startDate(OffsetDateTime.parse("2022-03-16T16:59:55Z")).build();

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

    private static void stubPage(int number, String body) {
        wm.stubFor(get(urlPathEqualTo(STATUS_PAGE_PATH)).withQueryParam("pageNumber", equalTo(String.valueOf(number)))
                .willReturn(okJson(body)));
    }

    private List<Long> ids(PagedIterable<TaskStatusResponse> tasks) {
        return tasks.stream().map(TaskStatusResponse::getTaskId).toList();
    }

    @Test
    void aTotalCountAboveTheTasksReadFetchesTheNextPage() {
        stubPage(1, "{\"items\": " + Fixtures.tasks(1, 3) + ", \"totalCount\": 5}");
        stubPage(2, "{\"items\": " + Fixtures.tasks(4, 2) + ", \"totalCount\": 5}");

        PagedIterable<TaskStatusResponse> tasks = client.tasks().list(WINDOW, RequestOptions.none());

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(tasks));
        assertEquals(OptionalLong.of(5), tasks.totalItems());
        wm.verify(2, getRequestedFor(urlPathEqualTo(STATUS_PAGE_PATH)));
    }

    @Test
    void totalPagesAboveThePageNumberFetchesTheNextPage() {
        stubPage(1, "{\"items\": " + Fixtures.tasks(1, 4) + ", \"pageNumber\": 1, \"totalPages\": 2}");
        stubPage(2, "{\"items\": " + Fixtures.tasks(5, 1) + ", \"pageNumber\": 2, \"totalPages\": 2}");

        PagedIterable<TaskStatusResponse> tasks = client.tasks().list(WINDOW, RequestOptions.none());

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(tasks));
        assertEquals(OptionalInt.of(2), tasks.totalPages());
        wm.verify(2, getRequestedFor(urlPathEqualTo(STATUS_PAGE_PATH)));
    }

    @Test
    void hasNextPageOnAShortPageFetchesTheNextPage() {
        stubPage(1, "{\"items\": " + Fixtures.tasks(1, 2) + ", \"hasNextPage\": true}");
        stubPage(2, "{\"items\": " + Fixtures.tasks(3, 1) + ", \"hasNextPage\": false}");

        assertEquals(List.of(1L, 2L, 3L), ids(client.tasks().list(WINDOW, RequestOptions.none())));
        wm.verify(2, getRequestedFor(urlPathEqualTo(STATUS_PAGE_PATH)));
    }

    @Test
    void dateFiltersAreSentInTheDocumentedFormWholeSecondsInUtc() {
        stubPage(1, "{\"items\": []}");

        client.tasks().listPage(TasksService.ListParams.builder()
                .startDate(OffsetDateTime.parse("2022-03-16T16:59:55.250Z"))
                .endDate(OffsetDateTime.parse("2022-12-25T17:59:55.999999+01:00")).build(), RequestOptions.none());

        // one page without a page number: the first, which the spec requires to be named
        assertEquals(STATUS_PAGE_PATH + "?pageNumber=1&startDate=2022-03-16T16%3A59%3A55Z"
                + "&endDate=2022-12-25T16%3A59%3A55Z", wm.getAllServeEvents().get(0).getRequest().getUrl());
    }
}
