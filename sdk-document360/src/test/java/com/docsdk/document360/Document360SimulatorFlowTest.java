package com.docsdk.document360;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.Sleeper;
import com.docsdk.core.wait.WaitFailedException;
import com.docsdk.document360.model.ExportTask;
import com.docsdk.document360.model.Project;
import com.docsdk.document360.model.ProjectVersion;
import com.docsdk.document360.service.ProjectsService;
import com.docsdk.testkit.Document360Simulator;
import com.docsdk.testkit.OpenApiContract;
import com.docsdk.testkit.SimulatedFault;
import com.docsdk.testkit.TestClock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Document360 facade driving projects, workspaces and exports against the stateful {@link Document360Simulator}
 * over real HTTP on loopback, in both of its dialects (v3.1 workspaces and the older project versions): every page of
 * projects, the workspaces chosen by id, name or default and exported, an export walked Pending → InProgress →
 * Completed and downloaded from the SAS URL without any Document360 credential (the simulated store refuses a
 * request carrying {@code Authorization}), an expired SAS URL re-issued, a failed export, the empty-bodied 401 and
 * injected faults. Waits are recorded, never slept.
 */
class Document360SimulatorFlowTest {
    private static final String TOKEN = "d360-sim-flow-token";
    private static final UUID PROJECT = UUID.fromString(Document360Simulator.DEFAULT_PROJECT_ID);
    private static final UUID WORKSPACE = UUID.fromString(Document360Simulator.DEFAULT_WORKSPACE_ID);
    private static final byte[] CONTENT = "PK\u0003\u0004 the product docs as a simulated zip"
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("document360");
    private static final PollOptions FAST = PollOptions.builder().interval(Duration.ofMillis(10))
            .maxInterval(Duration.ofMillis(20)).timeout(Duration.ofMinutes(1)).build();

    static final TestClock clock = TestClock.at(Instant.parse("2025-09-01T09:00:00Z"));

    @RegisterExtension
    static Document360Simulator sim = Document360Simulator.create()
            .expectApiKey(TOKEN)
            .clock(clock)
            .pollsUntilCompleted(3)
            .exportContent(CONTENT);

    @TempDir
    Path dir;

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final Sleeper sleeper = sleeps::add;
    private Document360Client client;

