package com.docsdk.dcycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.PermissionDeniedException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.Sleeper;
import com.docsdk.dcycle.model.FileReadingListItem;
import com.docsdk.dcycle.model.FileRecord;
import com.docsdk.testkit.DcycleSimulator;
import com.docsdk.testkit.OpenApiContract;
import com.docsdk.testkit.SimulatedFault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dcycle facade driving its upload-and-read flow against the stateful {@link DcycleSimulator} over real HTTP on
 * loopback: presigned URLs for a batch of two files, the PUTs to the simulated S3 with each file's MIME type, the
 * confirmation that marks them {@code uploaded}, the reading that appears after N polls, records created from it,
 * the 403 of a wrong organization id, and injected faults. Waits are recorded, never slept.
 */
class DcycleSimulatorFlowTest {
    private static final String API_KEY = "dcy_sim_flow_key";
    private static final String ORGANIZATION_ID = "7d1e5a2b-0c3f-4e8a-9b6d-2f4c8e1a3b5d";
    private static final String FACILITY_ID = "a8315ef3-dd50-43f8-b7ce-d839e68d51fa";
    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("dcycle");
    private static final PollOptions FAST = PollOptions.builder().interval(Duration.ofMillis(10))
            .maxInterval(Duration.ofMillis(20)).timeout(Duration.ofMinutes(1)).build();

    @RegisterExtension
    static DcycleSimulator sim = DcycleSimulator.create()
            .expectApiKey(API_KEY)
            .expectOrganizationId(ORGANIZATION_ID)
            .pollsUntilRead(3);

    @TempDir
    Path dir;

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final Sleeper sleeper = sleeps::add;
    private DcycleClient client;
    private Path invoice;
    private Path meterReadings;

