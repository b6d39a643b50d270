package com.docsdk.smartdocumentor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.Sleeper;
import com.docsdk.core.wait.WaitFailedException;
import com.docsdk.smartdocumentor.model.CreateTaskRequest;
import com.docsdk.smartdocumentor.model.CreateTaskResponse;
import com.docsdk.smartdocumentor.model.TaskContext;
import com.docsdk.smartdocumentor.model.TaskStatusResponse;
import com.docsdk.smartdocumentor.service.TasksService;
import com.docsdk.testkit.OpenApiContract;
import com.docsdk.testkit.SimulatedFault;
import com.docsdk.testkit.SmartDocumentorSimulator;
import com.docsdk.testkit.TestClock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SmartDocumentor facade driving the integration loop against the stateful {@link SmartDocumentorSimulator}
 * over real HTTP on loopback: OAuth2 client credentials at {@code /connect/token}, tasks created and polled until
 * processed (30 → 31 → 34), the status lists filtered by external integration status {@code never}, the external
 * status set and checked on the simulator, token expiry and revocation (one refresh), reprocessing and injected
 * faults. Waits are recorded, never slept.
 */
class SmartDocumentorSimulatorFlowTest {
    private static final String CLIENT_ID = "erp-integration";
    private static final String CLIENT_SECRET = "s3cr3t-for-the-simulator";
    private static final Instant START = Instant.parse("2025-06-15T12:00:00Z");
    private static final OffsetDateTime SINCE = OffsetDateTime.parse("2025-06-14T12:00:00Z");
    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("smartdocumentor");
    private static final Predicate<TaskStatusResponse> PROCESSED =
            t -> TaskStatus.from(t).filter(TaskStatus.PRE_PROCESSING_SUCCESSFUL::equals).isPresent();
    private static final PollOptions FAST = PollOptions.builder().interval(Duration.ofMillis(10))
            .maxInterval(Duration.ofMillis(20)).timeout(Duration.ofMinutes(1)).build();

    static final TestClock clock = TestClock.at(START);

    @RegisterExtension
    static SmartDocumentorSimulator sim = SmartDocumentorSimulator.create()
            .clientCredentials(CLIENT_ID, CLIENT_SECRET)
            .clock(clock)
            .pollsUntilProcessed(3);

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final Sleeper sleeper = sleeps::add;
    private SmartDocumentorClient client;

