package com.docsdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.testkit.FileAiSimulator;
import com.docsdk.testkit.SimulatedFault;
import com.docsdk.testkit.WebAdmitSimulator;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The built {@code target/docsdk.jar} (and the launcher script) as separate processes; runs in {@code package}. */
@Tag("process")
class JarProcessTest {
    static final String KEY = "fa-secret-key-0123456789";

    @RegisterExtension
    static final FileAiSimulator FILEAI = FileAiSimulator.create();
    @RegisterExtension
    static final WebAdmitSimulator WEBADMIT = WebAdmitSimulator.create();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Process start(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("FILEAI_") || k.startsWith("WEBADMIT_"));
        pb.environment().put("HOME", dir.toString());
        pb.environment().putAll(env);
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        return pb.start();
    }

    private Run run(List<String> command, Map<String, String> env) throws Exception {
        Process p = start(command, env);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static List<String> jar(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("docsdk.jar")));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void theJarListsFilesAsJsonWhenPiped() throws Exception {
        FILEAI.addFile("a.pdf", "application/pdf");
        Run r = run(jar("fileai", "files", "list"), Map.of("FILEAI_API_KEY", KEY, "FILEAI_BASE_URL", FILEAI.baseUrl()));
        assertEquals(0, r.code(), r.err());
        assertEquals(1, JsonParser.parseString(r.out()).getAsJsonArray().size());
        assertEquals("", r.err(), "no logs or progress when not on a terminal");
    }

    @Test
    void theJarsExitCodesForUsageAndAuthentication() throws Exception {
        assertEquals(ExitCodes.USAGE, run(jar("fileai", "nope"), Map.of()).code());
        FILEAI.expectApiKey("another-key");
        try {
            Run r = run(jar("fileai", "files", "list"), Map.of("FILEAI_API_KEY", KEY, "FILEAI_BASE_URL",
                    FILEAI.baseUrl()));
            assertEquals(ExitCodes.AUTHENTICATION, r.code(), r.err());
            assertTrue(!r.err().contains(KEY) && !r.out().contains(KEY), r.err());
        } finally {
            FILEAI.expectApiKey(KEY);
        }
    }

    @Test
    void theLauncherScriptRunsTheJar() throws Exception {
        Run r = run(List.of("sh", new File("src/main/dist/docsdk").getAbsolutePath(), "--version"),
                Map.of("DOCSDK_JAR", System.getProperty("docsdk.jar")));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("docsdk "), r.out());
    }

    /** SIGTERM (as Ctrl-C's SIGINT) during a download: exit 130 and no partial or temporary file. */
    @Test
    void aSignalDuringADownloadLeavesNoPartialFile() throws Exception {
        WEBADMIT.pollsUntilAvailable(1).exportContent("x".repeat(200_000))
                .slowResponseDuration(Duration.ofSeconds(30));
        Path out = Files.createDirectories(dir.resolve("exports"));
        Process p = start(jar("webadmit", "export", "run", "42", "29897", "-o", out.resolve("e.csv").toString()),
                Map.of("WEBADMIT_API_KEY", "k", "WEBADMIT_BASE_URL", WEBADMIT.baseUrl()));
        try {
            while (WEBADMIT.requests().size() < 2 && p.isAlive()) {
                Thread.sleep(5);
            }
            WEBADMIT.injectFaults(SimulatedFault.SLOW_BODY, 1);
            while (p.isAlive() && filesIn(out) == 0) {
                Thread.sleep(5);
            }
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
            WEBADMIT.slowResponseDuration(Duration.ofMillis(600));
        }
        assertEquals(ExitCodes.INTERRUPTED, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        assertEquals(0, filesIn(out), "no partial or temporary file");
    }

    private static long filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