    @BeforeEach
    void setUp() throws IOException {
        client = client(API_KEY, ORGANIZATION_ID);
        invoice = Files.write(dir.resolve("water-invoice-2024-03.pdf"),
                "%PDF-1.7\n% simulated water invoice\n".getBytes(StandardCharsets.US_ASCII));
        meterReadings = Files.write(dir.resolve("meter-readings-q1.dat"),
                "meter,m3\nWTR-1,32.1\n".getBytes(StandardCharsets.US_ASCII));
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private DcycleClient client(String apiKey, String organizationId) {
        return DcycleClient.builder()
                .apiKey(apiKey)
                .organizationId(organizationId)
                .baseUrl(sim.baseUrl())
                .sleeper(sleeper)
                .readingPollOptions(FAST)
                .build();
    }

    @Test
    void uploadsTwoFilesAwaitsTheReadingAndCreatesRecords() {
        UploadBatchResult result = client.uploadFiles(List.of(
                FileUpload.of(invoice),                                            // application/pdf, derived
                FileUpload.builder(meterReadings).mimeType("text/csv").build()));  // unknown extension: explicit

        assertTrue(result.allSucceeded(), result.toString());
        List<String> ids = result.files().stream().map(o -> o.fileId().orElseThrow()).collect(Collectors.toList());
        assertEquals(2, ids.size());
        for (String id : ids) {
            assertEquals("uploaded", sim.fileStatus(id).orElseThrow(), "confirmed by batch-update");
        }
        assertEquals(List.of(FileUploadState.UPLOADED, FileUploadState.UPLOADED),
                result.files().stream().map(FileUploadOutcome::state).collect(Collectors.toList()));

        // each PUT carried its file's MIME type and no Dcycle header
        List<LoggedRequest> puts = sim.requests().stream().filter(DcycleSimulatorFlowTest::isStorage)
                .collect(Collectors.toList());
        assertEquals(List.of("application/pdf", "text/csv"),
                puts.stream().map(r -> r.getHeader("Content-Type")).collect(Collectors.toList()));
        for (LoggedRequest put : puts) {
            assertFalse(put.containsHeader("x-api-key"), put.getUrl());
            assertFalse(put.containsHeader("x-organization-id"), put.getUrl());
            assertFalse(put.containsHeader("Authorization"), put.getUrl());
        }

        FileReadingListItem item = client.awaitReading(ids.get(0));

        assertEquals(ids.get(0), item.getId());
        assertEquals("success", item.getReading().getStatus());
        assertEquals(3, readingPolls(), "the reading appears on the 3rd readings call after the confirmation");
        assertTrue(sleeps.stream().allMatch(d -> d.compareTo(Duration.ofMillis(20)) <= 0), sleeps.toString());

        String readingId = item.getReading().getId();
        client.fileReadings().createRecords(DcycleTesting.records(readingId, DcycleTesting.share(FACILITY_ID, 1.0)));
        assertTrue(sim.isLinked(ids.get(0)));
        assertFalse(sim.isLinked(ids.get(1)));

        List<String> listed = client.files().list().stream().map(FileRecord::getId).collect(Collectors.toList());
        assertEquals(ids, listed);
        CONTRACT.assertRequestsMatch(sim.requests(), r -> !isStorage(r));
    }

    @Test
    void softDeleteAndRecoverRoundTrip() {
        String id = client.uploadFile(invoice).fileId().orElseThrow();
        assertEquals("uploaded", sim.fileStatus(id).orElseThrow());

        client.files().delete(id);
        assertEquals("deleted", sim.fileStatus(id).orElseThrow());
        assertTrue(client.files().list().stream().noneMatch(f -> id.equals(f.getId())));

        client.files().recover(id);
        assertEquals("uploaded", sim.fileStatus(id).orElseThrow());
        assertEquals("uploaded", client.files().get(id).getStatus());
    }

    @Test
    void wrongOrganizationIdIsPermissionDeniedWithAHint() {
        try (DcycleClient other = client(API_KEY, "00000000-0000-4000-8000-000000000000")) {
            PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                    () -> other.files().list().stream().count());

            assertEquals(403, e.statusCode());
            assertEquals("FORBIDDEN", e.errorCode().orElseThrow());
            String message = e.getMessage().toLowerCase(Locale.ROOT);
            assertTrue(message.contains("organization id"), e.getMessage());
            assertTrue(e.messages().stream().anyMatch(m -> m.contains(DcycleClient.ENV_ORGANIZATION_ID)),
                    e.messages().toString());
        }
    }

    @Test
    void wrongApiKeyIsAnAuthenticationException() {
        try (DcycleClient wrong = client("not-the-key", ORGANIZATION_ID)) {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> wrong.uploadFiles(List.of(FileUpload.of(invoice))));
            assertEquals("UNAUTHORIZED", e.errorCode().orElseThrow());
        }
    }

    @Test
    void injectedFaultsAreAbsorbedByRetries() {
        String id = client.uploadFile(invoice).fileId().orElseThrow();
        // a reset connection, then a 503 burst on the readings GET
        sim.injectFaults(SimulatedFault.CONNECTION_RESET, 1).injectFaults(SimulatedFault.SERVICE_UNAVAILABLE, 2);

        FileReadingListItem item = client.awaitReading(id);

        assertEquals("success", item.getReading().getStatus());
        assertTrue(sleeps.contains(Duration.ofSeconds(1)), "the 503's Retry-After: 1 was honoured: " + sleeps);
        assertEquals(3, readingPolls() - 3, "faulted attempts never reach the simulated API");
        assertNotNull(item.getReading().getId());
        CONTRACT.assertRequestsMatch(sim.requests(), r -> !isStorage(r));
    }

    private static long readingPolls() {
        return sim.requests().stream().filter(r -> "GET".equals(r.getMethod().getName()))
                .filter(r -> r.getUrl().startsWith("/v1/files/readings")).count();
    }

    private static boolean isStorage(LoggedRequest r) {
        return r.getUrl().startsWith("/_storage/");
    }
}
