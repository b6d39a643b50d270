package com.docsdk.webadmit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.error.RateLimitException;
import com.docsdk.core.Sleeper;
import com.docsdk.core.wait.WaitFailedException;
import com.docsdk.testkit.OpenApiContract;
import com.docsdk.testkit.SimulatedFault;
import com.docsdk.testkit.TestClock;
import com.docsdk.testkit.WebAdmitSimulator;
import com.docsdk.testkit.WebAdmitSimulator.ExportOutcome;
import com.docsdk.webadmit.model.Export;
import com.docsdk.webadmit.model.ExportFile;
import com.docsdk.webadmit.model.UserIdentity;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WebAdMIT facade driving its whole export flow against the stateful {@link WebAdmitSimulator} over real HTTP on
 * loopback: identities and exports, start → Queued → In Progress → outcome, the short-lived download URL (expired
 * and re-issued), the outcomes without a file, snake_case statuses, the documented rate limit and injected faults.
 * The client's sleeper only records waits and moves the simulator's clock: no real time passes.
 */
class WebAdmitSimulatorFlowTest {
    private static final String API_KEY = "sim-flow-key";
    private static final String CSV = "CAS ID,First Name,Last Name\n1234567890,Ada,Lovelace\n9876543210,Grace,Hopper\n";
    private static final long UID = WebAdmitSimulator.DEFAULT_USER_IDENTITY_ID;
    private static final long EXPORT = WebAdmitSimulator.DEFAULT_EXPORT_ID;
    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("webadmit");

    static final TestClock clock = TestClock.at(Instant.parse("2025-06-15T12:00:00Z"));

    @RegisterExtension
    static WebAdmitSimulator sim = WebAdmitSimulator.create()
            .expectApiKey(API_KEY)
            .clock(clock)
            .pollsUntilAvailable(3)
            .exportContent(CSV);

    @TempDir
    Path dir;

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    /** Records each wait and lets it pass on the simulator's clock, instantly. */
    private final Sleeper sleeper = d -> {
        sleeps.add(d);
        clock.advance(d);
    };
    private WebAdmitClient client;

