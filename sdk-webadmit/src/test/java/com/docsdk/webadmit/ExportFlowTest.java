package com.docsdk.webadmit;

import com.docsdk.core.FakeTime;

import static com.docsdk.webadmit.WebAdmitExamples.API_KEY;
import static com.docsdk.webadmit.WebAdmitExamples.DOWNLOAD_PATH;
import static com.docsdk.webadmit.WebAdmitExamples.DOWNLOAD_PATH_AND_QUERY;
import static com.docsdk.webadmit.WebAdmitExamples.exportFile;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.wait.WaitFailedException;
import com.docsdk.core.wait.WaitTimeoutException;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The export flow end to end with stateful WireMock scenarios: start, wait through the statuses (either casing),
 * download from a separate "storage" host (a presigned S3 stand-in) that must never see the API key, and the
 * refresh of an expired download URL. Waits use a fake clock and sleeper: no real time passes.
 */
class ExportFlowTest {
    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** Another origin (port): stands in for webadmit-production.s3.amazonaws.com. */
    @RegisterExtension
    static WireMockExtension storage = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("webadmit");
    private static final String START_PATH = "/api/v1/user_identities/24567/exports/86446/export_files";
    private static final String STATUS_PATH = "/api/v1/exports/86446/export_files/74780";
    private static final byte[] CSV = "\"CAS ID\",\"Last Name\"\n\"1234567\",\"Lovelace\"\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;

    private final FakeTime time = new FakeTime();
    private WebAdmitClient client;
    private String downloadUrl;

