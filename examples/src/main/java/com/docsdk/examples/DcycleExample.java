package com.docsdk.examples;

import com.docsdk.core.wait.PollOptions;
import com.docsdk.dcycle.DcycleClient;
import com.docsdk.dcycle.FileUpload;
import com.docsdk.dcycle.UploadBatchResult;
import com.docsdk.dcycle.model.CreateRecordsRequest;
import com.docsdk.dcycle.model.FacilityAllocation;
import com.docsdk.dcycle.model.FileReadingListItem;
import com.docsdk.dcycle.model.FileReadingReference;
import com.docsdk.testkit.DcycleSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Dcycle: upload an invoice (presigned URL, streamed PUT with its MIME type, confirmation), wait until Dcycle has
 * read it, and create records from the reading. Real API when {@code DCYCLE_API_KEY} and
 * {@code DCYCLE_ORGANIZATION_ID} are set.
 */
final class DcycleExample extends Flow {

    private static final String DEMO_FACILITY = "a8315ef3-dd50-43f8-b7ce-d839e68d51fa";

    DcycleExample() {
        super("Dcycle", "upload, confirm, wait for reading, records");
    }

    @Override
    String run(Console console) throws Exception {
        boolean real = Env.has("DCYCLE_API_KEY", "DCYCLE_ORGANIZATION_ID");
        console.heading(vendor(), description(), Env.target(real, "api.dcycle.io"));
        try (DcycleSimulator sim = real ? null : DcycleSimulator.create().start();
                DcycleClient dcycle = real ? DcycleClient.fromEnv()
                        : DcycleClient.builder().apiKey("demo-api-key")
                                .organizationId("7d1e5a2b-0c3f-4e8a-9b6d-2f4c8e1a3b5d").baseUrl(sim.baseUrl())
                                .readingPollOptions(PollOptions.builder().interval(Duration.ofMillis(200)).build())
                                .build()) {
            Path invoice = workDir().resolve("water-invoice-2024-03.pdf");
            Files.write(invoice, ("%PDF-1.4 demo water invoice, 32.1 m3, March 2024\n").getBytes());

            UploadBatchResult uploaded = dcycle.uploadFiles(List.of(FileUpload.of(invoice)));
            if (!uploaded.allSucceeded()) {
                throw new IllegalStateException("upload failed: " + uploaded.failed());
            }
            String fileId = uploaded.files().get(0).fileId().orElseThrow();
            console.step("uploaded %s as file %s (confirmed 'uploaded')", invoice.getFileName(), fileId);

            FileReadingListItem item = dcycle.awaitReading(fileId);
            String readingId = item.getReading().getId();
            console.step("reading %s is %s", readingId, item.getReading().getStatus());

            dcycle.fileReadings().createRecords(new CreateRecordsRequest()          // shares total at most 1
                    .addFileReadingsItem(new FileReadingReference().id(readingId))
                    .addFacilitiesItem(new FacilityAllocation().id(DEMO_FACILITY).percentage(1.0)));
            console.step("records created from reading %s, linked to facility %s", readingId, DEMO_FACILITY);
            return "file " + fileId + " uploaded, read and turned into records";
        }
    }
}
