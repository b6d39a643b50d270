package com.docsdk.dcycle;

import static com.docsdk.dcycle.DcycleTesting.FACILITY_1;
import static com.docsdk.dcycle.DcycleTesting.FACILITY_2;
import static com.docsdk.dcycle.DcycleTesting.FILE_ID;
import static com.docsdk.dcycle.DcycleTesting.READING_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.dcycle.generated.model.CreateRecordsRequest;
import com.docsdk.dcycle.generated.model.FacilityAllocation;
import com.docsdk.dcycle.generated.model.FileReadingReference;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule rejects bad input with a {@link ClientValidationException} naming the field and no request. */
class ValidationTest {
    @RegisterExtension
    static WireMockExtension api = DcycleTesting.wireMock();

    @TempDir
    static Path dir;

    private static Path pdf;
    private static Path empty;
    private static Path noExtension;
    private static Path onlyExtension;
    private static Path unknownExtension;
    private static Path badExtension;

    private static DcycleClient dcycle;

    @BeforeEach
    void setUp() throws IOException {
        pdf = Files.write(dir.resolve("invoice.pdf"), new byte[] {1});
        empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        noExtension = Files.write(dir.resolve("README"), new byte[] {1});
        onlyExtension = Files.write(dir.resolve(".pdf"), new byte[] {1});
        unknownExtension = Files.write(dir.resolve("scan.xyz"), new byte[] {1});
        badExtension = Files.write(dir.resolve("scan.p-d"), new byte[] {1});
        dcycle = DcycleTesting.client(api).build();
    }

    @AfterEach
    void tearDown() {
        dcycle.close();
    }

    private static Arguments rule(String field, Executable call) {
        return Arguments.of(field, call);
    }

    private static CreateRecordsRequest body(List<FileReadingReference> readings, FacilityAllocation... facilities) {
        return new CreateRecordsRequest().fileReadings(readings).facilities(new ArrayList<>(Arrays.asList(facilities)));
    }

    private static FacilityAllocation facility(String id, Double share) {
        return new FacilityAllocation().id(id).percentage(share);
    }

    private static List<FileReadingReference> oneReading() {
        return new ArrayList<>(List.of(new FileReadingReference().id(READING_ID)));
    }

