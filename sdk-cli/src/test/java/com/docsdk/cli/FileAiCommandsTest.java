package com.docsdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.testkit.FileAiSimulator;
import com.docsdk.testkit.TestClock;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class FileAiCommandsTest {
    static final String KEY = "fa-secret-key-0123456789";

    @RegisterExtension
    static final FileAiSimulator SIM = FileAiSimulator.create();

    @TempDir
    Path dir;
    CliRun cli;

    @BeforeEach
    void setUp() {
        SIM.clock(TestClock.at(Instant.parse("2026-05-01T10:00:00Z")));
        cli = new CliRun(dir).env("FILEAI_API_KEY", KEY).env("FILEAI_BASE_URL", SIM.baseUrl());
    }

    @Test
    void listsFilesAsJsonMatchingTheGoldenFile() throws IOException {
        SIM.addFile("invoice-1.pdf", "application/pdf");
        SIM.addFile("invoice-2.pdf", "application/pdf");

        CliRun.Result r = cli.run("fileai", "files", "list");

        assertEquals(0, r.code(), r.err());
        Golden.assertMatches("fileai-files-list.json", r.out());
        assertEquals("", r.err(), "nothing on stderr when not on a terminal");
    }

    @Test
    void ndjsonTableAndTextFormats() {
        SIM.addFile("a.pdf", "application/pdf");
        SIM.addFile("b.pdf", "application/pdf");

        List<String> nd = cli.run("fileai", "files", "list", "--output", "ndjson").out().lines().toList();
        assertEquals(2, nd.size());
        nd.forEach(line -> assertTrue(JsonParser.parseString(line).isJsonObject(), line));

        String table = cli.run("--output", "table", "fileai", "files", "list").out();
        assertTrue(table.lines().findFirst().orElseThrow().contains("FILENAME"), table);
        assertEquals(3, table.lines().count(), table);

        String text = cli.run("fileai", "files", "list", "--output=text").out();
        assertEquals(2, text.lines().count());
        assertTrue(text.contains("a.pdf\t") || text.contains("\ta.pdf"), text);
    }

    @Test
    void tableByDefaultOnATerminalJsonOtherwise() {
        SIM.addFile("a.pdf", "application/pdf");
        String piped = cli.run("fileai", "files", "list").out();
        assertTrue(JsonParser.parseString(piped).isJsonArray(), piped);
        cli.terminal = true;
        String onTerminal = cli.run("fileai", "files", "list").out();
        assertTrue(onTerminal.startsWith("FILEID") || onTerminal.lines().findFirst().orElseThrow().contains("FILENAME"),
                onTerminal);
    }

    @Test
    void optionsComeFromTheParamsBuildersAndMaxItemsStopsEarly() {
        for (int i = 0; i < 5; i++) {
            SIM.addFile("f" + i + ".pdf", "application/pdf");
        }
        CliRun.Result r = cli.run("fileai", "files", "list", "--limit", "2", "--max-items", "3",
                "--sort-by", "fileName", "--sort-order", "ASC");
        assertEquals(0, r.code(), r.err());
        JsonArray files = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(3, files.size());
        assertEquals("f0.pdf", files.get(0).getAsJsonObject().get("fileName").getAsString());
        assertTrue(SIM.requests().stream().anyMatch(q -> q.getUrl().contains("limit=2")));
    }

    @Test
    void positionalArgumentsAndJsonBodies() throws IOException {
        String id = SIM.addFile("a.pdf", "application/pdf");
        Path body = dir.resolve("status.json");
        Files.writeString(body, "{\"integrationExportStatus\":\"completed\",\"integrationExportMessages\":[\"Imported to ERP\"]}");

        CliRun.Result r = cli.run("fileai", "files", "update-export-status", id, "@" + body);

        assertEquals(0, r.code(), r.err());
        assertEquals(Optional.of("completed"), SIM.exportStatus(id));
    }

    @Test
    void syncHandsEachFileToTheCommandAndReportsItsOutcome() throws IOException {
        String good = SIM.addFile("good.pdf", "application/pdf");
        String bad = SIM.addFile("bad.pdf", "application/pdf");
        Path checkpoint = dir.resolve("checkpoint.json");
        Path seen = dir.resolve("seen");
        // the handler reads the file's JSON from stdin; it fails for bad.pdf with a message on stderr
        String cmd = "cat >> " + seen + "; echo >> " + seen + "; "
                + "if grep -q bad.pdf " + seen + " && [ $(wc -l < " + seen + ") -eq 2 ]; then "
                + "echo 'ERP rejected it' >&2; exit 3; fi; echo imported";

        CliRun.Result r = cli.run("fileai", "sync", "--checkpoint", checkpoint.toString(), "--exec", cmd);

        assertEquals(ExitCodes.FINISHED_WITH_ERRORS, r.code(), r.err());
        assertEquals(Optional.of("completed"), SIM.exportStatus(good));
        assertEquals(Optional.of("error"), SIM.exportStatus(bad));
        assertEquals(List.of("ERP rejected it"), SIM.exportMessages(bad));
        assertEquals(List.of("imported"), SIM.exportMessages(good));
        assertTrue(Files.readString(seen, StandardCharsets.UTF_8).contains("\"fileName\":\"good.pdf\""));
        assertTrue(Files.exists(checkpoint));
        Golden.assertMatches("fileai-sync.json", r.out().replace(good, "GOOD").replace(bad, "BAD"));

        CliRun.Result again = cli.run("fileai", "sync", "--checkpoint", checkpoint.toString(), "--exec", "true");
        assertEquals(0, again.code(), again.err());
        assertFalse(again.out().contains(good), "a completed file is not handed over twice: " + again.out());
    }
}
