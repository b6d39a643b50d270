package com.docsdk.fileai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.error.ServerException;
import com.docsdk.testkit.OpenApiContract;
import com.docsdk.testkit.TestClock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pull-integration flow end to end against a stateful files endpoint (real HTTP on loopback, a file-based
 * checkpoint): statuses reported in order, handler failures reported as {@code error}, crashes followed by a second
 * run that loses nothing and exports nothing twice, and the checkpoint's handling of timestamps.
 */
class ExportSyncTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("fileai");
    private static final Instant CREATED = Instant.parse("2025-05-27T12:14:24.258Z");
    private static final Instant UPDATED = Instant.parse("2025-05-28T08:00:00.000Z");

    private final TestClock clock = TestClock.at(Instant.parse("2025-06-01T09:00:00Z"));
    private final ExportStatusServer server = new ExportStatusServer(clock);

    @RegisterExtension
    final WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(server)).build();

    @TempDir
    Path dir;

    private Path checkpointFile;
    private ExportCheckpointStore store;
    /** Successful exports per file id (what the "ERP" received). */
    private final Map<String, Integer> exported = new ConcurrentHashMap<>();
    /** Every handler call, in order. */
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void setUp() {
        stubServer();
        checkpointFile = dir.resolve("state/fileai-checkpoint.json");
        store = ExportCheckpointStore.file(checkpointFile);
    }

    private void stubServer() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files"))
                .willReturn(aResponse().withTransformers(ExportStatusServer.NAME)));
        wm.stubFor(patch(urlPathMatching("/prod/v1/files/[^/]+"))
                .willReturn(aResponse().withTransformers(ExportStatusServer.NAME)));
    }

    @AfterEach
    void requestsFollowTheSpec() {
        CONTRACT.assertRequestsMatch(wm);
    }

    /** A new client each run, as a new process would have. */
    private ExportSyncResult run(FileExportHandler handler, int pageSize) {
        try (FileAiClient client = FileAiClient.builder().apiKey("test-key").baseUrl(wm.baseUrl()).clock(clock)
                .sleeper(d -> { }).retryPolicy(RetryPolicy.none()).build()) {
            return client.syncExports(store, handler, ExportSyncOptions.builder().pageSize(pageSize).build());
        }
    }

    private void addFiles(int n, Instant updatedAt) {
        for (int i = 1; i <= n; i++) {
            server.add("f" + i, CREATED.plusSeconds(i), updatedAt);
        }
    }

    private FileExportHandler exporting() {
        return file -> {
            calls.add(file.getFileId());
            exported.merge(file.getFileId(), 1, Integer::sum);
            return ExportOutcome.completed("Successfully imported to SAP");
        };
    }

    @Test
    void everyFileOfEveryPageIsExportedAndReportedExportingThenCompleted() {
        addFiles(5, UPDATED);

        ExportSyncResult result = run(exporting(), 2);

        assertEquals(List.of("f1", "f2", "f3", "f4", "f5"), calls);
        assertEquals(List.of("f1", "f2", "f3", "f4", "f5"), result.completed());
        for (int i = 1; i <= 5; i++) {
            ExportStatusServer.StoredFile f = server.file("f" + i);
            assertEquals(List.of("exporting", "completed"), f.statusHistory);
            assertEquals(List.of("Successfully imported to SAP"), f.exportMessages);
        }
        // the run started at 09:00 (client clock); the next one lists from 2 minutes before that
        assertEquals(Instant.parse("2025-06-01T08:58:00Z"), result.watermark().orElseThrow());
        assertTrue(Files.exists(checkpointFile));
        assertTrue(queryValues("updatedAfter").isEmpty(), "the first run lists every file");
        assertEquals(List.of("1", "2", "3"), queryValues("page").stream().sorted().toList(), "three pages of two");
    }

    @Test
    void aHandlerFailureIsReportedAsErrorWithItsMessageAndTheOthersGoOn() {
        addFiles(4, UPDATED);
        FileExportHandler handler = file -> {
            calls.add(file.getFileId());
            switch (file.getFileId()) {
                case "f2" -> throw new IllegalStateException("Validation failed: Invoice number format invalid");
                case "f3" -> throw new IOException("ERP unreachable");
                case "f4" -> {
                    return ExportOutcome.failed("Missing required field 'invoice_number'",
                            "Please check the document and retry");
                }
                default -> {
                    return ExportOutcome.completed();
                }
            }
        };

        ExportSyncResult result = run(handler, 100);

        assertEquals(List.of("f1", "f2", "f3", "f4"), calls);
        assertEquals(List.of("f1"), result.completed());
        assertEquals(List.of("f2", "f3", "f4"), result.failed());
        assertEquals("error", server.file("f2").exportStatus);
        assertEquals(List.of("Validation failed: Invoice number format invalid"), server.file("f2").exportMessages);
        assertEquals(List.of("ERP unreachable"), server.file("f3").exportMessages);
        assertEquals(List.of("Missing required field 'invoice_number'", "Please check the document and retry"),
                server.file("f4").exportMessages);
        assertEquals(List.of("exporting", "completed"), server.file("f1").statusHistory);
    }

    /** Thrown by a handler to stand for the process dying at that point (an Error: the sync does not catch it). */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash() {
            super("process killed");
        }
    }

    @Test
    void aRunCutOffMidBatchLosesNothingAndExportsNothingTwice() {
        addFiles(5, UPDATED); // all five share one updatedAt
        FileExportHandler crashingAtF3 = file -> {
            if (file.getFileId().equals("f3")) {
                throw new SimulatedCrash();
            }
            return exporting().export(file);
        };

        assertThrows(SimulatedCrash.class, () -> run(crashingAtF3, 2));
        assertEquals(List.of("f1", "f2"), calls);
        assertEquals("exporting", server.file("f3").exportStatus);
        assertNull(server.file("f4").exportStatus);

        clock.advance(Duration.ofMinutes(5));
        calls.clear();
        ExportSyncResult second = run(exporting(), 2); // a new client, the same checkpoint file

        assertEquals(List.of("f3", "f4", "f5"), calls);
        assertEquals(2, second.alreadyReported());
        assertEquals(Map.of("f1", 1, "f2", 1, "f3", 1, "f4", 1, "f5", 1), exported);
        server.files().values().forEach(f -> assertEquals("completed", f.exportStatus, f.id));
    }

    @Test
    void aCrashBetweenTheExportAndItsReportIsReportedByTheNextRunWithoutExportingAgain() throws IOException {
        addFiles(3, UPDATED);
        wm.stubFor(patch(urlPathEqualTo("/prod/v1/files/f2")).atPriority(1)
                .withRequestBody(containing("\"completed\""))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"statusCode\":503,\"message\":\"Service Unavailable\"}")));

        ServerException outage = assertThrows(ServerException.class, () -> run(exporting(), 100));
        assertEquals(List.of("Service Unavailable"), outage.messages());
        assertEquals(List.of("f1", "f2"), calls);
        String checkpoint = Files.readString(checkpointFile);
        assertTrue(checkpoint.contains("\"pending\":{\"f2\""), checkpoint);

        wm.resetMappings();
        stubServer();
        clock.advance(Duration.ofMinutes(1));
        calls.clear();
        ExportSyncResult second = run(exporting(), 100);

        assertEquals(List.of("f2"), second.resumed());
        assertEquals(List.of("f3"), calls, "f2 is reported, not exported again");
        assertEquals(List.of("f2", "f3"), second.completed());
        assertEquals(Map.of("f1", 1, "f2", 1, "f3", 1), exported);
        assertEquals("completed", server.file("f2").exportStatus);
        assertEquals(List.of("Successfully imported to SAP"), server.file("f2").exportMessages);
    }

    /** Reporting a status bumps updatedAt; the next runs list those files again and must recognise them. */
    @ParameterizedTest(name = "export fields in list items: {0}")
    @ValueSource(booleans = {true, false})
    void completedFilesAreNotHandedOverAgainByLaterRuns(boolean listExportFields) throws IOException {
        server.listExportFields(listExportFields);
        addFiles(3, UPDATED);
        run(exporting(), 100);

        clock.advance(Duration.ofMinutes(10));
        ExportSyncResult second = run(exporting(), 100);
        assertEquals(3, second.alreadyReported(), "the echoes of the reports are listed and skipped");
        assertTrue(second.completed().isEmpty());

        clock.advance(Duration.ofMinutes(10));
        ExportSyncResult third = run(exporting(), 100);
        assertEquals(0, third.alreadyReported(), "the watermark has passed the echoes");

        assertEquals(Map.of("f1", 1, "f2", 1, "f3", 1), exported);
        assertTrue(Files.readString(checkpointFile).contains("\"reported\":{}"), "old reports are forgotten");
    }

    @Test
    void aFileCorrectedAfterAnErrorIsHandedOverAgain() {
        addFiles(2, UPDATED);
        run(file -> {
            calls.add(file.getFileId());
            return file.getFileId().equals("f1") ? ExportOutcome.failed("Invoice number missing")
                    : ExportOutcome.completed();
        }, 100);

        clock.advance(Duration.ofMinutes(10));
        server.touch("f1"); // a user fixes the document in fileAI
        calls.clear();
        ExportSyncResult second = run(exporting(), 100);

        assertEquals(List.of("f1"), calls);
        assertEquals(List.of("f1"), second.completed());
        assertEquals(List.of("exporting", "error", "exporting", "completed"), server.file("f1").statusHistory);
    }

    @Test
    void aDeferredFileIsClearedAndHandedOverAgainNextRun() {
        addFiles(3, UPDATED);
        ExportSyncResult first = run(file -> {
            calls.add(file.getFileId());
            return file.getFileId().equals("f2") ? ExportOutcome.deferred() : ExportOutcome.completed();
        }, 100);

        assertEquals(List.of("f2"), first.deferred());
        assertEquals(List.of("exporting", "empty"), server.file("f2").statusHistory);
        assertEquals(UPDATED, first.watermark().orElseThrow(), "the watermark waits for the deferred file");

        clock.advance(Duration.ofMinutes(10));
        calls.clear();
        ExportSyncResult second = run(exporting(), 100);
        assertEquals(List.of("f2"), calls);
        assertEquals(2, second.alreadyReported());
    }

    @Test
    void aFileUpdatedExactlyAtTheWatermarkIsNotSkipped() {
        addFiles(1, UPDATED);
        Instant watermark = run(exporting(), 100).watermark().orElseThrow();

        server.add("late", CREATED, watermark); // the same timestamp as the checkpoint
        clock.advance(Duration.ofMinutes(10));
        calls.clear();
        run(exporting(), 100);

        assertEquals(List.of("late"), calls);
        assertEquals(List.of("2025-06-01T08:58:00.000Z"), queryValues("updatedAfter"));
    }

    @Test
    void aFileDeletedWhileExportingIsSkippedAsGone() {
        addFiles(2, UPDATED);
        ExportSyncResult result = run(file -> {
            if (file.getFileId().equals("f1")) {
                server.remove("f1");
            }
            return ExportOutcome.completed();
        }, 100);

        assertEquals(List.of("f1"), result.gone());
        assertEquals(List.of("f2"), result.completed());
    }

    @Test
    void theFirstRunStartsWhereTheOptionsSayAndListsInCreationOrder() {
        server.add("old", CREATED, Instant.parse("2025-01-01T00:00:00Z"));
        server.add("new", CREATED.plusSeconds(1), UPDATED);
        try (FileAiClient client = FileAiClient.builder().apiKey("test-key").baseUrl(wm.baseUrl()).clock(clock)
                .build()) {
            client.syncExports(store, exporting(), ExportSyncOptions.builder()
                    .startingFrom(Instant.parse("2025-05-01T00:00:00Z")).reportExporting(false).build());
        }
        assertEquals(List.of("new"), calls);
        assertEquals(List.of("completed"), server.file("new").statusHistory);
        assertEquals(List.of("2025-05-01T00:00:00.000Z"), queryValues("updatedAfter"));
        assertEquals(List.of("createdAt"), queryValues("sortBy"), "creation order: reports do not shift pages");
    }

    @Test
    void anUnreadableCheckpointStopsTheRunBeforeAnyRequest() throws IOException {
        Files.createDirectories(checkpointFile.getParent());
        Files.writeString(checkpointFile, "{\"format\": 1, \"watermark\": \"yesterday\"}");
        try (FileAiClient client = FileAiClient.builder().apiKey("test-key").baseUrl(wm.baseUrl()).build()) {
            com.docsdk.core.error.SdkException e = assertThrows(com.docsdk.core.error.SdkException.class,
                    () -> client.syncExports(store, exporting()));
            assertTrue(e.getMessage().contains("not readable"), e.getMessage());
        }
        assertEquals(0, wm.getAllServeEvents().size());
    }

    @Test
    void missingArgumentsAreRejectedBeforeAnyRequest() {
        try (FileAiClient client = FileAiClient.builder().apiKey("test-key").baseUrl(wm.baseUrl()).build()) {
            assertEquals("store", assertThrows(ClientValidationException.class,
                    () -> client.syncExports(null, exporting())).field());
            assertEquals("handler", assertThrows(ClientValidationException.class,
                    () -> client.syncExports(store, null)).field());
            assertEquals("options", assertThrows(ClientValidationException.class,
                    () -> client.syncExports(store, exporting(), null)).field());
        }
        assertEquals(0, wm.getAllServeEvents().size());
        assertFalse(Files.exists(checkpointFile));
    }

    /** The distinct values of a query parameter over every list request sent. */
    private List<String> queryValues(String parameter) {
        return wm.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().split("\\?")[0].equals("/prod/v1/files"))
                .map(e -> e.getRequest().queryParameter(parameter))
                .filter(p -> p.isPresent())
                .map(p -> p.firstValue())
                .distinct()
                .toList();
    }
}
