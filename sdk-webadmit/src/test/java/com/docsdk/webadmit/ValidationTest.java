package com.docsdk.webadmit;

import static com.docsdk.webadmit.WebAdmitExamples.API_KEY;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.PollOptions;
import com.docsdk.core.RequestOptions;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule rejects bad input with a {@link ClientValidationException} naming the field, and no request. */
class ValidationTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    static Path dir;

    private WebAdmitClient client;

    @BeforeEach
    void setUp() {
        wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        client = WebAdmitClient.builder().apiKey(API_KEY).baseUrl(wm.baseUrl()).sleeper(d -> { }).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    static Stream<Arguments> rules() throws Exception {
        Path ok = dir.resolve("ok.csv");
        Path missingFolder = dir.resolve("no-such-folder").resolve("x.csv");
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        URI relative = URI.create("/callbacks/ready");
        URI ftp = URI.create("ftp://example.edu/ready");
        URI noHost = URI.create("https:/ready");
        URI mailto = URI.create("mailto:admissions@example.edu");
        PollOptions poll = PollOptions.defaults();
        RequestOptions none = RequestOptions.none();
        return Stream.of(
                rule("listExports: identity 0", "userIdentityId", c -> c.listExports(0L)),
                rule("listExports: negative identity", "userIdentityId", c -> c.listExports(-24567L)),
                rule("listExports: null options", "options", c -> c.listExports(24567L, null)),
                rule("listExports(all): null options", "options", c -> c.listExports((RequestOptions) null)),
                rule("listUserIdentities: null options", "options", c -> c.listUserIdentities(null)),
                rule("startExport: identity 0", "userIdentityId", c -> c.startExport(0L, 86446L)),
                rule("startExport: export -1", "exportId", c -> c.startExport(24567L, -1L)),
                rule("startExport: null callback", "callback", c -> c.startExport(24567L, 86446L, null)),
                rule("startExport: relative callback", "callback", c -> c.startExport(24567L, 86446L, relative)),
                rule("startExport: ftp callback", "callback", c -> c.startExport(24567L, 86446L, ftp)),
                rule("startExport: callback without host", "callback", c -> c.startExport(24567L, 86446L, noHost)),
                rule("startExport: mailto callback", "callback", c -> c.startExport(24567L, 86446L, mailto)),
                rule("startExport: null options", "options",
                        c -> c.startExportWithResponse(24567L, 86446L, null, null)),
                rule("getExportFile: export 0", "exportId", c -> c.getExportFile(0L, 74780L)),
                rule("getExportFile: file 0", "exportFileId", c -> c.getExportFile(86446L, 0L)),
                rule("getExportFile: null options", "options", c -> c.getExportFile(86446L, 74780L, null)),
                rule("listRecentExportFiles: identity 0", "userIdentityId", c -> c.listRecentExportFiles(0L)),
                rule("listRecentExportFiles: null options", "options", c -> c.listRecentExportFiles(1L, null)),
                rule("awaitExportFile: export 0", "exportId", c -> c.awaitExportFile(0L, 74780L)),
                rule("awaitExportFile: file -5", "exportFileId", c -> c.awaitExportFile(86446L, -5L, poll)),
                rule("awaitExportFile: null poll options", "pollOptions", c -> c.awaitExportFile(86446L, 74780L, null)),
                rule("awaitExportFileAsync: file 0", "exportFileId", c -> c.awaitExportFileAsync(86446L, 0L, poll)),
                rule("awaitExportFileAsync: null poll options", "pollOptions",
                        c -> c.awaitExportFileAsync(86446L, 74780L, null)),
                rule("downloadExportFile: export 0", "exportId", c -> c.downloadExportFile(0L, 74780L, ok)),
                rule("downloadExportFile: file 0", "exportFileId", c -> c.downloadExportFile(86446L, 0L, ok)),
                rule("downloadExportFile: null path", "target", c -> c.downloadExportFile(86446L, 74780L, (Path) null)),
                rule("downloadExportFile: a folder", "target", c -> c.downloadExportFile(86446L, 74780L, folder)),
                rule("downloadExportFile: missing folder", "target",
                        c -> c.downloadExportFile(86446L, 74780L, missingFolder)),
                rule("downloadExportFile: null stream", "out",
                        c -> c.downloadExportFile(86446L, 74780L, (OutputStream) null)),
                rule("exportToFile: identity 0", "userIdentityId", c -> c.exportToFile(0L, 86446L, ok)),
                rule("exportToFile: export 0", "exportId", c -> c.exportToFile(24567L, 0L, ok)),
                rule("exportToFile: null target", "target", c -> c.exportToFile(24567L, 86446L, null)),
                rule("exportToFile: target is a folder", "target", c -> c.exportToFile(24567L, 86446L, folder)),
                rule("exportToFile: missing folder", "target", c -> c.exportToFile(24567L, 86446L, missingFolder)),
                rule("exportToFile: null request", "run", c -> c.exportToFile(null)),
                rule("ExportRunRequest: ftp callback", "callback",
                        c -> ExportRunRequest.builder(24567L, 86446L).toFile(ok).callback(ftp).build()),
                rule("ExportRunRequest: null progress", "progress",
                        c -> ExportRunRequest.builder(24567L, 86446L).toFile(ok).progress(null).build()),
                rule("ExportRunRequest: null request options", "requestOptions",
                        c -> ExportRunRequest.builder(24567L, 86446L).toFile(ok).requestOptions(null).build()),
                rule("ExportRunRequest: no target", "target",
                        c -> ExportRunRequest.builder(24567L, 86446L).requestOptions(none).build()));
    }

    private static Arguments rule(String name, String field, Consumer<WebAdmitClient> call) {
        return Arguments.of(name, field, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rejectsBadInputBeforeAnyRequest(String name, String field, Consumer<WebAdmitClient> call) {
        ClientValidationException e = assertThrows(ClientValidationException.class, () -> call.accept(client));

        assertEquals(field, e.field(), e.getMessage());
        assertEquals(0, wm.getAllServeEvents().size(), "no request may reach the server");
    }
}
