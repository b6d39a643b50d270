package com.docsdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.testkit.DcycleSimulator;
import com.docsdk.testkit.Document360Simulator;
import com.docsdk.testkit.WebAdmitSimulator;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The flows and the reflected operations of WebAdMIT, Document360 and Dcycle, against the simulators. */
class FlowCommandsTest {
    @RegisterExtension
    static final WebAdmitSimulator WEBADMIT = WebAdmitSimulator.create();
    @RegisterExtension
    static final Document360Simulator D360 = Document360Simulator.create();
    @RegisterExtension
    static final DcycleSimulator DCYCLE = DcycleSimulator.create();

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void configureSimulators() {
        WEBADMIT.pollsUntilAvailable(2).exportOutcome(WebAdmitSimulator.ExportOutcome.AVAILABLE);
        D360.pollsUntilCompleted(2).failExports(false);
        DCYCLE.pollsUntilRead(2);
    }

    private CliRun cli() {
        return new CliRun(dir)
                .env("WEBADMIT_API_KEY", "wa-secret").env("WEBADMIT_BASE_URL", WEBADMIT.baseUrl())
                .env("DOCUMENT360_API_KEY", "d360-secret").env("DOCUMENT360_BASE_URL", D360.baseUrl())
                .env("DCYCLE_API_KEY", "dc-secret").env("DCYCLE_ORGANIZATION_ID", "org-1")
                .env("DCYCLE_BASE_URL", DCYCLE.baseUrl());
    }

    @Test
    void webAdmitExportRunDownloadsTheFile() throws IOException {
        WEBADMIT.exportContent("id,name\n1,Ada\n");
        Path target = dir.resolve("applicants.csv");

        CliRun.Result r = cli().run("webadmit", "export", "run", String.valueOf(WebAdmitSimulator.DEFAULT_USER_IDENTITY_ID),
                String.valueOf(WebAdmitSimulator.DEFAULT_EXPORT_ID), "-o", target.toString());

        assertEquals(0, r.code(), r.err());
        assertEquals("id,name\n1,Ada\n", Files.readString(target, StandardCharsets.UTF_8));
        JsonObject out = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(target.toString(), out.get("file").getAsString());
        Golden.assertMatches("webadmit-export-run.json", r.out().replace(target.toString(), "TARGET")
                .replaceAll("\"exportFileId\": \\d+", "\"exportFileId\": 0"));
    }

    @Test
    void webAdmitSuccessWithErrorsExits8AndKeepsTheFile() {
        WEBADMIT.exportOutcome(WebAdmitSimulator.ExportOutcome.SUCCESS_WITH_ERRORS);
        Path target = dir.resolve("x.csv");
        CliRun.Result r = cli().run("webadmit", "export", "run", "42", "29897", "-o", target.toString());
        assertEquals(ExitCodes.FINISHED_WITH_ERRORS, r.code(), r.err());
        assertTrue(Files.exists(target));
        assertTrue(r.err().contains("Success With Errors"), r.err());
    }

    @Test
    void webAdmitWaitTimeoutExits9WithoutAFile() {
        WEBADMIT.pollsUntilAvailable(1000);
        Path target = dir.resolve("x.csv");
        CliRun.Result r = cli().run("webadmit", "export", "run", "42", "29897", "-o", target.toString(),
                "--wait-timeout", "1m");
        assertEquals(ExitCodes.WAIT_TIMED_OUT, r.code(), r.err());
        assertFalse(Files.exists(target));
    }

    @Test
    void webAdmitReflectedOperations() {
        CliRun.Result r = cli().run("webadmit", "user-identities", "list");
        assertEquals(0, r.code(), r.err());
        assertTrue(JsonParser.parseString(r.out()).isJsonArray(), r.out());
        CliRun.Result missing = cli().run("webadmit", "exports", "list-by-user-identity", "999999");
        assertEquals(ExitCodes.NOT_FOUND, missing.code(), missing.err() + missing.out());
    }

    @Test
    void document360ExportWritesTheFile() throws IOException {
        D360.exportContent("PDF-BYTES".getBytes(StandardCharsets.US_ASCII));
        Path target = dir.resolve("docs.pdf");
        CliRun.Result r = cli().run("document360", "export", Document360Simulator.DEFAULT_PROJECT_ID, "-o",
                target.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("PDF-BYTES", Files.readString(target, StandardCharsets.US_ASCII));
    }

    @Test
    void document360FailedExportExits1() {
        D360.failExports(true);
        Path target = dir.resolve("docs.pdf");
        CliRun.Result r = cli().run("document360", "export", Document360Simulator.DEFAULT_PROJECT_ID, "-o",
                target.toString());
        assertEquals(ExitCodes.FAILURE, r.code(), r.err());
        assertFalse(Files.exists(target));
    }

    @Test
    void document360ReflectedProjectsList() {
        CliRun.Result r = cli().run("document360", "projects", "list");
        assertEquals(0, r.code(), r.err());
        Golden.assertMatches("document360-projects-list.json", r.out());
    }

    @Test
    void dcycleUploadAwaitsTheReading() throws IOException {
        Path a = Files.writeString(dir.resolve("bill-1.pdf"), "%PDF-1.4 one");
        Path b = Files.writeString(dir.resolve("bill-2.pdf"), "%PDF-1.4 two");

        CliRun.Result r = cli().run("dcycle", "upload", a.toString(), b.toString(), "--await-reading");

        assertEquals(0, r.code(), r.err());
        JsonArray files = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(2, files.size());
        for (var f : files) {
            String id = f.getAsJsonObject().get("fileId").getAsString();
            assertTrue(f.getAsJsonObject().get("reading").isJsonObject(), f.toString());
            assertTrue(DCYCLE.fileStatus(id).isPresent());
        }
    }

    @Test
    void dcycleUploadOfAMissingFileIsAUsageError() {
        CliRun.Result r = cli().run("dcycle", "upload", dir.resolve("nope.pdf").toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertEquals(Optional.empty(), Optional.of(r.out()).filter(s -> !s.isEmpty()));
    }
}