    static Stream<Arguments> rules() {
        List<Map<String, Object>> withNullItem = new ArrayList<>();
        withNullItem.add(null);
        Map<String, Object> blankKey = new HashMap<>();
        blankKey.put(" ", 1);
        return Stream.of(
                // uploads
                rule("files", () -> dcycle.uploadFiles(null)),
                rule("files", () -> dcycle.uploadFiles(List.of())),
                rule("files[1]", () -> dcycle.uploadFiles(Arrays.asList(FileUpload.of(pdf), null))),
                rule("uploadOptions", () -> dcycle.uploadFiles(List.of(FileUpload.of(pdf)), null)),
                rule("file", () -> FileUpload.of(null)),
                rule("file", () -> FileUpload.of(dir.resolve("missing.pdf"))),
                rule("file", () -> FileUpload.of(dir)),
                rule("file", () -> FileUpload.of(empty)),
                rule("file", () -> dcycle.uploadFile(empty)),
                rule("extension", () -> FileUpload.of(noExtension)),
                rule("extension", () -> FileUpload.builder(pdf).extension(".pdf").build()),
                rule("extension", () -> FileUpload.of(badExtension)),
                rule("name", () -> FileUpload.of(onlyExtension)),
                rule("name", () -> FileUpload.builder(pdf).name(" ")),
                rule("name", () -> FileUpload.builder(pdf).name("a/b").build()),
                rule("name", () -> FileUpload.builder(pdf).name("n".repeat(256)).build()),
                rule("mimeType", () -> FileUpload.of(unknownExtension)),
                rule("mimeType", () -> FileUpload.builder(pdf).mimeType("pdf").build()),
                rule("mimeType", () -> FileUpload.builder(pdf).mimeType("").build()),
                rule("folderId", () -> FileUpload.builder(pdf).folderId(" ")),
                rule("projectId", () -> UploadOptions.builder().projectId("")),
                rule("requestOptions", () -> UploadOptions.builder().requestOptions(null)),
                rule("fileIds", () -> dcycle.confirmUploaded(List.of())),
                rule("fileIds[0]", () -> dcycle.confirmUploaded(Arrays.asList(" "))),
                rule("projectId", () -> dcycle.confirmUploaded(List.of(FILE_ID), "", RequestOptions.none())),
                rule("fileIds", () -> dcycle.markUploadFailed(null)),
                // files
                rule("pageSize", () -> dcycle.listFiles(0, RequestOptions.none())),
                rule("pageSize", () -> dcycle.listFiles(101, RequestOptions.none())),
                rule("options", () -> dcycle.listFiles(10, null)),
                rule("page", () -> dcycle.listFilesPageWithResponse(0, 10, RequestOptions.none())),
                rule("fileId", () -> dcycle.getFile(null)),
                rule("fileId", () -> dcycle.getFile(" ")),
                rule("fileId", () -> dcycle.getFile(" " + FILE_ID)),
                rule("fileId", () -> dcycle.deleteFile("")),
                rule("fileId", () -> dcycle.recoverFile("")),
                rule("fileId", () -> dcycle.reprocessFile("")),
                rule("fileId", () -> dcycle.downloadFile("", dir.resolve("x"))),
                rule("target", () -> dcycle.downloadFile(FILE_ID, (Path) null)),
                // readings
                rule("query", () -> dcycle.listReadings(null)),
                rule("fileIds[0]", () -> ReadingQuery.builder().fileIds("")),
                rule("fileIds[1]", () -> ReadingQuery.builder().fileIds(FILE_ID, null)),
                rule("folderId", () -> ReadingQuery.builder().folderId(" ")),
                rule("projectId", () -> ReadingQuery.builder().projectId(null)),
                rule("name", () -> ReadingQuery.builder().name("")),
                rule("categories[0]", () -> ReadingQuery.builder().categories("")),
                rule("categories[1]", () -> ReadingQuery.builder().categories("water", " gas")),
                rule("pageSize", () -> ReadingQuery.builder().pageSize(0)),
                rule("pageSize", () -> ReadingQuery.builder().pageSize(101)),
                rule("page", () -> dcycle.listReadingsPageWithResponse(ReadingQuery.all(), 0, RequestOptions.none())),
                rule("fileId", () -> dcycle.findReading("")),
                rule("fileReadingId", () -> dcycle.updateReading("", List.of())),
                rule("items", () -> dcycle.updateReading(READING_ID, null)),
                rule("items[0]", () -> dcycle.updateReading(READING_ID, withNullItem)),
                rule("items[0]", () -> dcycle.updateReading(READING_ID, List.of(blankKey))),
                // records
                rule("fileReadingId", () -> RecordsRequest.builder(" ")),
                rule("facilityId", () -> RecordsRequest.builder(READING_ID).facility("", 0.5)),
                rule("facilities", () -> RecordsRequest.builder(READING_ID).build()),
                rule("facilities[0].percentage", () -> RecordsRequest.builder(READING_ID).facility(FACILITY_1, -0.1)
                        .build()),
                rule("facilities[0].percentage", () -> RecordsRequest.builder(READING_ID).facility(FACILITY_1, 60)
                        .build()),
                rule("facilities[0].percentage", () -> RecordsRequest.builder(READING_ID)
                        .facility(FACILITY_1, Double.NaN).build()),
                rule("facilities", () -> RecordsRequest.builder(READING_ID).facility(FACILITY_1, 0.6)
                        .facility(FACILITY_2, 0.5).build()),
                rule("projectId", () -> RecordsRequest.builder(READING_ID).projectId("")),
                rule("supplierId", () -> RecordsRequest.builder(READING_ID).supplierId(" ")),
                rule("request", () -> dcycle.createRecords(null)),
                rule("request", () -> dcycle.createRecordsWithResponse((CreateRecordsRequest) null,
                        RequestOptions.none())),
                rule("fileReadings", () -> dcycle.createRecordsWithResponse(body(new ArrayList<>(List.of(
                        new FileReadingReference().id(READING_ID), new FileReadingReference().id(FILE_ID))),
                        facility(FACILITY_1, 1.0)), RequestOptions.none())),
                rule("fileReadings", () -> dcycle.createRecordsWithResponse(body(new ArrayList<>(),
                        facility(FACILITY_1, 1.0)), RequestOptions.none())),
                rule("fileReadings[0].id", () -> dcycle.createRecordsWithResponse(body(new ArrayList<>(List.of(
                        new FileReadingReference())), facility(FACILITY_1, 1.0)), RequestOptions.none())),
                rule("facilities", () -> dcycle.createRecordsWithResponse(body(oneReading()),
                        RequestOptions.none())),
                rule("facilities[1].id", () -> dcycle.createRecordsWithResponse(body(oneReading(),
                        facility(FACILITY_1, 0.5), facility(null, 0.5)), RequestOptions.none())),
                rule("facilities[0].percentage", () -> dcycle.createRecordsWithResponse(body(oneReading(),
                        facility(FACILITY_1, null)), RequestOptions.none())),
                rule("facilities", () -> dcycle.createRecordsWithResponse(body(oneReading(),
                        facility(FACILITY_1, 0.7), facility(FACILITY_2, 0.7)), RequestOptions.none())),
                // waits
                rule("fileId", () -> dcycle.awaitReading("")),
                rule("pollOptions", () -> dcycle.awaitReading(FILE_ID, null)),
                rule("fileId", () -> dcycle.awaitReadingAsync(" ", PollOptions.defaults())),
                rule("fileId", () -> dcycle.reprocessAndAwaitReading("")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rules")
    void badInputIsRejectedBeforeAnyRequest(String field, Executable call) {
        ClientValidationException e = assertThrows(ClientValidationException.class, call);

        assertEquals(field, e.field(), e.getMessage());
        assertEquals(0, api.getAllServeEvents().size(), "no request may reach the server");
    }

    @Test
    void sharesOfExactlyOneAndDecimalNoiseAreAccepted() {
        RecordsRequest.builder(READING_ID).facility(FACILITY_1, 0.1).facility(FACILITY_2, 0.2)
                .facility("c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f", 0.7).build();
        RecordsRequest.builder(READING_ID).facility(FACILITY_1, 0).build();

        assertEquals(0, api.getAllServeEvents().size());
    }

    @Test
    void derivedValuesAreThoseOfTheFile() throws IOException {
        Path report = Files.write(dir.resolve("Report.Q1.XLSX"), new byte[2049]);

        FileUpload upload = FileUpload.of(report);

        assertEquals("Report.Q1", upload.name());
        assertEquals("XLSX", upload.extension());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", upload.mimeType());
        assertEquals(3, upload.sizeKb());
        assertEquals(2049, upload.sizeBytes());
        assertTrue(upload.folderId().isEmpty());
        FileUpload custom = FileUpload.builder(report).name("q1").extension("csv").mimeType("text/csv; charset=utf-8")
                .build();
        assertEquals("text/csv; charset=utf-8", custom.mimeType());
    }
}