    @BeforeEach
    void setUp() {
        clock.set(START);
        sim.tokenLifetime(Duration.ofHours(1)).pollsUntilProcessed(3).finalTaskStatus(34);
        // the client keeps its own (system) clock: the simulator decides when a token has expired
        client = client(CLIENT_SECRET);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private SmartDocumentorClient client(String secret) {
        return SmartDocumentorClient.builder()
                .clientCredentials(CLIENT_ID, secret)
                .baseUrl(sim.baseUrl())
                .sleeper(sleeper)
                .build();
    }

    @Test
    void integrationLoopCreatesAwaitsListsNeverAndMarksTasks() {
        List<Long> ids = List.of(create("erp-invoice-0001"), create("erp-invoice-0002"), create("erp-invoice-0003"));

        for (long id : ids) {
            TaskStatusResponse done = client.awaitTask(Fixtures.byId(id), PROCESSED, FAST);
            assertEquals(TaskStatus.PRE_PROCESSING_SUCCESSFUL, TaskStatus.from(done).orElseThrow());
            assertEquals(1, done.getTotalPages());
        }
        assertEquals(Optional.of(34), sim.taskStatus(ids.get(0)));

        TasksService.ListParams never = TasksService.ListParams.builder()
                .startDate(SINCE)
                .externalIntegrationStatus(SmartDocumentorClient.EXTERNAL_STATUS_NEVER)
                .sort("taskId")
                .pageSize(2) // three tasks: two pages
                .build();
        List<TaskStatusResponse> todo = client.tasks().list(never, RequestOptions.none()).stream()
                .collect(Collectors.toList());
        assertEquals(ids, todo.stream().map(TaskStatusResponse::getTaskId).collect(Collectors.toList()));
        assertTrue(todo.stream().allMatch(t -> "never".equals(t.getExternalIntegrationStatus())));

        for (TaskStatusResponse task : todo.subList(0, 2)) {
            assertNotNull(client.tasks().getExportData(task.getTaskId()));
            Fixtures.mark(client, task.getTaskId(), "exported");
        }
        assertEquals(Optional.of("exported"), sim.externalIntegrationStatus(ids.get(0)));
        assertEquals(Optional.of("exported"), sim.externalIntegrationStatus(ids.get(1)));
        assertEquals(Optional.of("never"), sim.externalIntegrationStatus(ids.get(2)));

        assertEquals(List.of(ids.get(2)), client.tasks().list(never, RequestOptions.none()).stream()
                .map(TaskStatusResponse::getTaskId).collect(Collectors.toList()));
        TasksService.ListUnpaginatedParams exported = TasksService.ListUnpaginatedParams.builder().startDate(SINCE)
                .externalIntegrationStatus("exported").sort("taskId").build();
        assertEquals(ids.subList(0, 2), client.tasks().listUnpaginated(exported, RequestOptions.none()).stream()
                .map(TaskStatusResponse::getTaskId).collect(Collectors.toList()));
        assertEquals("exported", client.tasks().get(Fixtures.byExternalId("erp-invoice-0002"), RequestOptions.none())
                .getExternalIntegrationStatus());

        assertEquals(1, tokenRequests(), "one token for the whole loop");
        assertTrue(sleeps.stream().allMatch(d -> d.compareTo(Duration.ofMillis(20)) <= 0), sleeps.toString());
        CONTRACT.assertRequestsMatch(sim.requests(), r -> true);
    }

    @Test
    void pollingStatusWalksQueuedInProgressProcessed() {
        CreateTaskResponse created = client.tasks().create(request("erp-poll-1"));
        assertEquals(TaskStatus.QUEUED_FOR_PRE_PROCESSING, TaskStatus.from(created).orElseThrow());

        List<Integer> seen = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            seen.add(client.tasks().get(Fixtures.byExternalId("erp-poll-1"), RequestOptions.none()).getTaskStatus());
        }
        assertEquals(List.of(31, 31, 34), seen);
        assertThrows(NotFoundException.class,
                () -> client.tasks().get(Fixtures.byExternalId("no-such-task"), RequestOptions.none()));
    }

    @Test
    void failedPreProcessingEndsTheWait() {
        sim.finalTaskStatus(32);
        long id = create("erp-broken");

        WaitFailedException e = assertThrows(WaitFailedException.class,
                () -> client.awaitTask(Fixtures.byId(id), PROCESSED, FAST));

        assertEquals(3, e.polls());
        assertTrue(e.lastStatus().orElseThrow().contains("32") || e.lastStatus().orElseThrow()
                .contains("PreProcessingFailed"), e.lastStatus().toString());
    }

    @Test
    void expiredTokenIsRefreshedOnceAndTheRequestReplayed() {
        long id = create("erp-expiry");
        assertEquals(1, tokenRequests());

        clock.advance(Duration.ofHours(2)); // expired for the simulator; the client still believes it fresh
        TaskStatusResponse status = client.tasks().get(Fixtures.byId(id), RequestOptions.none());

        assertEquals(id, status.getTaskId());
        assertEquals(2, tokenRequests(), "exactly one refresh");
        assertEquals(2, sim.requests().stream().filter(r -> r.getUrl().contains("/sdtask/status?")).count(),
                "one rejected attempt, one replay");
    }

    @Test
    void shortTokenLifetimeIsRefreshedOnTheSimulatorsClock() {
        sim.tokenLifetime(Duration.ofSeconds(90));
        long id = create("erp-short");
        clock.advance(Duration.ofSeconds(120));

        Fixtures.mark(client, id, "in-review");

        assertEquals(Optional.of("in-review"), sim.externalIntegrationStatus(id));
        assertEquals(2, tokenRequests());
    }

