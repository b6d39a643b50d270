package com.docsdk.document360;

import static com.docsdk.document360.VendorExamples.EXPORT_ID;
import static com.docsdk.document360.VendorExamples.PROJECT_ID;
import static com.docsdk.document360.VendorExamples.VERSION_ID;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.document360.model.StartExportRequest;
import com.docsdk.document360.service.ProjectVersionsService;
import com.docsdk.document360.service.ProjectsService;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every validation rule rejects bad input with {@link ClientValidationException} before any request is sent. */
class Document360ValidationTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    static Path dir;

    private static Document360Client client;

    @BeforeEach
    void setUp() {
        client = TestSupport.builder(wm, TestSupport.time()).build();
    }

    @AfterEach
    void nothingReachedTheServer() {
        client.close();
        assertEquals(0, wm.getAllServeEvents().size(), "no request may be sent for invalid input");
    }

    @SuppressWarnings("deprecation") // the deprecated project-versions methods validate too
    static Stream<Arguments> invalidCalls() {
        ExportRequest pdf = ExportRequest.ofFormat("pdf");
        PollOptions poll = PollOptions.defaults();
        RequestOptions none = RequestOptions.none();
        Path file = dir.resolve("out.zip");
        Path missingFolder = dir.resolve("no-such-folder").resolve("out.zip");
        return Stream.of(
                call("projects().list pageSize 0", "pageSize", () -> client.projects().list(projects(0), none)),
                call("projects().list pageSize 101", "pageSize", () -> client.projects().list(projects(101), none)),
                call("projects().list page 0", "page", () -> client.projects().list(ProjectsService.ListParams
                        .builder().page(0).build(), none)),
                call("projects().list null params", "params", () -> client.projects().list(null, none)),
                call("projects().list null options", "options", () -> client.projects().list(projects(10), null)),
                call("projects().listPage pageSize 0", "pageSize", () -> client.projects().listPage(projects(0),
                        none)),
                call("projects().get null id", "projectId", () -> client.projects().get(null)),
                call("projects().get null options", "options", () -> client.projects().get(PROJECT_ID, null)),
                call("projects().withRawResponse().get null id", "projectId",
                        () -> client.projects().withRawResponse().get(null)),
                call("projects().async().get null id", "projectId", () -> client.projects().async().get(null)),
                call("projectVersions().list null id", "projectId", () -> client.projectVersions().list(null)),
                call("projectVersions().list pageSize -1", "pageSize", () -> client.projectVersions().list(
                        PROJECT_ID, ProjectVersionsService.ListParams.builder().pageSize(-1).build(), none)),
                call("projectVersions().get null project", "projectId",
                        () -> client.projectVersions().get(null, VERSION_ID)),
                call("projectVersions().get null version", "projectVersionId",
                        () -> client.projectVersions().get(PROJECT_ID, null)),
                call("workspaces().get null workspace", "workspaceId",
                        () -> client.workspaces().get(PROJECT_ID, null)),
                call("listWorkspaces null project", "projectId", () -> client.listWorkspaces(null)),
                call("listWorkspaces pageSize 0", "pageSize", () -> client.listWorkspaces(PROJECT_ID, 0, none)),
                call("listWorkspaces pageSize 101", "pageSize", () -> client.listWorkspaces(PROJECT_ID, 101, none)),
                call("listWorkspaces null options", "options", () -> client.listWorkspaces(PROJECT_ID, 10, null)),
                call("getWorkspace null project", "projectId",
                        () -> client.getWorkspace(null, WorkspaceRef.defaultWorkspace())),
                call("getWorkspace null reference", "workspace", () -> client.getWorkspace(PROJECT_ID, null)),
                call("getWorkspace null options", "options",
                        () -> client.getWorkspace(PROJECT_ID, WorkspaceRef.byName("v1.0"), null)),
                call("workspaceDialect null project", "projectId", () -> client.workspaceDialect(null)),
                call("startExport null project", "projectId", () -> client.startExport(null, pdf)),
                call("startExport null request", "request", () -> client.startExport(PROJECT_ID, null)),
                call("startExport null options", "options", () -> client.startExport(PROJECT_ID, pdf, null)),
                call("exports().start null body", "startExportRequest", () -> client.exports().start(PROJECT_ID,
                        null)),
                call("exports().start without format", "startExportRequest.format", () -> client.exports().start(
                        PROJECT_ID, new StartExportRequest().workspaceId(VERSION_ID.toString()))),
                call("exports().start with a blank workspace_id", "startExportRequest.workspace_id",
                        () -> client.exports().start(PROJECT_ID, new StartExportRequest().workspaceId("")
                                .format("pdf"))),
                call("exports().start naming the workspace twice", "startExportRequest",
                        () -> client.exports().start(PROJECT_ID, new StartExportRequest()
                                .workspaceId(VERSION_ID.toString()).projectVersionId(VERSION_ID).format("pdf"))),
                call("exports().async().start naming the workspace twice", "startExportRequest",
                        () -> client.exports().async().start(PROJECT_ID, new StartExportRequest()
                                .workspaceId(VERSION_ID.toString()).projectVersionId(VERSION_ID).format("pdf"))),
                call("exports().get null project", "projectId", () -> client.exports().get(null, EXPORT_ID)),
                call("exports().get null export", "exportId", () -> client.exports().get(PROJECT_ID, null)),
                call("awaitExport null export", "exportId", () -> client.awaitExport(PROJECT_ID, null)),
                call("awaitExport null poll options", "pollOptions",
                        () -> client.awaitExport(PROJECT_ID, EXPORT_ID, null)),
                call("awaitExportAsync null project", "projectId",
                        () -> client.awaitExportAsync(null, EXPORT_ID, poll)),
                call("downloadExport null target", "target",
                        () -> client.downloadExport(PROJECT_ID, EXPORT_ID, (Path) null)),
                call("downloadExport null stream", "out",
                        () -> client.downloadExport(PROJECT_ID, EXPORT_ID, (OutputStream) null)),
                call("downloadExport null export", "exportId", () -> client.downloadExport(PROJECT_ID, null, file)),
                call("downloadExport into a missing folder", "file",
                        () -> client.downloadExport(PROJECT_ID, EXPORT_ID, missingFolder)),
                call("downloadExport onto a folder", "file", () -> client.downloadExport(PROJECT_ID, EXPORT_ID, dir)),
                call("downloadExport null project to stream", "projectId",
                        () -> client.downloadExport(null, EXPORT_ID, new ByteArrayOutputStream())),
                call("exportToFile null project", "projectId", () -> client.exportToFile(null, pdf, file)),
                call("exportToFile null request", "request", () -> client.exportToFile(PROJECT_ID, null, file)),
                call("exportToFile null target", "target", () -> client.exportToFile(PROJECT_ID, pdf, null)),
                call("exportToFile null poll options", "pollOptions",
                        () -> client.exportToFile(PROJECT_ID, pdf, file, null)),
                call("exportToFile into a missing folder: the export is not even started", "file",
                        () -> client.exportToFile(PROJECT_ID, pdf, missingFolder)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCalls")
    void rejectsBeforeSending(Executable call, String field) {
        ClientValidationException e = assertThrows(ClientValidationException.class, call);
        assertEquals(field, e.field(), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "pdf export", "p/d/f", "-pdf", "averyveryveryveryveryverylongformatname"})
    void rejectsBadFormats(String format) {
        ClientValidationException e = assertThrows(ClientValidationException.class,
                () -> ExportRequest.builder().format(format));
        assertEquals("format", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "e", "english", "en_US", "en-", "1n", "en-x"})
    void rejectsBadLanguageCodes(String code) {
        ClientValidationException e = assertThrows(ClientValidationException.class,
                () -> ExportRequest.builder().languageCode(code));
        assertEquals("languageCode", e.field());
    }

    @Test
    void rejectsNullsInTheExportRequest() {
        assertEquals("format", assertThrows(ClientValidationException.class,
                () -> ExportRequest.builder().format(null)).field());
        assertEquals("languageCode", assertThrows(ClientValidationException.class,
                () -> ExportRequest.builder().languageCode(null)).field());
        assertEquals("projectVersionId", assertThrows(ClientValidationException.class,
                () -> ExportRequest.builder().projectVersionId(null)).field());
        assertEquals("workspaceId", assertThrows(ClientValidationException.class,
                () -> ExportRequest.builder().workspaceId((UUID) null)).field());
        assertEquals("workspace", assertThrows(ClientValidationException.class,
                () -> ExportRequest.builder().workspace((WorkspaceRef) null)).field());
        assertEquals("workspace", assertThrows(ClientValidationException.class,
                () -> ExportRequest.builder().workspace((Workspace) null)).field());
        assertEquals("workspaceDialect", assertThrows(ClientValidationException.class,
                () -> Document360Client.builder().workspaceDialect(null)).field());
    }

    @Test
    void anExportRequestNeedsAFormat() {
        ClientValidationException e = assertThrows(ClientValidationException.class,
                () -> ExportRequest.builder().languageCode("en").workspaceId(VERSION_ID).build());
        assertEquals("format", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "v1.0", "4d5e6f7a", "4d5e6f7a-8b9c-0d1e-2f3a-4b5c6d7e8f9a0", "1-2-3-4-5",
            " 4d5e6f7a-8b9c-0d1e-2f3a-4b5c6d7e8f9a"})
    void workspaceIdsAreUuids(String id) {
        assertEquals("workspaceId", assertThrows(ClientValidationException.class, () -> WorkspaceRef.byId(id))
                .field());
        assertEquals("workspaceId", assertThrows(ClientValidationException.class,
                () -> ExportRequest.builder().workspaceId(id)).field());
    }

    @Test
    void workspaceReferencesAreChecked() {
        assertEquals("workspaceId", assertThrows(ClientValidationException.class,
                () -> WorkspaceRef.byId((UUID) null)).field());
        assertEquals("workspaceId", assertThrows(ClientValidationException.class,
                () -> WorkspaceRef.byId((String) null)).field());
        assertEquals("workspaceName", assertThrows(ClientValidationException.class,
                () -> WorkspaceRef.byName(" ")).field());
        assertEquals("workspaceName", assertThrows(ClientValidationException.class,
                () -> WorkspaceRef.byName(null)).field());
        assertEquals(WorkspaceRef.byId(VERSION_ID), WorkspaceRef.byId(VERSION_ID.toString().toUpperCase()));
    }

    @Test
    @SuppressWarnings("deprecation")
    void projectVersionIdIsAnAliasOfWorkspaceId() {
        ExportRequest r = ExportRequest.builder().format("pdf").projectVersionId(VERSION_ID).build();
        assertEquals(WorkspaceRef.byId(VERSION_ID), r.workspace());
        assertEquals(VERSION_ID, r.projectVersionId().orElseThrow());
        assertTrue(ExportRequest.ofFormat("pdf").workspace().isDefaultWorkspace());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdf", "html", "markdown", "docx", "json-v2", "md.zip"})
    void acceptsOpenEndedFormats(String format) {
        assertEquals(format, ExportRequest.ofFormat(format).format());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "pt-BR", "zh-Hant", "es-419"})
    void acceptsLanguageTags(String code) {
        ExportRequest r = ExportRequest.builder().format("pdf").languageCode(code).workspaceId(UUID.randomUUID())
                .build();
        assertEquals(code, r.languageCode().orElseThrow());
    }

    private static ProjectsService.ListParams projects(int pageSize) {
        return ProjectsService.ListParams.builder().pageSize(pageSize).build();
    }

    private static Arguments call(String name, String field, Executable call) {
        return Arguments.of(Named.of(name, call), field);
    }
}
