package com.docsdk.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.testkit.FileAiSimulator;
import com.docsdk.testkit.SimulatedFault;
import com.docsdk.testkit.WebAdmitSimulator;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every documented exit code from a real exchange (0, 8, 9 and the flows' 1 are in {@link FlowCommandsTest} and
 * {@link FileAiCommandsTest} too).
 */
class ExitCodesTest {
    static final String KEY = "fa-secret-key-0123456789";

    @RegisterExtension
    static final FileAiSimulator SIM = FileAiSimulator.create();
    @RegisterExtension
    static final WebAdmitSimulator WEBADMIT = WebAdmitSimulator.create();

    @TempDir
    Path dir;

    private CliRun fileAi(String baseUrl) {
        return new CliRun(dir).env("FILEAI_API_KEY", KEY).env("FILEAI_BASE_URL", baseUrl);
    }

    @Test
    void usage2() {
        assertEquals(ExitCodes.USAGE, fileAi(SIM.baseUrl()).run("fileai", "nope").code());
        assertEquals(ExitCodes.USAGE, fileAi(SIM.baseUrl()).run("fileai", "files", "list", "--limit", "many").code());
        assertEquals(ExitCodes.USAGE, fileAi(SIM.baseUrl()).run("fileai", "files", "list-values").code());
        CliRun.Result validation = fileAi(SIM.baseUrl()).run("fileai", "files", "list", "--limit", "0");
        assertEquals(ExitCodes.USAGE, validation.code(), validation.err());
        assertTrue(validation.err().contains("limit"), validation.err());
        assertTrue(SIM.requests().isEmpty(), "nothing sent for bad input");
        assertEquals(0, fileAi(SIM.baseUrl()).run("--help").code());
    }

    @Test
    void notFound3() {
        CliRun.Result r = new CliRun(dir).env("WEBADMIT_API_KEY", "k").env("WEBADMIT_BASE_URL", WEBADMIT.baseUrl())
                .run("webadmit", "export-files", "get", "29897", "123456789");
        assertEquals(ExitCodes.NOT_FOUND, r.code(), r.err());
    }

    @Test
    void authentication4WithoutPrintingTheKey() {
        SIM.expectApiKey("the-right-key");
        try {
            CliRun.Result r = fileAi(SIM.baseUrl()).run("fileai", "files", "list");
            assertEquals(ExitCodes.AUTHENTICATION, r.code(), r.err());
            assertFalse(r.err().contains(KEY) || r.out().contains(KEY), r.err());
        } finally {
            SIM.expectApiKey(KEY);
        }
    }

    @Test
    void permission5AndRateLimited6AndServer7FromAnHttpServer() {
        WireMockServer http = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        http.start();
        try {
            AtomicReference<Integer> status = new AtomicReference<>();
            for (int[] c : new int[][] {{403, ExitCodes.PERMISSION}, {429, ExitCodes.RATE_LIMITED},
                {503, ExitCodes.SERVER_OR_TRANSPORT}}) {
                http.resetAll();
                http.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(c[0])
                        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"no\"}")));
                status.set(c[0]);
                CliRun.Result r = fileAi(http.baseUrl()).run("fileai", "files", "list");
                assertEquals(c[1], r.code(), c[0] + ": " + r.err());
            }
        } finally {
            http.stop();
        }
    }

    @Test
    void transport7WhenNothingListens() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun.Result r = fileAi("http://127.0.0.1:" + port).run("fileai", "files", "list");
        assertEquals(ExitCodes.SERVER_OR_TRANSPORT, r.code(), r.err());
    }

    @Test
    void failure1AndFinishedWithErrors8FromTheSync() {
        SIM.addFile("a.pdf", "application/pdf");
        Path checkpoint = dir.resolve("cp.json");
        CliRun.Result r = fileAi(SIM.baseUrl()).run("fileai", "sync", "--checkpoint", checkpoint.toString(),
                "--exec", "echo broken >&2; exit 1");
        assertEquals(ExitCodes.FINISHED_WITH_ERRORS, r.code(), r.err());
        SIM.injectFaults(SimulatedFault.INTERNAL_SERVER_ERROR, 1);
        CliRun.Result jdbc = fileAi(SIM.baseUrl()).run("fileai", "sync", "--checkpoint",
                "jdbc:postgresql://db/x?password=hunter2", "--exec", "true");
        assertEquals(ExitCodes.USAGE, jdbc.code());
        assertFalse(jdbc.err().contains("hunter2"), jdbc.err());
    }

    @Test
    void waitTimedOut9() {
        WEBADMIT.pollsUntilAvailable(10_000);
        try {
            CliRun.Result r = new CliRun(dir).env("WEBADMIT_API_KEY", "k").env("WEBADMIT_BASE_URL", WEBADMIT.baseUrl())
                    .run("webadmit", "export", "run", "42", "29897", "-o", dir.resolve("x.csv").toString(),
                            "--wait-timeout", "10m");
            assertEquals(ExitCodes.WAIT_TIMED_OUT, r.code(), r.err());
        } finally {
            WEBADMIT.pollsUntilAvailable(2);
        }
    }

    /** Ctrl-C during a download: the command thread is interrupted (as Main's shutdown hook does); no file left. */
    @Test
    void interrupted130LeavesNoPartialFile() throws Exception {
        WEBADMIT.pollsUntilAvailable(1).exportContent("x".repeat(200_000))
                .slowResponseDuration(Duration.ofSeconds(20));
        Path out = Files.createDirectories(dir.resolve("out"));
        Path target = out.resolve("export.csv");
        CliRun run = new CliRun(dir).env("WEBADMIT_API_KEY", "k").env("WEBADMIT_BASE_URL", WEBADMIT.baseUrl());
        AtomicReference<CliRun.Result> result = new AtomicReference<>();
        Thread command = new Thread(() -> result.set(run.run("webadmit", "export", "run", "42", "29897", "-o",
                target.toString())));
        command.start();
        // the download is the third request (start, status, file); slow it, then wait until bytes are on disk
        while (WEBADMIT.requests().size() < 2) {
            Thread.onSpinWait();
        }
        WEBADMIT.injectFaults(SimulatedFault.SLOW_BODY, 1);
        try {
            while (command.isAlive() && filesIn(out) == 0) {
                Thread.sleep(5);
            }
            command.interrupt();
            command.join(30_000);
        } finally {
            WEBADMIT.slowResponseDuration(Duration.ofMillis(600));
        }
        assertEquals(ExitCodes.INTERRUPTED, result.get().code(), result.get().err());
        assertEquals(0, filesIn(out), "no partial or temporary file");
    }

    private static long filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
