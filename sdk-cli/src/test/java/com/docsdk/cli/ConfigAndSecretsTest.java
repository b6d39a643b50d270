package com.docsdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.testkit.FileAiSimulator;
import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Flags over the environment over the profile file; secrets only from variables and files, never printed. */
class ConfigAndSecretsTest {
    static final String KEY = "fa-secret-key-0123456789";

    @RegisterExtension
    static final FileAiSimulator SIM = FileAiSimulator.create();

    @TempDir
    Path home;
    String deadUrl;

    @BeforeEach
    void setUp() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            deadUrl = "http://127.0.0.1:" + s.getLocalPort();
        }
        SIM.expectApiKey(KEY);
        SIM.addFile("a.pdf", "application/pdf");
    }

    private void profile(String text) throws IOException {
        Path file = home.resolve(".config/docsdk/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void theProfileFileAlone() throws IOException {
        profile("# docsdk\n[default]\nFILEAI_API_KEY = " + KEY + "\nFILEAI_BASE_URL = " + SIM.baseUrl() + "\n");
        CliRun.Result r = new CliRun(home).run("fileai", "files", "list");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void aNamedProfileAndItsAbsence() throws IOException {
        profile("[default]\nFILEAI_BASE_URL = " + deadUrl + "\n[staging]\nFILEAI_API_KEY = " + KEY
                + "\nFILEAI_BASE_URL = " + SIM.baseUrl() + "\n");
        assertEquals(0, new CliRun(home).run("--profile", "staging", "fileai", "files", "list").code());
        assertEquals(0, new CliRun(home).env("DOCSDK_PROFILE", "staging").run("fileai", "files", "list").code());
        assertEquals(ExitCodes.USAGE, new CliRun(home).run("fileai", "files", "list", "--profile", "prod").code());
    }

    @Test
    void theEnvironmentWinsOverTheProfileAndFlagsOverBoth() throws IOException {
        profile("[default]\nFILEAI_API_KEY = wrong-key\nFILEAI_BASE_URL = " + deadUrl + "\n");
        CliRun env = new CliRun(home).env("FILEAI_API_KEY", KEY).env("FILEAI_BASE_URL", SIM.baseUrl());
        assertEquals(0, env.run("fileai", "files", "list").code());

        CliRun flags = new CliRun(home).env("FILEAI_API_KEY", KEY).env("FILEAI_BASE_URL", deadUrl);
        CliRun.Result r = flags.run("fileai", "--base-url", SIM.baseUrl(), "files", "list");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, flags.run("fileai", "files", "list", "--base-url", SIM.baseUrl()).code());
        assertEquals(ExitCodes.SERVER_OR_TRANSPORT, flags.run("fileai", "files", "list").code());
    }

    @Test
    void secretsFromANamedVariableOrAFileNeverAsAValue() throws IOException {
        CliRun cli = new CliRun(home).env("FILEAI_BASE_URL", SIM.baseUrl()).env("CI_FILEAI_KEY", KEY)
                .env("FILEAI_API_KEY", "wrong-key");
        assertEquals(0, cli.run("fileai", "files", "list", "--api-key-env", "CI_FILEAI_KEY").code());

        Path keyFile = Files.writeString(home.resolve("fileai.key"), KEY + "\n");
        assertEquals(0, cli.run("fileai", "--api-key-file", keyFile.toString(), "files", "list").code());

        CliRun.Result plain = cli.run("fileai", "files", "list", "--api-key", KEY);
        assertEquals(ExitCodes.USAGE, plain.code());
        assertFalse(plain.err().contains(KEY), "the rejected value is not echoed: " + plain.err());

        CliRun.Result unset = cli.run("fileai", "files", "list", "--api-key-env", "NOT_SET");
        assertEquals(ExitCodes.USAGE, unset.code());
        assertTrue(unset.err().contains("NOT_SET"), unset.err());
    }

    @Test
    void doctorReportsWithoutSecrets() {
        CliRun cli = new CliRun(home).env("FILEAI_API_KEY", KEY).env("FILEAI_BASE_URL", SIM.baseUrl());
        CliRun.Result r = cli.run("doctor");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains(KEY) || r.err().contains(KEY));
        JsonArray rows = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(1, rows.size(), r.out());
        var fileAi = rows.get(0).getAsJsonObject();
        assertEquals("fileai", fileAi.get("vendor").getAsString());
        assertEquals("reachable", fileAi.get("host").getAsString());
        assertEquals("passed", fileAi.get("authentication").getAsString());
        assertEquals("credentials present", fileAi.get("setup").getAsString());
        assertTrue(fileAi.get("variablesSet").getAsString().contains("FILEAI_API_KEY"));

        CliRun wrong = new CliRun(home).env("FILEAI_API_KEY", "wrong-key-987").env("FILEAI_BASE_URL", SIM.baseUrl());
        CliRun.Result failed = wrong.run("doctor");
        assertEquals(ExitCodes.AUTHENTICATION, failed.code(), failed.out());
        assertFalse(failed.out().contains("wrong-key-987"));

        assertEquals(ExitCodes.FAILURE, new CliRun(home).run("doctor").code(), "no vendor configured");
    }

    @Test
    void completionCoversTheReflectedCommands() {
        CliRun.Result r = new CliRun(home).run("completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("complete -F"), r.out().substring(0, 200));
        assertTrue(r.out().contains("update-export-status") && r.out().contains("user-identities"));
    }
}