    @BeforeEach
    void setUp() {
        sim.failExports(false).pollsUntilCompleted(3).downloadUrlLifetime(Duration.ofMinutes(30))
                .dialect(Document360Simulator.Dialect.WORKSPACES);
        client = client(b -> b.bearerToken(TOKEN));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private Document360Client client(Function<Document360Client.Builder, Document360Client.Builder> credentials) {
        return credentials.apply(Document360Client.builder())
                .baseUrl(sim.baseUrl())
                .sleeper(sleeper)
                .exportPollOptions(FAST)
                .build();
    }

    @Test
    void listsEveryPageOfProjectsAndTheWorkspaces() {
        String a = sim.addProject("Release Notes");
        String b = sim.addProject("API Reference");
        String c = sim.addProject("Partner Portal");

        List<String> ids = client.projects().list(ProjectsService.ListParams.builder().pageSize(2).build(),
                        RequestOptions.none()).stream()
                .map(p -> p.getId().toString()).collect(Collectors.toList());

        assertEquals(List.of(Document360Simulator.DEFAULT_PROJECT_ID, "e3f4a5b6-7c8d-9e0f-1a2b-3c4d5e6f7a8b", a, b, c),
                ids);
        assertEquals(3, sim.requests().stream().filter(r -> r.getUrl().startsWith("/v3/projects?")).count(),
                "five projects, two per page");
        assertEquals(5, client.projects().list().stream().count(), "the default page size fetches them at once");

        List<Workspace> workspaces = client.listWorkspaces(PROJECT).stream().collect(Collectors.toList());
        assertEquals(1, workspaces.size());
        assertEquals(WORKSPACE, workspaces.get(0).id().orElseThrow());
        assertTrue(workspaces.get(0).isDefault());
        assertEquals("KnowledgeBase", workspaces.get(0).workspaceType().orElseThrow());
        Project project = client.projects().get(PROJECT);
        assertEquals("Product Documentation", project.getName());
        CONTRACT.assertRequestsMatch(sim.requests(), r -> true);
    }

    @Test
    void exportToFileWalksPendingInProgressCompletedAndDownloadsWithoutCredentials() throws Exception {
        Path target = dir.resolve("product-docs.zip");

        CompletedExport done = client.exportToFile(PROJECT,
                ExportRequest.builder().format("pdf").languageCode("en").workspaceId(WORKSPACE).build(), target);

        assertEquals("Completed", done.export().getStatus());
        assertEquals(target, done.file());
        assertArrayEquals(CONTENT, Files.readAllBytes(target));
        assertEquals(CONTENT.length, done.download().bytes());
        assertEquals("Completed", sim.exportStatus(done.export().getId().toString()).orElseThrow());
        assertEquals(3, sim.requests().stream().filter(r -> "GET".equals(r.getMethod().getName()))
                .filter(r -> r.getUrl().startsWith("/v3/projects/" + PROJECT + "/exports/")).count(),
                "two InProgress polls, then Completed");
        assertStorageSawNoCredentials(1);
        assertTrue(sleeps.stream().allMatch(d -> d.compareTo(Duration.ofMillis(20)) <= 0), sleeps.toString());
        CONTRACT.assertRequestsMatch(sim.requests(), r -> !isStorage(r));
    }

    @ParameterizedTest
    @EnumSource(Document360Simulator.Dialect.class)
    void choosesAndExportsWorkspacesInEitherDialectDetectingItOnce(Document360Simulator.Dialect dialect)
            throws Exception {
        sim.dialect(dialect);
        String v2 = sim.addWorkspace(Document360Simulator.DEFAULT_PROJECT_ID, "v2.0");
        WorkspaceDialect expected = dialect == Document360Simulator.Dialect.WORKSPACES ? WorkspaceDialect.WORKSPACES
                : WorkspaceDialect.PROJECT_VERSIONS;

        List<Workspace> all = client.listWorkspaces(PROJECT).stream().collect(Collectors.toList());
        Workspace byName = client.getWorkspace(PROJECT, WorkspaceRef.byName("v2.0"));
        Workspace byId = client.getWorkspace(PROJECT, WorkspaceRef.byId(v2));
        Workspace byDefault = client.getWorkspace(PROJECT, WorkspaceRef.defaultWorkspace());
        CompletedExport ofV2 = client.exportToFile(PROJECT, ExportRequest.builder().format("pdf").workspace(byName)
                .build(), dir.resolve("v2.zip"));
        CompletedExport ofDefault = client.exportToFile(PROJECT, ExportRequest.ofFormat("markdown"),
                dir.resolve("default.zip"));

        assertEquals(List.of("v1.0", "v2.0"), all.stream().map(w -> w.name().orElseThrow()).toList());
        assertTrue(all.stream().allMatch(w -> w.dialect() == expected), all.toString());
        assertEquals(expected, client.workspaceDialect(PROJECT));
        assertEquals(all.get(1), byName, "chosen by name from the listing");
        assertEquals(v2, byId.id().orElseThrow().toString());
        assertEquals("en", byId.languageCode().orElseThrow(), "by id: the single answer with its details");
        assertEquals(WORKSPACE, byDefault.id().orElseThrow());
        assertEquals(v2, sim.exportWorkspace(ofV2.export().getId().toString()).orElseThrow());
        assertEquals(Document360Simulator.DEFAULT_WORKSPACE_ID,
                sim.exportWorkspace(ofDefault.export().getId().toString()).orElseThrow());
        assertArrayEquals(CONTENT, Files.readAllBytes(ofV2.file()));

        long workspaceProbes = sim.requests().stream().filter(r -> r.getUrl().equals("/v3/projects/" + PROJECT
                + "/workspaces?page=1&page_size=1")).count();
        long versionProbes = sim.requests().stream().filter(r -> r.getUrl().equals("/v3/projects/" + PROJECT
                + "/project-versions?page=1&page_size=1")).count();
        assertEquals(1, workspaceProbes, "one detection per client, on /workspaces first");
        assertEquals(dialect == Document360Simulator.Dialect.WORKSPACES ? 0 : 1, versionProbes,
                "project-versions is asked only after a 404 on /workspaces");
        String foreign = dialect == Document360Simulator.Dialect.WORKSPACES ? "/project-versions" : "/workspaces/";
        assertEquals(0, sim.requests().stream().filter(r -> r.getUrl().contains(foreign)).count());
        CONTRACT.assertRequestsMatch(sim.requests(), r -> !isStorage(r));
    }

    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedProjectVersionOperationsStillWorkAgainstAnOlderServer() {
        sim.dialect(Document360Simulator.Dialect.PROJECT_VERSIONS);

        List<ProjectVersion> versions = client.projectVersions().list(PROJECT).stream().collect(Collectors.toList());

        assertEquals(1, versions.size());
        assertEquals(WORKSPACE, versions.get(0).getId());
        assertTrue(versions.get(0).getIsDefault());
        assertEquals("v1.0", client.projectVersions().get(PROJECT, WORKSPACE).getName());
    }

    @Test
    void stepByStepStatusesAndApiKeyCredential() throws Exception {
        try (Document360Client keyed = client(b -> b.apiKey(TOKEN))) {
            ExportTask started = keyed.startExport(PROJECT, ExportRequest.ofFormat("markdown"));
            assertEquals("Pending", started.getStatus());
            assertEquals("InProgress", keyed.exports().get(PROJECT, started.getId()).getStatus());

            ExportTask completed = keyed.awaitExport(PROJECT, started.getId());
            assertEquals("Completed", completed.getStatus());
            assertTrue(completed.getDownloadUrl().contains("sig="), completed.getDownloadUrl());

            Path target = dir.resolve("docs-md.zip");
            keyed.downloadExport(PROJECT, started.getId(), target);
            assertArrayEquals(CONTENT, Files.readAllBytes(target));
        }
        assertStorageSawNoCredentials(1);
    }

    @Test
    void expiredSasUrlIsReissuedForTheDownload() throws Exception {
        ExportTask started = client.startExport(PROJECT, ExportRequest.ofFormat("pdf"));
        ExportTask completed = client.awaitExport(PROJECT, started.getId());
        String firstUrl = completed.getDownloadUrl();

        clock.advance(Duration.ofMinutes(31)); // the SAS token of firstUrl has expired
        Path target = dir.resolve("late.zip");
        client.downloadExport(PROJECT, started.getId(), target);

        assertArrayEquals(CONTENT, Files.readAllBytes(target));
        String used = sim.requests().stream().filter(Document360SimulatorFlowTest::isStorage)
                .map(LoggedRequest::getUrl).findFirst().orElseThrow();
        assertFalse(firstUrl.endsWith(used), "the download used a fresh SAS URL");
        assertNotEquals(firstUrl, client.exports().get(PROJECT, started.getId()).getDownloadUrl());
    }

    @Test
    void failedExportThrowsWaitFailed() {
        sim.failExports(true);
        Path target = dir.resolve("never.zip");

        WaitFailedException e = assertThrows(WaitFailedException.class,
                () -> client.exportToFile(PROJECT, ExportRequest.ofFormat("pdf"), target));

        assertEquals("Failed", e.lastStatus().orElseThrow());
        assertEquals(3, e.polls());
        assertFalse(Files.exists(target));
        assertEquals(0, sim.requests().stream().filter(Document360SimulatorFlowTest::isStorage).count());
    }

    @Test
    void wrongCredentialsGetTheEmptyBodied401AsAuthenticationException() {
        try (Document360Client wrong = client(b -> b.bearerToken("not-the-token"))) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> wrong.projects().list().stream().count());

            assertEquals(401, e.statusCode());
            assertEquals("", e.rawBody());
            assertTrue(e.headers().keySet().stream().anyMatch("WWW-Authenticate"::equalsIgnoreCase),
                    e.headers().toString());
        }
    }

    @Test
    void injectedFaultsAreAbsorbedByRetries() throws Exception {
        // a reset connection and a 503 burst on the first GET
        sim.injectFaults(SimulatedFault.CONNECTION_RESET, 1).injectFaults(SimulatedFault.SERVICE_UNAVAILABLE, 2);
        assertEquals(2, client.projects().list().stream().count());
        assertTrue(sleeps.contains(Duration.ofSeconds(1)), "the 503's Retry-After: 1 was honoured: " + sleeps);

        ExportTask started = client.startExport(PROJECT, ExportRequest.ofFormat("pdf"));
        sim.injectFaults(SimulatedFault.BAD_GATEWAY, 1).injectFaults(SimulatedFault.CONNECTION_RESET, 1);
        ExportTask completed = client.awaitExport(PROJECT, started.getId());
        assertEquals("Completed", completed.getStatus());

        sim.injectFaults(SimulatedFault.SERVICE_UNAVAILABLE, 1); // the storage GET once, too
        Path target = dir.resolve("after-faults.zip");
        client.downloadExport(PROJECT, started.getId(), target);
        assertArrayEquals(CONTENT, Files.readAllBytes(target));
        CONTRACT.assertRequestsMatch(sim.requests(), r -> !isStorage(r));
    }

    private static void assertStorageSawNoCredentials(int expectedDownloads) {
        List<LoggedRequest> downloads = sim.requests().stream().filter(Document360SimulatorFlowTest::isStorage)
                .collect(Collectors.toList());
        assertEquals(expectedDownloads, downloads.size());
        for (LoggedRequest r : downloads) {
            assertFalse(r.containsHeader("Authorization"), r.getUrl());
            assertFalse(r.containsHeader("X-API-Key"), r.getUrl());
            assertEquals("localhost", r.getHost(), "the store is another origin than the API");
        }
    }

    private static boolean isStorage(LoggedRequest r) {
        return r.getUrl().startsWith("/_storage/");
    }
}
