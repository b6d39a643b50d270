package com.docsdk.smartdocumentor;

import com.docsdk.core.FakeTime;

import static com.docsdk.smartdocumentor.Fixtures.EXPORT_PATH_PREFIX;
import static com.docsdk.smartdocumentor.Fixtures.EXTERNAL_STATUS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.REPROCESS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.STATUS_PAGE_PATH;
import static com.docsdk.smartdocumentor.Fixtures.STATUS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.task;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.wait.WaitFailedException;
import com.docsdk.core.wait.WaitTimeoutException;
import com.docsdk.smartdocumentor.model.ExportDataResponse;
import com.docsdk.smartdocumentor.model.PatchExternalIntegrationStatusRequest;
import com.docsdk.smartdocumentor.model.TaskStatusResponse;
import com.docsdk.smartdocumentor.service.TasksService;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The vendor's flows end to end against stateful WireMock scenarios, with a clock that never really waits. */
class IntegrationFlowTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final Predicate<TaskStatusResponse> PRE_PROCESSED =
            t -> TaskStatus.from(t).filter(TaskStatus.PRE_PROCESSING_SUCCESSFUL::equals).isPresent();

    private FakeTime clock;
    private SmartDocumentorClient client;

    @BeforeEach
    void setUp() {
        clock = new FakeTime(Instant.parse("2025-01-01T00:00:00Z"));
        client = Fixtures.builder(wm).clock(clock).sleeper(clock).accessToken(Fixtures.STATIC_TOKEN).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        Fixtures.contract().assertRequestsMatch(wm);
    }

    /** The documented flow: list tasks still {@code never} integrated, process them, mark them with our status. */
    @Test
    void listsPendingTasksProcessesThemAndMarksThem() {
        // Two pending tasks; each PATCH takes one out of the "never" filter, as the real service does.
        stubPending(Scenario.STARTED, "[" + task(101, 34, "never") + "," + task(102, 34, "never") + "]");
        stubPending("101-done", "[" + task(102, 34, "never") + "]");
        stubPending("all-done", "[]");
        stubMark(101, Scenario.STARTED, "101-done");
        stubMark(102, "101-done", "all-done");
        for (long id : new long[] {101, 102}) {
            wm.stubFor(get(urlPathEqualTo(EXPORT_PATH_PREFIX + id))
                    .willReturn(okJson("{\"taskId\": " + id + ", \"displayName\": \"Invoice " + id + "\"}")));
        }
        TasksService.ListParams pending = TasksService.ListParams.builder()
                .startDate(OffsetDateTime.parse("2024-12-25T00:00:00Z"))
                .externalIntegrationStatus(SmartDocumentorClient.EXTERNAL_STATUS_NEVER)
                .pageSize(50)
                .build();

        // The flow exactly as documented on SmartDocumentorClient and in the README.
        List<String> imported = new ArrayList<>();
        List<TaskStatusResponse> todo = client.tasks().list(pending, RequestOptions.none()).stream().toList();
        for (TaskStatusResponse task : todo) {
            ExportDataResponse data = client.tasks().getExportData(task.getTaskId());
            imported.add(data.getDisplayName());
            client.tasks().updateExternalIntegrationStatus(
                    new PatchExternalIntegrationStatusRequest().externalIntegrationStatus("exported"),
                    TasksService.UpdateExternalIntegrationStatusParams.builder().taskId(task.getTaskId()).build(),
                    RequestOptions.none());
        }

        assertEquals(List.of("Invoice 101", "Invoice 102"), imported);
        assertEquals(0, client.tasks().list(pending, RequestOptions.none()).stream().count(),
                "nothing is left pending");
        wm.verify(2, patchRequestedFor(urlPathEqualTo(EXTERNAL_STATUS_PATH))
                .withRequestBody(equalToJson("{\"externalIntegrationStatus\": \"exported\"}")));
        wm.verify(2, getRequestedFor(urlPathEqualTo(STATUS_PAGE_PATH))
                .withQueryParam("externalIntegrationStatus", equalTo("never"))
                .withQueryParam("pageNumber", equalTo("1"))
                .withQueryParam("pageSize", equalTo("50")));
    }

    @Test
    void reprocessingResetsTheExternalStatusToNever() {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).inScenario("reprocess").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(task(49, 34, "exported"))));
        wm.stubFor(patch(urlPathEqualTo(REPROCESS_PATH)).inScenario("reprocess")
                .willReturn(aResponse().withStatus(200)).willSetStateTo("reprocessed"));
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).inScenario("reprocess").whenScenarioStateIs("reprocessed")
                .willReturn(okJson("{\"taskId\": 49, \"taskStatus\": 30, \"restartCount\": 1,"
                        + " \"externalIntegrationStatus\": \"never\"}")));
        TasksService.GetParams ref = Fixtures.byId(49);

        assertEquals("exported", client.tasks().get(ref, RequestOptions.none()).getExternalIntegrationStatus());
        client.tasks().reprocess(TasksService.ReprocessParams.builder().taskId(49L).build(), RequestOptions.none());
        TaskStatusResponse after = client.tasks().get(ref, RequestOptions.none());

        assertEquals(SmartDocumentorClient.EXTERNAL_STATUS_NEVER, after.getExternalIntegrationStatus());
        assertEquals(1, after.getRestartCount());
        assertEquals(TaskStatus.QUEUED_FOR_PRE_PROCESSING, TaskStatus.from(after).orElseThrow());
    }

    @Test
    void awaitsATaskThroughQueuedInProgressAndAnUnknownCode() {
        stubStatusSequence(30, 31, 77, 34);

        TaskStatusResponse done = client.awaitTask(Fixtures.byExternalId("erp-1"), PRE_PROCESSED,
                PollOptions.builder().interval(Duration.ofSeconds(2)).backoffMultiplier(1.0).build());

        assertEquals(34, done.getTaskStatus());
        wm.verify(4, getRequestedFor(urlPathEqualTo(STATUS_PATH)).withQueryParam("externalId", equalTo("erp-1")));
        assertEquals(List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)),
                clock.sleeps);
    }

    @Test
    void aKnownFailureEndsTheWait() {
        stubStatusSequence(30, 33);

        WaitFailedException e = assertThrows(WaitFailedException.class,
                () -> client.awaitTask(Fixtures.byId(49), PRE_PROCESSED, PollOptions.defaults()));

        assertTrue(e.getMessage().contains("PreProcessingDownloadFailed"), e.getMessage());
        wm.verify(2, getRequestedFor(urlPathEqualTo(STATUS_PATH)));
    }

    @Test
    void aTaskThatNeverFinishesTimesOutOnTheTestClock() {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(task(49, 31, "never"))));

        assertThrows(WaitTimeoutException.class, () -> client.awaitTask(Fixtures.byId(49), PRE_PROCESSED,
                PollOptions.builder().interval(Duration.ofSeconds(10)).backoffMultiplier(1.0)
                        .timeout(Duration.ofMinutes(1)).build()));

        int polls = wm.findAll(getRequestedFor(urlPathEqualTo(STATUS_PATH))).size();
        assertTrue(polls >= 6 && polls <= 8, "polled " + polls + " times in one simulated minute");
    }

    @Test
    void awaitsInTheBackground() throws Exception {
        stubStatusSequence(31, 34);

        TaskStatusResponse done = client.awaitTaskAsync(Fixtures.byId(49), PRE_PROCESSED,
                PollOptions.builder().interval(Duration.ofMillis(1)).build()).get(10, TimeUnit.SECONDS);

        assertEquals(34, done.getTaskStatus());
    }

    private static void stubPending(String state, String tasks) {
        wm.stubFor(get(urlPathEqualTo(STATUS_PAGE_PATH)).inScenario("integration").whenScenarioStateIs(state)
                .willReturn(okJson("{\"items\": " + tasks + "}")));
    }

    private static void stubMark(long id, String from, String to) {
        wm.stubFor(patch(urlPathEqualTo(EXTERNAL_STATUS_PATH)).withQueryParam("taskId", equalTo(String.valueOf(id)))
                .inScenario("integration").whenScenarioStateIs(from)
                .willReturn(aResponse().withStatus(200)).willSetStateTo(to));
    }

    /** The status endpoint answering the given codes in turn, then the last one forever. */
    private static void stubStatusSequence(int... codes) {
        for (int i = 0; i < codes.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "poll-" + i;
            var stub = get(urlPathEqualTo(STATUS_PATH)).inScenario("wait").whenScenarioStateIs(state)
                    .willReturn(okJson(task(49, codes[i], "never")));
            wm.stubFor(i < codes.length - 1 ? stub.willSetStateTo("poll-" + (i + 1)) : stub);
        }
    }
}
