package com.docsdk.dcycle;

import static com.docsdk.dcycle.DcycleTesting.FACILITY_1;
import static com.docsdk.dcycle.DcycleTesting.FACILITY_2;
import static com.docsdk.dcycle.DcycleTesting.FILE_ID;
import static com.docsdk.dcycle.DcycleTesting.READING_ID;
import static com.docsdk.dcycle.DcycleTesting.share;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.dcycle.model.CreateRecordsRequest;
import com.docsdk.dcycle.model.FacilityAllocation;
import com.docsdk.dcycle.model.FileBatchUpdateRequest;
import com.docsdk.dcycle.model.FileEventDetail;
import com.docsdk.dcycle.model.FileEventRequest;
import com.docsdk.dcycle.model.FileReadingContent;
import com.docsdk.dcycle.model.FileReadingReference;
import com.docsdk.dcycle.model.FileReadingUpdateRequest;
import com.docsdk.dcycle.model.PresignedUrlRequestItem;
import com.docsdk.dcycle.model.UploadConfirmationStatus;
import com.docsdk.dcycle.service.FileReadingsService;
import com.docsdk.dcycle.service.FilesService;
import com.docsdk.dcycle.service.UploadsService;
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

    private static List<FileReadingReference> oneReading() {
        return new ArrayList<>(List.of(new FileReadingReference().id(READING_ID)));
    }

    private static FileBatchUpdateRequest confirm(List<String> fileIds) {
        return new FileBatchUpdateRequest().fileIds(fileIds).status(UploadConfirmationStatus.UPLOADED);
    }

    private static FileEventRequest processEvent(String fileId) {
        return new FileEventRequest().eventType(DcycleClient.PROCESS_DOCUMENT)
                .detail(new FileEventDetail().fileId(fileId));
    }

    private static FileReadingUpdateRequest content(List<Map<String, Object>> items) {
        return new FileReadingUpdateRequest().content(new FileReadingContent().items(items));
    }

    private static FilesService.ListParams files(FilesService.ListParams.Builder b) {
        return b.build();
    }

    private static FileReadingsService.ListParams.Builder readings() {
        return FileReadingsService.ListParams.builder();
    }

    static Stream<Arguments> rules() {
        List<Map<String, Object>> withNullItem = new ArrayList<>();
        withNullItem.add(null);
        Map<String, Object> blankKey = new HashMap<>();
        blankKey.put(" ", 1);
        RequestOptions none = RequestOptions.none();
        return Stream.of(
                // the upload flow and its inputs
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
                // uploads(): the spec's constraints
                rule("files", () -> dcycle.uploads().create(List.of())),
                rule("files[0].name", () -> dcycle.uploads().create(List.of(new PresignedUrlRequestItem()
                        .extension("pdf").mimeType("application/pdf").sizeKb(1)))),
                rule("files[0].size_kb", () -> dcycle.uploads().create(List.of(new PresignedUrlRequestItem()
                        .name("a").extension("pdf").mimeType("application/pdf").sizeKb(-1)))),
                rule("files[0].folder_id", () -> dcycle.uploads().create(List.of(new PresignedUrlRequestItem()
                        .name("a").extension("pdf").mimeType("application/pdf").sizeKb(1).folderId(" x")))),
                rule("fileBatchUpdateRequest.file_ids", () -> dcycle.uploads().update(confirm(List.of()))),
                rule("fileBatchUpdateRequest.file_ids", () -> dcycle.uploads().update(confirm(null))),
                rule("fileBatchUpdateRequest.file_ids[0]", () -> dcycle.uploads().update(confirm(List.of(" ")))),
                rule("fileBatchUpdateRequest.file_ids[1]", () -> dcycle.uploads().update(confirm(
                        Arrays.asList(FILE_ID, null)))),
                rule("fileBatchUpdateRequest.project_id", () -> dcycle.uploads().update(confirm(List.of(FILE_ID))
                        .projectId(""))),
                rule("fileBatchUpdateRequest.status", () -> dcycle.uploads().update(confirm(List.of(FILE_ID))
                        .status(null))),
                rule("fileBatchUpdateRequest.status", () -> dcycle.uploads().update(confirm(List.of(FILE_ID))
                        .status(UploadConfirmationStatus.UNKNOWN))),
                rule("file", () -> dcycle.uploads().createMultipart(null)),
                rule("folderId", () -> dcycle.uploads().createMultipart(pdf.toFile(),
                        UploadsService.CreateMultipartParams.builder().folderId(" ").build(), none)),
                // files()
                rule("size", () -> dcycle.files().list(files(FilesService.ListParams.builder().size(0)), none)),
                rule("size", () -> dcycle.files().list(files(FilesService.ListParams.builder().size(101)), none)),
                rule("options", () -> dcycle.files().list(FilesService.ListParams.none(), null)),
                rule("params", () -> dcycle.files().list(null, none)),
                rule("page", () -> dcycle.files().listPage(files(FilesService.ListParams.builder().page(0)), none)),
                rule("page", () -> dcycle.files().withRawResponse().list(files(FilesService.ListParams.builder()
                        .page(0)), none)),
                rule("fileId", () -> dcycle.files().get(null)),
                rule("fileId", () -> dcycle.files().get(" ")),
                rule("fileId", () -> dcycle.files().get(" " + FILE_ID)),
                rule("fileId", () -> dcycle.files().delete("")),
                rule("fileId", () -> dcycle.files().recover("")),
                rule("fileEventRequest.detail.file_id", () -> dcycle.files().sendEvent(processEvent(""))),
                rule("fileEventRequest.event_type", () -> dcycle.files().sendEvent(processEvent(FILE_ID)
                        .eventType(" "))),
                rule("fileEventRequest.detail", () -> dcycle.files().sendEvent(processEvent(FILE_ID).detail(null))),
                rule("fileId", () -> dcycle.downloadFile("", dir.resolve("x"))),
                rule("target", () -> dcycle.downloadFile(FILE_ID, (Path) null)),
                // fileReadings()
                rule("params", () -> dcycle.fileReadings().list(null, none)),
                rule("fileId[0]", () -> dcycle.fileReadings().list(readings().fileId(List.of("")).build(), none)),
                rule("fileId[1]", () -> dcycle.fileReadings().list(readings().fileId(Arrays.asList(FILE_ID, null))
                        .build(), none)),
                rule("folderId", () -> dcycle.fileReadings().list(readings().folderId(" ").build(), none)),
                rule("projectId", () -> dcycle.fileReadings().list(readings().projectId("").build(), none)),
                rule("name", () -> dcycle.fileReadings().list(readings().name("").build(), none)),
                rule("name", () -> dcycle.fileReadings().list(readings().name("  ").build(), none)),
                rule("category[0]", () -> dcycle.fileReadings().list(readings().category(List.of("")).build(), none)),
                rule("category[1]", () -> dcycle.fileReadings().list(readings().category(List.of("water", " gas"))
                        .build(), none)),
                rule("size", () -> dcycle.fileReadings().list(readings().size(0).build(), none)),
                rule("size", () -> dcycle.fileReadings().list(readings().size(101).build(), none)),
                rule("page", () -> dcycle.fileReadings().listPage(readings().page(0).build(), none)),
                rule("fileId", () -> dcycle.findReading("")),
                rule("fileReadingId", () -> dcycle.fileReadings().update("", content(List.of()))),
                rule("fileReadingUpdateRequest", () -> dcycle.fileReadings().update(READING_ID, null)),
                rule("fileReadingUpdateRequest.content", () -> dcycle.fileReadings().update(READING_ID,
                        new FileReadingUpdateRequest())),
                rule("fileReadingUpdateRequest.content.items", () -> dcycle.fileReadings().update(READING_ID,
                        content(null))),
                rule("fileReadingUpdateRequest.content.items[0]", () -> dcycle.fileReadings().update(READING_ID,
                        content(withNullItem))),
                rule("fileReadingUpdateRequest.content.items[0]", () -> dcycle.fileReadings().update(READING_ID,
                        content(List.of(blankKey)))),
                // records: the spec's constraints, then the rules it cannot state (ReadingRules)
                rule("createRecordsRequest", () -> dcycle.fileReadings().createRecords(null)),
                rule("createRecordsRequest.file_readings[0].id", () -> dcycle.fileReadings().createRecords(
                        DcycleTesting.records(" ", share(FACILITY_1, 0.5)))),
                rule("createRecordsRequest.facilities[0].id", () -> dcycle.fileReadings().createRecords(
                        DcycleTesting.records(READING_ID, share("", 0.5)))),
                rule("createRecordsRequest.facilities", () -> dcycle.fileReadings().createRecords(
                        DcycleTesting.records(READING_ID))),
                rule("createRecordsRequest.facilities[0].percentage", () -> dcycle.fileReadings().createRecords(
                        DcycleTesting.records(READING_ID, share(FACILITY_1, -0.1)))),
                rule("createRecordsRequest.facilities[0].percentage", () -> dcycle.fileReadings().createRecords(
                        DcycleTesting.records(READING_ID, share(FACILITY_1, 60.0)))),
                rule("createRecordsRequest.facilities[0].percentage", () -> dcycle.fileReadings().createRecords(
                        DcycleTesting.records(READING_ID, share(FACILITY_1, Double.NaN)))),
                rule("createRecordsRequest.facilities", () -> dcycle.fileReadings().createRecords(
                        DcycleTesting.records(READING_ID, share(FACILITY_1, 0.6), share(FACILITY_2, 0.5)))),
                rule("createRecordsRequest.project_id", () -> dcycle.fileReadings().createRecords(
                        DcycleTesting.records(READING_ID, share(FACILITY_1, 1.0)).projectId(""))),
                rule("createRecordsRequest.supplier_id", () -> dcycle.fileReadings().createRecords(
                        DcycleTesting.records(READING_ID, share(FACILITY_1, 1.0)).supplierId(" "))),
                rule("createRecordsRequest.file_readings", () -> dcycle.fileReadings().createRecords(body(
                        new ArrayList<>(List.of(new FileReadingReference().id(READING_ID),
                                new FileReadingReference().id(FILE_ID))), share(FACILITY_1, 1.0)))),
                rule("createRecordsRequest.file_readings", () -> dcycle.fileReadings().createRecords(body(
                        new ArrayList<>(), share(FACILITY_1, 1.0)))),
                rule("createRecordsRequest.file_readings[0].id", () -> dcycle.fileReadings().createRecords(body(
                        new ArrayList<>(List.of(new FileReadingReference())), share(FACILITY_1, 1.0)))),
                rule("createRecordsRequest.facilities[1].id", () -> dcycle.fileReadings().createRecords(body(
                        oneReading(), share(FACILITY_1, 0.5), share(null, 0.5)))),
                rule("createRecordsRequest.facilities[1]", () -> dcycle.fileReadings().createRecords(body(
                        oneReading(), share(FACILITY_1, 0.5), null))),
                rule("createRecordsRequest.facilities[0].percentage", () -> dcycle.fileReadings().createRecords(
                        body(oneReading(), share(FACILITY_1, null)))),
                rule("createRecordsRequest.facilities", () -> dcycle.fileReadings().createRecords(body(oneReading(),
                        share(FACILITY_1, 0.7), share(FACILITY_2, 0.7)))),
                rule("createRecordsRequest.facilities", () -> dcycle.fileReadings().async().createRecords(body(
                        oneReading(), share(FACILITY_1, 0.7), share(FACILITY_2, 0.7)))),
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
        api.stubFor(post(urlPathEqualTo("/v1/files/readings")).willReturn(aResponse().withStatus(201)));

        dcycle.fileReadings().createRecords(DcycleTesting.records(READING_ID, share(FACILITY_1, 0.1),
                share(FACILITY_2, 0.2), share("c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f", 0.7)));
        dcycle.fileReadings().createRecords(DcycleTesting.records(READING_ID, share(FACILITY_1, 0.0)));

        api.verify(2, postRequestedFor(urlPathEqualTo("/v1/files/readings")));
        DcycleTesting.CONTRACT.assertRequestsMatch(api);
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