    @Test
    void revokedTokensAreReplacedByOneRefresh() {
        long id = create("erp-revoked");
        sim.revokeTokens();

        Fixtures.mark(client, id, "exported");

        assertEquals(Optional.of("exported"), sim.externalIntegrationStatus(id));
        assertEquals(2, tokenRequests());
    }

    @Test
    void wrongClientSecretIsAnAuthenticationException() {
        try (SmartDocumentorClient wrong = client("not-the-secret")) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> wrong.tasks().get(Fixtures.byId(1000), RequestOptions.none()));
            assertEquals(Optional.of("invalid_client"), e.errorCode());
        }
    }

    @Test
    void reprocessingResetsTheExternalStatusToNever() {
        long id = create("erp-reprocess");
        client.awaitTask(Fixtures.byId(id), PROCESSED, FAST);
        client.tasks().updateExternalIntegrationStatus(
                new com.docsdk.smartdocumentor.model.PatchExternalIntegrationStatusRequest()
                        .externalIntegrationStatus("exported"),
                TasksService.UpdateExternalIntegrationStatusParams.builder().externalId("erp-reprocess").build(),
                RequestOptions.none());
        assertEquals(Optional.of("exported"), sim.externalIntegrationStatus(id));

        client.tasks().reprocess(TasksService.ReprocessParams.builder().taskId(id).build(), RequestOptions.none());

        assertEquals(Optional.of("never"), sim.externalIntegrationStatus(id));
        assertEquals(Optional.of(30), sim.taskStatus(id));
        TaskStatusResponse after = client.tasks().get(Fixtures.byId(id), RequestOptions.none());
        assertEquals("never", after.getExternalIntegrationStatus());
        assertEquals(1, after.getRestartCount());
        TasksService.ListUnpaginatedParams never = TasksService.ListUnpaginatedParams.builder().startDate(SINCE)
                .externalIntegrationStatus(SmartDocumentorClient.EXTERNAL_STATUS_NEVER).build();
        assertEquals(List.of(id), client.tasks().listUnpaginated(never, RequestOptions.none()).stream()
                .map(TaskStatusResponse::getTaskId).collect(Collectors.toList()));
    }

    @Test
    void injectedFaultsAreAbsorbedByRetries() {
        long id = create("erp-faults");
        sim.injectFaults(SimulatedFault.CONNECTION_RESET, 1).injectFaults(SimulatedFault.SERVICE_UNAVAILABLE, 2);

        TaskStatusResponse done = client.awaitTask(Fixtures.byId(id), PROCESSED, FAST);

        assertEquals(34, done.getTaskStatus());
        assertTrue(sleeps.contains(Duration.ofSeconds(1)), "the 503's Retry-After: 1 was honoured: " + sleeps);
        // the idempotent PATCH survives a reset connection too
        sim.injectFaults(SimulatedFault.CONNECTION_RESET, 1);
        Fixtures.mark(client, id, "exported");
        assertEquals(Optional.of("exported"), sim.externalIntegrationStatus(id));
        CONTRACT.assertRequestsMatch(sim.requests(), r -> true);
    }

    private long create(String externalId) {
        CreateTaskResponse created = client.tasks().create(request(externalId));
        assertNotNull(created.getTaskId(), "the simulator returns the created task");
        return created.getTaskId();
    }

    private static CreateTaskRequest request(String externalId) {
        return new CreateTaskRequest()
                .displayName("Invoice " + externalId)
                .externalId(externalId)
                .workspaceId(1L)
                .context(new TaskContext().url("https://files.example.com/" + externalId + ".pdf?sig=abc"));
    }

    private static long tokenRequests() {
        return sim.requests().stream().map(LoggedRequest::getUrl).filter("/connect/token"::equals).count();
    }
}