    @BeforeEach
    void setUp() {
        client = WebAdmitClient.builder().apiKey(API_KEY).baseUrl(api.baseUrl()).clock(time).sleeper(time).build();
        downloadUrl = storage.baseUrl() + DOWNLOAD_PATH_AND_QUERY;
        api.stubFor(post(urlPathEqualTo(START_PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(WebAdmitExamples.EXPORT_FILE_CREATED.replace("\"Available\"", "\"Initializing\""))));
        storage.stubFor(get(urlPathEqualTo(DOWNLOAD_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/csv;charset=iso-8859-1").withBody(CSV)));
    }

    @AfterEach
    void tearDown() {
        client.close();
        CONTRACT.assertRequestsMatch(api);
        // Every API request carried the key; no storage request did.
        assertEquals(api.getAllServeEvents().size(),
                api.findAll(getRequestedFor(urlPathEqualTo(STATUS_PATH)).withHeader("x-api-key", equalTo(API_KEY)))
                        .size() + api.findAll(postRequestedFor(urlPathEqualTo(START_PATH))
                        .withHeader("x-api-key", equalTo(API_KEY))).size());
        storage.getAllServeEvents().forEach(e -> assertFalse(e.getRequest().containsHeader("x-api-key"),
                "the storage host received the API key"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Title Case (current docs), Initializing, Queued, In Progress, Available",
        "snake_case (seed 001), initializing, queued, in_progress, available",
    })
    void runsAnExportFromStartToDownloadedFile(String casing, String s1, String s2, String s3, String done)
            throws Exception {
        statuses(exportFile(s1, null), exportFile(s2, null), exportFile(s3, null), exportFile(done, downloadUrl));
        Path target = dir.resolve("export.csv");
        List<String> seen = new ArrayList<>();

        ExportRunResult r = client.exportToFile(ExportRunRequest.builder(24567L, 86446L).toFile(target)
                .onPoll(o -> seen.add(o.statusText())).build());

        assertEquals(ExportFileStatus.AVAILABLE, r.status());
        assertEquals(done, r.statusText());
        assertFalse(r.hasErrors());
        assertFalse(r.isEmptyList());
        assertEquals(target, r.file().orElseThrow());
        assertArrayEquals(CSV, Files.readAllBytes(target));
        assertEquals(CSV.length, r.bytes());
        assertEquals(sha256(CSV), r.sha256().orElseThrow());
        assertEquals("text/csv;charset=iso-8859-1", r.contentType().orElseThrow());
        assertEquals(0, r.urlRefreshes());
        assertEquals(4, r.polls());
        assertEquals(74780L, r.exportFileId());
        assertEquals(List.of(s1, s2, s3, done), seen);
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(4500)), pauses(),
                "the client's default timing, on the fake sleeper");
        api.verify(1, postRequestedFor(urlPathEqualTo(START_PATH)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{}")));   // the vendor's JSON body form
        api.verify(4, getRequestedFor(urlPathEqualTo(STATUS_PATH)));
        storage.verify(1, getRequestedFor(urlPathEqualTo(DOWNLOAD_PATH))
                .withQueryParam("Signature", equalTo("y2jwr78kbVt44xz+faEnp5dXKU="))
                .withQueryParam("AWSAccessKeyId", equalTo("AKIAIT7746URBGHSHEA")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void anExpiredDownloadUrlIsReplacedByAFreshOneFromTheStatusEndpoint() throws Exception {
        String expired = downloadUrl.replace("Signature=y2jwr78kbVt44xz%2BfaEnp5dXKU%3D", "Signature=expired");
        statuses(exportFile("In Progress", null), exportFile("Available", expired), exportFile("Available", downloadUrl));
        storage.stubFor(get(urlPathEqualTo(DOWNLOAD_PATH)).withQueryParam("Signature", equalTo("expired"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/xml")
                        .withBody("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>")));
        Path target = dir.resolve("export.csv");

        ExportRunResult r = client.exportToFile(24567L, 86446L, target);

        assertEquals(1, r.urlRefreshes());
        assertEquals(2, r.polls());
        assertArrayEquals(CSV, Files.readAllBytes(target));
        api.verify(3, getRequestedFor(urlPathEqualTo(STATUS_PATH)));
        storage.verify(2, getRequestedFor(urlPathEqualTo(DOWNLOAD_PATH)));
    }

    @Test
    void successWithErrorsDownloadsTheFileAndIsFlagged() throws Exception {
        statuses(exportFile("Queued", null), exportFile("Success With Errors", downloadUrl));
        Path target = dir.resolve("export.csv");

        ExportRunResult r = client.exportToFile(24567L, 86446L, target);

        assertEquals(ExportFileStatus.SUCCESS_WITH_ERRORS, r.status());
        assertTrue(r.hasErrors());
        assertFalse(r.isEmptyList());
        assertArrayEquals(CSV, Files.readAllBytes(target));
        assertTrue(r.completed().hasFile());
    }

    @Test
    void anEmptyListSucceedsWithNothingToDownload() {
        statuses(exportFile("In Progress", null), exportFile("Empty List", null));
        Path target = dir.resolve("export.csv");

        ExportRunResult r = client.exportToFile(24567L, 86446L, target);

        assertEquals(ExportFileStatus.EMPTY_LIST, r.status());
        assertTrue(r.isEmptyList());
        assertFalse(r.hasErrors());
        assertTrue(r.file().isEmpty());
        assertTrue(r.sha256().isEmpty());
        assertTrue(r.download().isEmpty());
        assertEquals(0, r.bytes());
        assertFalse(Files.exists(target));
        assertEquals(0, storage.getAllServeEvents().size());
    }

    @Test
    void aFailedRunThrowsWithTheStatusAndLeavesNoFile() {
        statuses(exportFile("In Progress", null), exportFile("Failed", null));
        Path target = dir.resolve("export.csv");

        WaitFailedException e = assertThrows(WaitFailedException.class,
                () -> client.exportToFile(24567L, 86446L, target));

        assertEquals("Failed", e.lastStatus().orElseThrow());
        assertEquals(2, e.polls());
        assertTrue(e.messages().get(0).contains("74780"), e.messages().toString());
        assertFalse(Files.exists(target));
        assertEquals(0, storage.getAllServeEvents().size());
    }

    @Test
    void aStatusNeverSeenBeforeCountsAsStillRunning() throws Exception {
        statuses(exportFile("Archiving", null), exportFile("Packaging Files", null), exportFile("Available", downloadUrl));

        ExportRunResult r = client.exportToFile(24567L, 86446L, dir.resolve("export.csv"));

        assertEquals(3, r.polls());
        assertEquals(ExportFileStatus.AVAILABLE, r.status());
    }

    @Test
    void aWaitThatNeverEndsTimesOutOnTheFakeClock() {
        api.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(exportFile("In Progress", null))));
        PollOptions tenSeconds = PollOptions.builder().interval(Duration.ofSeconds(2)).backoffMultiplier(1.0)
                .maxInterval(Duration.ofSeconds(2)).timeout(Duration.ofSeconds(10)).build();

        WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
                () -> client.awaitExportFile(86446L, 74780L, tenSeconds));

        assertEquals("In Progress", e.lastStatus().orElseThrow());
        assertEquals(Duration.ofSeconds(10), e.elapsed());
        assertEquals(6, e.polls());
    }

    @Test
    void awaitReturnsTheCompletedFileWithItsUrl() {
        statuses(exportFile("queued", null), exportFile("AVAILABLE", downloadUrl));

        CompletedExportFile done = client.awaitExportFile(86446L, 74780L);

        assertEquals(ExportFileStatus.AVAILABLE, done.status());
        assertEquals(downloadUrl, done.downloadUrl().orElseThrow());
        assertEquals(2, done.polls());
        assertFalse(done.toString().contains("Signature"), "the presigned URL is a secret");
        assertEquals(List.of(Duration.ofSeconds(2)), pauses(), "the client's default interval");
    }

    @Test
    void awaitsInTheBackground() throws Exception {
        statuses(exportFile("In Progress", null), exportFile("Success With Errors", downloadUrl));
        PollOptions immediate = PollOptions.builder().interval(Duration.ZERO).maxInterval(Duration.ZERO).build();

        CompletableFuture<CompletedExportFile> future = client.awaitExportFileAsync(86446L, 74780L, immediate);

        CompletedExportFile done = future.get(10, TimeUnit.SECONDS);
        assertTrue(done.hasErrors());
        assertEquals(2, done.polls());
    }

    @Test
    void downloadsAFinishedExportFileByItsIds() throws Exception {
        api.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(exportFile("Available", downloadUrl))));
        Path target = dir.resolve("again.csv");

        DownloadResult r = client.downloadExportFile(86446L, 74780L, target);

        assertArrayEquals(CSV, Files.readAllBytes(target));
        assertEquals(sha256(CSV), r.sha256());
        api.verify(1, getRequestedFor(urlPathEqualTo(STATUS_PATH)));
    }

    @Test
    void downloadsIntoAStream() {
        api.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(exportFile("Available", downloadUrl))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        DownloadResult r = client.downloadExportFile(86446L, 74780L, out);

        assertArrayEquals(CSV, out.toByteArray());
        assertTrue(r.file().isEmpty());
    }

    @Test
    void downloadingAnUnfinishedExportFileSaysSoAndTouchesNothing() {
        api.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(exportFile("In Progress", null))));
        Path target = dir.resolve("export.csv");

        SdkException e = assertThrows(SdkException.class, () -> client.downloadExportFile(86446L, 74780L, target));

        assertTrue(e.getMessage().contains("In Progress"), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(0, storage.getAllServeEvents().size());
    }

    @Test
    void theCallbackOfARunIsSentWithTheStart() throws Exception {
        statuses(exportFile("Available", downloadUrl));

        client.exportToFile(ExportRunRequest.builder(24567L, 86446L).toFile(dir.resolve("e.csv"))
                .callback(URI.create("https://erp.example.edu/webadmit/ready")).build());

        api.verify(postRequestedFor(urlPathEqualTo(START_PATH)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.equalToJson(
                        "{\"callback\": \"https://erp.example.edu/webadmit/ready\"}")));
    }

    /** Serves the bodies in order on the status endpoint, the last one from then on. */
    private static void statuses(String... bodies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < bodies.length; i++) {
            String next = i == bodies.length - 1 ? state : "poll-" + (i + 2);
            api.stubFor(get(urlPathEqualTo(STATUS_PATH)).inScenario("export file").whenScenarioStateIs(state)
                    .willSetStateTo(next).willReturn(okJson(bodies[i])));
            state = next;
        }
    }

    /** The waits between polls (the first poll's zero initial delay left out). */
    private List<Duration> pauses() {
        return time.sleeps.stream().filter(d -> !d.isZero()).toList();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