    @BeforeEach
    void setUp() {
        // configuration survives the extension's reset: restore the defaults some tests change
        sim.pollsUntilAvailable(3).exportOutcome(ExportOutcome.AVAILABLE).snakeCaseStatuses(false)
                .downloadUrlLifetime(Duration.ofSeconds(25)).rateLimit(5000, Duration.ofHours(1));
        client = client(API_KEY);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private WebAdmitClient client(String apiKey) {
        return WebAdmitClient.builder()
                .apiKey(apiKey)
                .baseUrl(sim.baseUrl())
                .clock(clock)
                .sleeper(sleeper)
                .exportPollOptions(PollOptions.builder().interval(Duration.ofMillis(10))
                        .maxInterval(Duration.ofMillis(50)).timeout(Duration.ofMinutes(5)).build())
                .build();
    }

    @Test
    void listsIdentitiesAndExportsThenExportsToAFile() throws Exception {
        List<UserIdentity> identities = client.userIdentities().list();
        assertEquals(1, identities.size());
        assertEquals(UID, identities.get(0).getId());

        List<Export> exports = client.exports().listByUserIdentity(UID);
        assertEquals(List.of(EXPORT), exports.stream().map(Export::getId).collect(Collectors.toList()));
        assertEquals(List.of(EXPORT), client.exports().list().stream().map(Export::getId).collect(Collectors.toList()));

        List<String> seen = new CopyOnWriteArrayList<>();
        Path target = dir.resolve("nightly.csv");
        ExportRunResult r = client.exportToFile(ExportRunRequest.builder(UID, EXPORT).toFile(target)
                .onPoll(o -> seen.add(o.statusText())).build());

        assertEquals(List.of("In Progress", "In Progress", "Available"), seen);
        assertEquals(3, r.polls());
        assertEquals(ExportFileStatus.AVAILABLE, r.status());
        assertFalse(r.hasErrors());
        assertFalse(r.isEmptyList());
        assertEquals(0, r.urlRefreshes());
        assertEquals(target, r.file().orElseThrow());
        assertArrayEquals(CSV.getBytes(StandardCharsets.ISO_8859_1), Files.readAllBytes(target));
        assertEquals(CSV.length(), r.bytes());
        assertTrue(r.sha256().isPresent());
        assertEquals("Available", sim.exportFileStatus(r.exportFileId()).orElseThrow());

        List<ExportFile> recent = client.exportFiles().list(UID);
        assertEquals(List.of(r.exportFileId()), recent.stream().map(ExportFile::getId).collect(Collectors.toList()));
        assertTrue(client.lastRateLimit().isPresent(), "the simulator reports X-RateLimit-* on every response");

        // polls waited the configured short intervals, never a real second
        assertTrue(sleeps.stream().allMatch(d -> d.compareTo(Duration.ofMillis(50)) <= 0), sleeps.toString());
        assertEveryApiRequestMatchesTheSpec();
        assertNoCredentialsSentToStorage();
    }

    @Test
    void startThenAwaitWalksQueuedInProgressAvailable() {
        ExportFile started = client.exportFiles().start(UID, EXPORT);
        assertEquals(ExportFileStatus.QUEUED, ExportFileStatus.of(started));
        // a second start while running returns the same export file (the documented safeguard)
        assertEquals(started.getId(), client.exportFiles().start(UID, EXPORT).getId());

        CompletedExportFile done = client.awaitExportFile(EXPORT, started.getId());
        assertEquals(3, done.polls());
        assertTrue(done.hasFile());
        assertTrue(done.downloadUrl().orElseThrow().contains("X-Amz-Signature="));
    }

    @Test
    void downloadUrlExpiredBeforeTheFirstDownloadIsReissued() throws Exception {
        Path target = dir.resolve("late.csv");
        // the URL seen by the final poll expires (25 s) before the download starts
        ExportRunResult r = client.exportToFile(ExportRunRequest.builder(UID, EXPORT).toFile(target)
                .onPoll(o -> {
                    if (ExportFileStatus.parse(o.statusText()).hasFile()) {
                        clock.advance(Duration.ofSeconds(30));
                    }
                }).build());

        assertTrue(r.urlRefreshes() >= 1, "urlRefreshes = " + r.urlRefreshes());
        assertArrayEquals(CSV.getBytes(StandardCharsets.ISO_8859_1), Files.readAllBytes(target));
        long storageGets = sim.requests().stream().filter(WebAdmitSimulatorFlowTest::isStorage).count();
        assertEquals(2, storageGets, "one refused (expired) download, one successful");
        assertEveryApiRequestMatchesTheSpec();
        assertNoCredentialsSentToStorage();
    }

    @Test
    void successWithErrorsDownloadsAndFlagsTheRun() throws Exception {
        sim.exportOutcome(ExportOutcome.SUCCESS_WITH_ERRORS);
        Path target = dir.resolve("with-errors.csv");

        ExportRunResult r = client.exportToFile(UID, EXPORT, target);

        assertTrue(r.hasErrors());
        assertEquals(ExportFileStatus.SUCCESS_WITH_ERRORS, r.status());
        assertArrayEquals(CSV.getBytes(StandardCharsets.ISO_8859_1), Files.readAllBytes(target));
    }

    @Test
    void emptyListEndsWithoutWritingAFile() {
        sim.exportOutcome(ExportOutcome.EMPTY_LIST);
        Path target = dir.resolve("empty.csv");

        ExportRunResult r = client.exportToFile(UID, EXPORT, target);

        assertTrue(r.isEmptyList());
        assertTrue(r.file().isEmpty());
        assertFalse(Files.exists(target));
        assertEquals(3, r.polls());
        assertEquals(0, sim.requests().stream().filter(WebAdmitSimulatorFlowTest::isStorage).count());
    }

    @Test
    void failedRunThrowsWaitFailed() {
        sim.exportOutcome(ExportOutcome.FAILED);
        Path target = dir.resolve("failed.csv");

        WaitFailedException e = assertThrows(WaitFailedException.class,
                () -> client.exportToFile(UID, EXPORT, target));

        assertEquals("Failed", e.lastStatus().orElseThrow());
        assertEquals(3, e.polls());
        assertFalse(Files.exists(target));
    }

    @Test
    void snakeCaseStatusesAreUnderstood() throws Exception {
        sim.snakeCaseStatuses(true);
        List<String> seen = new CopyOnWriteArrayList<>();
        Path target = dir.resolve("snake.csv");

        ExportRunResult r = client.exportToFile(ExportRunRequest.builder(UID, EXPORT).toFile(target)
                .onPoll(o -> seen.add(o.statusText())).build());

        assertEquals(List.of("in_progress", "in_progress", "available"), seen);
        assertEquals(ExportFileStatus.AVAILABLE, r.status());
        assertArrayEquals(CSV.getBytes(StandardCharsets.ISO_8859_1), Files.readAllBytes(target));
    }

    @Test
    void rateLimit429IsHonouredByWaitingForTheWindow() {
        sim.rateLimit(2, Duration.ofSeconds(20));

        client.userIdentities().list();
        client.exports().listByUserIdentity(UID);
        List<Export> third = client.exports().listByUserIdentity(UID); // 429 + Retry-After, slept on the simulator's clock, retried

        assertEquals(1, third.size());
        assertEquals(4, sim.requests().size(), "two calls, a 429 and its retry");
        assertTrue(sleeps.stream().anyMatch(d -> d.compareTo(Duration.ofSeconds(1)) >= 0
                && d.compareTo(Duration.ofSeconds(20)) <= 0), sleeps.toString());
    }

    @Test
    void rateLimitLongerThanThePolicyAllowsSurfacesAsRateLimitException() {
        sim.rateLimit(1, Duration.ofHours(1));
        client.userIdentities().list();

        RateLimitException e = assertThrows(RateLimitException.class, () -> client.exports().listByUserIdentity(UID));

        assertEquals(429, e.statusCode());
        assertTrue(e.retryAfter().orElseThrow().compareTo(Duration.ofMinutes(1)) > 0, e.retryAfter().toString());
        assertEquals(List.of("Rate limit exceeded."), e.messages());
        assertTrue(sleeps.isEmpty(), "an hour is not slept: " + sleeps);
    }

    @Test
    void wrongApiKeyIsAnAuthenticationException() {
        try (WebAdmitClient wrong = client("not-the-key")) {
            AuthenticationException e = assertThrows(AuthenticationException.class, () -> wrong.userIdentities().list());
            assertEquals(401, e.statusCode());
        }
    }

    @Test
    void injectedFaultsAreAbsorbedByRetries() throws Exception {
        ExportFile started = client.exportFiles().start(UID, EXPORT);
        // a reset connection, then a 503 burst on the status GETs
        sim.injectFaults(SimulatedFault.CONNECTION_RESET, 1).injectFaults(SimulatedFault.SERVICE_UNAVAILABLE, 2);

        CompletedExportFile done = client.awaitExportFile(EXPORT, started.getId());

        assertTrue(done.hasFile());
        assertEquals(3, done.polls(), "faulted attempts never reach the simulated API, so they are not polls");
        assertTrue(sleeps.contains(Duration.ofSeconds(1)), "the 503's Retry-After: 1 was honoured: " + sleeps);

        Path target = dir.resolve("after-faults.csv");
        sim.injectFaults(SimulatedFault.CONNECTION_RESET, 1); // the storage GET fails once, too
        client.downloadExportFile(EXPORT, started.getId(), target);
        assertArrayEquals(CSV.getBytes(StandardCharsets.ISO_8859_1), Files.readAllBytes(target));
        assertEveryApiRequestMatchesTheSpec();
    }

    private void assertEveryApiRequestMatchesTheSpec() {
        CONTRACT.assertRequestsMatch(sim.requests(), r -> !isStorage(r));
    }

    private static void assertNoCredentialsSentToStorage() {
        sim.requests().stream().filter(WebAdmitSimulatorFlowTest::isStorage).forEach(r -> {
            assertFalse(r.containsHeader("x-api-key"), "x-api-key sent to storage: " + r.getUrl());
            assertFalse(r.containsHeader("Authorization"), "Authorization sent to storage: " + r.getUrl());
        });
    }

    private static boolean isStorage(LoggedRequest r) {
        return r.getUrl().startsWith("/_storage/");
    }
}
