package com.docsdk.fileai;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.fileai.model.IntegrationExportStatus;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
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

/** Every validation rule rejects bad input with a {@link ClientValidationException} naming the field, sending nothing. */
class ValidationTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    static Path dir;

    private static FileAiClient client;

    @BeforeEach
    void setUp() {
        client = FileAiClient.builder().apiKey("test-key").baseUrl(wm.baseUrl()).build();
    }

    @AfterEach
    void nothingWasSent() {
        client.close();
        assertEquals(0, wm.getAllServeEvents().size(), "no request may reach the server");
    }

    private static Arguments rule(String field, Executable call) {
        return Arguments.of(field, call);
    }

    private static FileUpload.Builder pdfStream() {
        return FileUpload.stream("invoice.pdf", () -> new ByteArrayInputStream(new byte[1]), 1);
    }

    static Stream<Arguments> rules() throws IOException {
        Path notAFile = Files.createDirectories(dir.resolve("folder"));
        Path noExtension = Files.writeString(dir.resolve("README"), "x");
        List<String> withNull = new ArrayList<>(Arrays.asList("ok", null));
        Supplier<FileAiClient> c = () -> client;
        return Stream.of(
                // list files
                rule("query", () -> c.get().listFiles(null)),
                rule("query", () -> c.get().listFilesPage(null, 1)),
                rule("page", () -> c.get().listFilesPage(FileQuery.all(), 0)),
                rule("options", () -> c.get().listFiles(FileQuery.all(), null)),
                rule("fileIds", () -> FileQuery.builder().fileIds("a", " ")),
                rule("fileIds", () -> FileQuery.builder().fileIds((List<String>) null)),
                rule("updatedAfter", () -> FileQuery.builder().updatedAfter(null)),
                rule("createdAfter", () -> FileQuery.builder().createdAfter(null)),
                rule("sortBy", () -> FileQuery.builder().sortBy(" ")),
                rule("sortBy", () -> FileQuery.builder().sortBy("createdAt;drop")),
                rule("sortOrder", () -> FileQuery.builder().sortOrder(null)),
                rule("pageSize", () -> FileQuery.builder().pageSize(0)),
                rule("fileId", () -> c.get().findFile(" ")),
                // export status
                rule("fileId", () -> c.get().markExportCompleted(null, "done")),
                rule("fileId", () -> c.get().markExporting("  ")),
                rule("fileId", () -> c.get().clearExportStatus("")),
                rule("status", () -> c.get().updateExportStatus("f", null, List.of())),
                rule("status", () -> c.get().updateExportStatus("f", IntegrationExportStatus.UNKNOWN,
                        List.of())),
                rule("messages", () -> c.get().updateExportStatus("f", IntegrationExportStatus.COMPLETED, null)),
                rule("messages[1]", () -> c.get().updateExportStatus("f", IntegrationExportStatus.ERROR, withNull)),
                rule("messages[0]", () -> c.get().markExportCompleted("f", " ")),
                rule("messages", () -> c.get().markExportFailed("f")),
                rule("messages", () -> c.get().markExporting("f", (String[]) null)),
                rule("options", () -> c.get().updateExportStatusWithResponse("f", IntegrationExportStatus.COMPLETED,
                        List.of(), null)),
                // values, schemas, previews
                rule("fileId", () -> c.get().fileValues(" ")),
                rule("page", () -> c.get().fileValuesPage("f", 0, 10, false)),
                rule("pageSize", () -> c.get().fileValuesPage("f", 1, 0, false)),
                rule("page", () -> c.get().listSchemasPage(0, 10)),
                rule("pageSize", () -> c.get().listSchemasPage(1, -1)),
                rule("s3Path", () -> c.get().createPreview(" ")),
                rule("target", () -> c.get().downloadPreview("s3://b/k", null)),
                // uploads
                rule("upload", () -> c.get().upload(null)),
                rule("file", () -> FileUpload.file(null)),
                rule("file", () -> FileUpload.file(dir.resolve("missing.pdf")).build()),
                rule("file", () -> FileUpload.file(notAFile).build()),
                rule("fileType", () -> FileUpload.file(noExtension).build()),
                rule("opener", () -> FileUpload.stream("a.pdf", null, 1)),
                rule("length", () -> FileUpload.stream("a.pdf", () -> null, -1)),
                rule("fileName", () -> FileUpload.stream(null, () -> null, 1).build()),
                rule("fileName", () -> pdfStream().fileName("../etc/invoice.pdf").build()),
                rule("fileType", () -> pdfStream().fileType("pdf").build()),
                rule("fileName", () -> pdfStream().fileType("application/zip").build()),
                rule("pageCount", () -> FileUpload.stream("a.zip", () -> null, 1).pageCount(3).build()),
                rule("pageCount", () -> pdfStream().pageCount(0)),
                rule("callbackUrl", () -> pdfStream().callbackUrl("http://example.com/callback").build()),
                rule("callbackUrl", () -> pdfStream().callbackUrl("not a url").build()),
                rule("ocrModel", () -> pdfStream().ocrModel(" ")),
                rule("directoryId", () -> pdfStream().directoryId("")),
                rule("apiRequestId", () -> pdfStream().apiRequestId(" ")),
                rule("uploadId", () -> c.get().uploadProgress(" ")),
                rule("uploadId", () -> c.get().awaitUpload(null)),
                rule("pollOptions", () -> c.get().awaitUpload("u", null)),
                rule("pollOptions", () -> c.get().uploadAndAwait(pdfStream().build(), null)),
                rule("options", () -> c.get().uploadProgressWithResponse("u", null)),
                // pull integration
                rule("messages", () -> ExportOutcome.failed()),
                rule("messages[0]", () -> ExportOutcome.completed((String) null)),
                rule("pageSize", () -> ExportSyncOptions.builder().pageSize(0)),
                rule("safetyMargin", () -> ExportSyncOptions.builder().safetyMargin(java.time.Duration.ofSeconds(-1))),
                rule("echoWindow", () -> ExportSyncOptions.builder().echoWindow(null)),
                rule("startingFrom", () -> ExportSyncOptions.builder().startingFrom(null)),
                rule("requestOptions", () -> ExportSyncOptions.builder().requestOptions(null)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rules")
    void rejectedBeforeAnyRequest(String field, Executable call) {
        ClientValidationException e = assertThrows(ClientValidationException.class, call);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void validInputStillGoesThroughTheSameBuilders() {
        assertEquals("application/pdf", pdfStream().build().fileType());
        assertEquals("image/jpeg", FileUpload.stream("scan.JPG", () -> null, 0).build().fileType());
        assertEquals("[\"a\",\"b\\\"c\"]", FileQuery.builder().fileIds("a", "b\"c").build().fileIdsParameter()
                .orElseThrow());
        assertEquals(RequestOptions.none(), ExportSyncOptions.defaults().requestOptions());
        assertEquals(PollOptions.defaults(), PollOptions.defaults());
    }
}
