package com.docsdk.webadmit;

import static com.docsdk.webadmit.WebAdmitExamples.API_KEY;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.webadmit.model.CreateExportFileRequest;
import com.docsdk.webadmit.service.ExportFilesService.StartParams;
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

/**
 * Every validation rule, of the generated services (from the spec's constraints) and of the flows, rejects bad input
 * with a {@link ClientValidationException} naming the field, and no request.
 */
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
                rule("exports().listByUserIdentity: identity 0", "userIdentityId",
                        c -> c.exports().listByUserIdentity(0L)),
                rule("exports().listByUserIdentity: negative identity", "userIdentityId",
                        c -> c.exports().listByUserIdentity(-24567L)),
                rule("exports().listByUserIdentity: null identity", "userIdentityId",
                        c -> c.exports().listByUserIdentity(null)),
                rule("exports().listByUserIdentity: null options", "options",
                        c -> c.exports().listByUserIdentity(24567L, null)),
                rule("exports().list: null options", "options", c -> c.exports().list(null)),
                rule("userIdentities().list: null options", "options", c -> c.userIdentities().list(null)),
                rule("userIdentities().withOptions: null", "options", c -> c.userIdentities().withOptions(null)),
                rule("exportFiles().start: identity 0", "userIdentityId", c -> c.exportFiles().start(0L, 86446L)),
                rule("exportFiles().start: export -1", "exportId", c -> c.exportFiles().start(24567L, -1L)),
                rule("exportFiles().start: null params", "params",
                        c -> c.exportFiles().start(24567L, 86446L, null, none)),
                rule("exportFiles().start: null options", "options",
                        c -> c.exportFiles().start(24567L, 86446L, StartParams.none(), null)),
                rule("exportFiles().start: relative callback", "callback", c -> startWithQuery(c, relative)),
                rule("exportFiles().start: ftp callback", "callback", c -> startWithQuery(c, ftp)),
                rule("exportFiles().start: callback without host", "callback", c -> startWithQuery(c, noHost)),
                rule("exportFiles().start: mailto callback", "callback", c -> startWithQuery(c, mailto)),
                rule("exportFiles().start: ftp callback in the body", "createExportFileRequest.callback",
                        c -> c.exportFiles().start(24567L, 86446L, StartParams.builder()
                                .createExportFileRequest(new CreateExportFileRequest().callback(ftp)).build(), none)),
                rule("exportFiles().withRawResponse().start: relative callback in the body",
                        "createExportFileRequest.callback", c -> c.exportFiles().withRawResponse().start(24567L, 86446L,
                                StartParams.builder().createExportFileRequest(
                                        new CreateExportFileRequest().callback(relative)).build(), none)),
                rule("exportFiles().async().start: identity 0, before any future", "userIdentityId",
                        c -> c.exportFiles().async().start(0L, 86446L)),
                rule("exportFiles().get: export 0", "exportId", c -> c.exportFiles().get(0L, 74780L)),
                rule("exportFiles().get: file 0", "exportFileId", c -> c.exportFiles().get(86446L, 0L)),
                rule("exportFiles().get: null file", "exportFileId", c -> c.exportFiles().get(86446L, null)),
                rule("exportFiles().get: null options", "options", c -> c.exportFiles().get(86446L, 74780L, null)),
                rule("exportFiles().list: identity 0", "userIdentityId", c -> c.exportFiles().list(0L)),
                rule("exportFiles().list: null options", "options", c -> c.exportFiles().list(1L, null)),
                rule("awaitExportFile: export 0", "exportId", c -> c.awaitExportFile(0L, 74780L)),
                rule("awaitExportFile: null file", "exportFileId", c -> c.awaitExportFile(86446L, null)),
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
                rule("exportToFile: null identity", "userIdentityId", c -> c.exportToFile(null, 86446L, ok)),
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

    private static void startWithQuery(WebAdmitClient c, URI callback) {
        c.exportFiles().start(24567L, 86446L, StartParams.builder().callback(callback).build(), RequestOptions.none());
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
