package com.docsdk.document360;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.AuthenticationException;
import com.docsdk.core.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.Sleeper;
import com.docsdk.core.WaitFailedException;
import com.docsdk.document360.generated.model.ExportTask;
import com.docsdk.document360.generated.model.Project;
import com.docsdk.document360.generated.model.ProjectVersion;
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

/**
 * The Document360 facade driving projects, versions and exports against the stateful {@link Document360Simulator}
 * over real HTTP on loopback: every page of projects, the versions, an export walked Pending → InProgress →
 * Completed and downloaded from the SAS URL without any Document360 credential (the simulated store refuses a
 * request carrying {@code Authorization}), an expired SAS URL re-issued, a failed export, the empty-bodied 401 and
 * injected faults. Waits are recorded, never slept.
 */
class Document360SimulatorFlowTest {
    private static final String TOKEN = "d360-sim-flow-token";
    private static final UUID PROJECT = UUID.fromString(Document360Simulator.DEFAULT_PROJECT_ID);
    private static final UUID VERSION = UUID.fromString(Document360Simulator.DEFAULT_VERSION_ID);
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
        sim.failExports(false).pollsUntilCompleted(3).downloadUrlLifetime(Duration.ofMinutes(30));
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
    void listsEveryPageOfProjectsAndTheVersions() {
        String a = sim.addProject("Release Notes");
        String b = sim.addProject("API Reference");
        String c = sim.addProject("Partner Portal");

        List<String> ids = client.listProjects(2, RequestOptions.none()).stream()
                .map(p -> p.getId().toString()).collect(Collectors.toList());

        assertEquals(List.of(Document360Simulator.DEFAULT_PROJECT_ID, "e3f4a5b6-7c8d-9e0f-1a2b-3c4d5e6f7a8b", a, b, c),
                ids);
        assertEquals(3, sim.requests().stream().filter(r -> r.getUrl().startsWith("/v3/projects?")).count(),
                "five projects, two per page");
        assertEquals(5, client.listProjects().stream().count(), "the default page size fetches them at once");

        List<ProjectVersion> versions = client.listProjectVersions(PROJECT).stream().collect(Collectors.toList());
        assertEquals(1, versions.size());
        assertEquals(VERSION, versions.get(0).getId());
        assertTrue(versions.get(0).getIsDefault());
        Project project = client.getProject(PROJECT);
        assertEquals("Product Documentation", project.getName());
        CONTRACT.assertRequestsMatch(sim.requests(), r -> true);
    }

    @Test
    void exportToFileWalksPendingInProgressCompletedAndDownloadsWithoutCredentials() throws Exception {
        Path target = dir.resolve("product-docs.zip");

        CompletedExport done = client.exportToFile(PROJECT,
                ExportRequest.builder().format("pdf").languageCode("en").projectVersionId(VERSION).build(), target);

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

    @Test
    void stepByStepStatusesAndApiKeyCredential() throws Exception {
        try (Document360Client keyed = client(b -> b.apiKey(TOKEN))) {
            ExportTask started = keyed.startExport(PROJECT, ExportRequest.ofFormat("markdown"));
            assertEquals("Pending", started.getStatus());
            assertEquals("InProgress", keyed.getExport(PROJECT, started.getId()).getStatus());

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
        assertNotEquals(firstUrl, client.getExport(PROJECT, started.getId()).getDownloadUrl());
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
                    () -> wrong.listProjects().stream().count());

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
        assertEquals(2, client.listProjects().stream().count());
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
