package com.docsdk.dcycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.dcycle.model.FileReadingListItem;
import com.docsdk.dcycle.model.Invoice;
import com.docsdk.dcycle.model.Waste;
import com.docsdk.testkit.DcycleSimulator;
import com.docsdk.testkit.OpenApiContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records flow against the stateful {@link DcycleSimulator} over real HTTP on loopback: a file uploaded and read,
 * its records created for a facility named by name and one by id, and the invoices (or, for a {@code wastes}
 * reading, the waste records) linked to the file read back with their shares; an unknown facility id refused by the
 * server with nothing created. Every request is checked against the spec.
 */
class DcycleRecordsSimulatorTest {
    private static final String API_KEY = "dcy_sim_records_key";
    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("dcycle");
    private static final PollOptions FAST = PollOptions.builder().interval(Duration.ofMillis(10))
            .maxInterval(Duration.ofMillis(20)).timeout(Duration.ofMinutes(1)).build();

    @RegisterExtension
    static DcycleSimulator sim = DcycleSimulator.create().expectApiKey(API_KEY).pollsUntilRead(1)
            .strictFacilities(true);

    @TempDir
    Path dir;

    private DcycleClient client;
    private Path invoice;

    @BeforeEach
    void setUp() throws IOException {
        sim.readingCategory("water");
        client = DcycleClient.builder().apiKey(API_KEY).organizationId("7d1e5a2b-0c3f-4e8a-9b6d-2f4c8e1a3b5d")
                .baseUrl(sim.baseUrl()).sleeper(d -> { }).readingPollOptions(FAST).build();
        invoice = Files.write(dir.resolve("water-invoice-2024-03.pdf"),
                "%PDF-1.7\n% simulated\n".getBytes(StandardCharsets.US_ASCII));
    }

    @AfterEach
    void tearDown() {
        client.close();
        CONTRACT.assertRequestsMatch(sim.requests(), r -> !r.getUrl().startsWith("/_storage/"));
    }

    private FileReadingListItem uploadedAndRead() {
        String fileId = client.uploadFile(invoice).fileId().orElseThrow();
        return client.awaitReading(fileId);
    }

    @Test
    void createsInvoicesForFacilitiesNamedByNameAndByIdAndReadsThemBack() {
        FileReadingListItem item = uploadedAndRead();

        RecordsResult done = client.records().createRecords(RecordsRequest.forReading(item)
                .facility(FacilityShare.byName("Madrid Office", 0.6))
                .facility(FacilityShare.byId(DcycleSimulator.LISBON_FACILITY_ID, 0.4)).build());

        assertEquals(List.of(DcycleSimulator.MADRID_FACILITY_ID, DcycleSimulator.LISBON_FACILITY_ID),
                done.facilityIds());
        assertEquals(2, done.invoices().size(), "one invoice per facility share of the one water item");
        assertTrue(done.invoices().stream().allMatch(i -> item.getId().equals(i.getFileId())));
        assertEquals(List.of(0.6, 0.4), done.invoices().stream().map(Invoice::getPercentage).toList());
        assertEquals(32.1 * 0.6, done.invoices().get(0).getQuantity(), 1e-9);
        assertEquals(List.of(), done.wastes());
        assertTrue(sim.isLinked(item.getId()));
        assertEquals(2, sim.invoiceCount());
        assertEquals(DcycleSimulator.PROJECT_ID, client.projects().list().get(0).getId());
    }

    @Test
    void aWastesReadingMakesWasteRecordsCarryingTheFile() {
        sim.readingCategory("wastes");
        FileReadingListItem item = uploadedAndRead();

        RecordsResult done = client.records().createRecords(RecordsRequest.forReading(item)
                .facility(FacilityShare.byId(DcycleSimulator.MADRID_FACILITY_ID, 1.0)).build());

        assertEquals("wastes", item.getCategory());
        assertEquals(List.of(item.getId()), done.wastes().stream().map(Waste::getFileId).toList());
        assertEquals(List.of(), done.invoices());
        assertEquals(0, sim.invoiceCount());
    }

    @Test
    void anUnknownFacilityIdIsRefusedByTheServerAndNothingIsCreated() {
        FileReadingListItem item = uploadedAndRead();

        NotFoundException e = assertThrows(NotFoundException.class, () -> client.records().createRecords(
                RecordsRequest.forReading(item).facility(FacilityShare.byId("0f0f0f0f-0000-4000-8000-000000000000",
                        1.0)).build()));

        assertEquals("FACILITY_NOT_FOUND", e.errorCode().orElseThrow());
        assertEquals(0, sim.invoiceCount());
        assertEquals(false, sim.isLinked(item.getId()));
        assertEquals("Madrid Office", client.facilities().get(DcycleSimulator.MADRID_FACILITY_ID).getName());
    }
}
