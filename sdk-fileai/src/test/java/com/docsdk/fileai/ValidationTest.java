package com.docsdk.fileai;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.RequestOptions;
import static com.docsdk.fileai.model.IntegrationExportStatus.COMPLETED;

import com.docsdk.fileai.model.FileExportStatusUpdate;
import com.docsdk.fileai.model.FilePreviewRequest;
import com.docsdk.fileai.model.IntegrationExportStatus;
import com.docsdk.fileai.service.FilesService.ListParams;
import com.docsdk.fileai.service.FilesService.ListValuesParams;
import com.docsdk.fileai.service.SchemasService;
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
                // list files (generated from the spec's constraints)
                rule("params", () -> c.get().files().list(null, RequestOptions.none())),
                rule("options", () -> c.get().files().list(ListParams.none(), null)),
                rule("params", () -> c.get().files().listPage(null, RequestOptions.none())),
                rule("page", () -> c.get().files().listPage(ListParams.builder().page(0).build(),
                        RequestOptions.none())),
                rule("limit", () -> c.get().files().list(ListParams.builder().limit(0).build(),
                        RequestOptions.none())),
                rule("fileIds", () -> c.get().files().list(ListParams.builder().fileIds("").build(),
                        RequestOptions.none())),
                rule("sortBy", () -> c.get().files().list(ListParams.builder().sortBy("createdAt;drop").build(),
                        RequestOptions.none())),
                rule("sortOrder", () -> c.get().files().list(ListParams.builder().sortOrder("UP").build(),
                        RequestOptions.none())),
                rule("options", () -> c.get().files().withRawResponse().list(ListParams.none(), null)),
                rule("options", () -> c.get().files().async().list(ListParams.none(), null)),
                rule("fileId", () -> c.get().findFile(" ")),
                // export status: the spec's required fields, then the one hand-written rule (ExportStatusRules)
                rule("fileId", () -> c.get().files().updateExportStatus(null, update(COMPLETED))),
                rule("fileId", () -> c.get().files().updateExportStatus(" ", update(COMPLETED))),
                rule("fileExportStatusUpdate", () -> c.get().files().updateExportStatus("f", null)),
                rule("fileExportStatusUpdate.integrationExportStatus",
                        () -> c.get().files().updateExportStatus("f", new FileExportStatusUpdate())),
                rule("fileExportStatusUpdate.integrationExportStatus",
                        () -> c.get().files().updateExportStatus("f", update(IntegrationExportStatus.UNKNOWN))),
                rule("fileExportStatusUpdate.integrationExportMessages",
                        () -> c.get().files().updateExportStatus("f", update(IntegrationExportStatus.ERROR))),
                rule("fileExportStatusUpdate.integrationExportMessages[1]",
                        () -> c.get().files().updateExportStatus("f",
                                update(IntegrationExportStatus.ERROR).integrationExportMessages(withNull))),
                rule("fileExportStatusUpdate.integrationExportMessages",
                        () -> c.get().files().async().updateExportStatus("f", update(IntegrationExportStatus.ERROR))),
                rule("options", () -> c.get().files().updateExportStatus("f", update(COMPLETED), null)),
                // values, schemas, previews
                rule("fileId", () -> c.get().files().listValues(" ")),
                rule("page", () -> c.get().files().listValuesPage("f", ListValuesParams.builder().page(0).build(),
                        RequestOptions.none())),
                rule("limit", () -> c.get().files().listValues("f", ListValuesParams.builder().limit(0).build(),
                        RequestOptions.none())),
                rule("page", () -> c.get().schemas().listPage(SchemasService.ListParams.builder().page(0).build(),
                        RequestOptions.none())),
                rule("filePreviewRequest.s3Path",
                        () -> c.get().files().createPreview(new FilePreviewRequest())),
                rule("s3Path", () -> c.get().downloadPreview(" ", dir.resolve("x"))),
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
                rule("uploadId", () -> c.get().uploads().get(null)),
                rule("uploadId", () -> c.get().awaitUpload(null)),
                rule("pollOptions", () -> c.get().awaitUpload("u", null)),
                rule("pollOptions", () -> c.get().uploadAndAwait(pdfStream().build(), null)),
                rule("options", () -> c.get().uploads().withRawResponse().get("u", null)),
                rule("fileUploadRequest", () -> c.get().uploads().create(null)),
                // pull integration
                rule("messages", () -> ExportOutcome.failed()),
                rule("messages[0]", () -> ExportOutcome.completed((String) null)),
                rule("pageSize", () -> ExportSyncOptions.builder().pageSize(0)),
                rule("safetyMargin", () -> ExportSyncOptions.builder().safetyMargin(java.time.Duration.ofSeconds(-1))),
                rule("echoWindow", () -> ExportSyncOptions.builder().echoWindow(null)),
                rule("startingFrom", () -> ExportSyncOptions.builder().startingFrom(null)),
                rule("requestOptions", () -> ExportSyncOptions.builder().requestOptions(null)));
    }

    private static FileExportStatusUpdate update(IntegrationExportStatus status) {
        return new FileExportStatusUpdate().integrationExportStatus(status);
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
        assertEquals(RequestOptions.none(), ExportSyncOptions.defaults().requestOptions());
        assertEquals(PollOptions.defaults(), PollOptions.defaults());
    }
}
