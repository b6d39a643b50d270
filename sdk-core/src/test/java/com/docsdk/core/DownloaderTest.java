package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.PermissionDeniedException;
import com.docsdk.core.error.TransportException;
import com.docsdk.core.transfer.DownloadRequest;
import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.transfer.Downloader;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {
    @RegisterExtension
    static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    @RegisterExtension
    static WireMockExtension storage = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort())
            .build();

    static final byte[] BODY = new byte[300_000];

    static {
        new Random(42).nextBytes(BODY);
    }

    @TempDir
    Path dir;

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final Transport transport = Transport.builder(SdkModule.CORE).baseUrl(api.baseUrl())
            .credentials(Credentials.apiKey("x-api-key", "sk-download-secret")).sleeper(sleeper).build();
    private final Downloader downloader = new Downloader(transport);

    @AfterEach
    void close() {
        transport.close();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    @Test
    void streamsToAFileAtomicallyWithChecksumProgressAndNoCredentials() throws Exception {
        storage.stubFor(get(urlPathEqualTo("/bucket/export.zip")).willReturn(aResponse().withBody(BODY)
                .withHeader("Content-Type", "application/zip")));
        List<Long> progress = new CopyOnWriteArrayList<>();
        Path target = dir.resolve("export.zip");
        DownloadResult r = downloader.download(DownloadRequest
                .fromUrl(storage.baseUrl() + "/bucket/export.zip?X-Amz-Signature=abc")
                .toFile(target).progress((done, total) -> progress.add(done)).build());

        assertArrayEquals(BODY, Files.readAllBytes(target));
        assertEquals(BODY.length, r.bytes());
        assertEquals(sha256(BODY), r.sha256());
        assertEquals(target.toAbsolutePath(), r.file().orElseThrow());
        assertEquals("application/zip", r.contentType().orElseThrow());
        assertEquals(BODY.length, progress.get(progress.size() - 1));
        assertTrue(leftovers().isEmpty());
        storage.verify(getRequestedFor(urlPathEqualTo("/bucket/export.zip")).withHeader("x-api-key", absent()));
    }

    @Test
    void aDownloadFromTheApiHostCarriesTheCredentials() {
        api.stubFor(get("/v1/files/1/content").willReturn(aResponse().withBody("pdf")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        downloader.download(DownloadRequest.fromUrl(api.baseUrl() + "/v1/files/1/content").toStream(out).build());
        assertEquals("pdf", out.toString());
        api.verify(getRequestedFor(urlPathEqualTo("/v1/files/1/content"))
                .withHeader("x-api-key", com.github.tomakehurst.wiremock.client.WireMock.equalTo("sk-download-secret")));
    }

    @Test
    void aBodyBrokenMidwayLeavesNoFileAndKeepsAnExistingOne() throws Exception {
        storage.stubFor(get("/broken").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        Path target = dir.resolve("report.csv");
        Files.writeString(target, "previous run");
        assertThrows(TransportException.class, () -> downloader.download(DownloadRequest
                .fromUrl(storage.baseUrl() + "/broken").toFile(target).maxResumes(2).build()));
        assertEquals("previous run", Files.readString(target));
        assertTrue(leftovers().isEmpty());

        Path fresh = dir.resolve("fresh.csv");
        assertThrows(TransportException.class, () -> downloader.download(DownloadRequest
                .fromUrl(storage.baseUrl() + "/broken").toFile(fresh).maxResumes(0).build()));
        assertFalse(Files.exists(fresh));
        assertTrue(leftovers().isEmpty());
    }

    @Test
    void aBrokenBodyIsRestartedWhenTheServerCannotResume() throws Exception {
        storage.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)).willSetStateTo("ok"));
        storage.stubFor(get("/flaky").inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody(BODY)));
        Path target = dir.resolve("flaky.bin");
        DownloadResult r = downloader.download(DownloadRequest.fromUrl(storage.baseUrl() + "/flaky")
                .toFile(target).build());
        assertEquals(1, r.resumes());
        assertEquals(sha256(BODY), r.sha256());
        assertArrayEquals(BODY, Files.readAllBytes(target));
    }

    @Test
    void anExpiredUrlIsReplacedByAFreshOneFromTheSource() throws Exception {
        storage.stubFor(get("/old").willReturn(aResponse().withStatus(403).withHeader("Content-Type",
                "application/xml").withBody("<Error><Code>AccessDenied</Code><Message>Request has expired</Message>"
                + "</Error>")));
        storage.stubFor(get("/new").willReturn(aResponse().withBody(BODY)));
        AtomicInteger issued = new AtomicInteger();
        Path target = dir.resolve("export.csv");
        DownloadResult r = downloader.download(DownloadRequest
                .fromSource(() -> storage.baseUrl() + (issued.getAndIncrement() == 0 ? "/old" : "/new"))
                .toFile(target).build());
        assertEquals(1, r.urlRefreshes());
        assertEquals(2, issued.get());
        assertArrayEquals(BODY, Files.readAllBytes(target));
    }

    @Test
    void refreshesAreBoundedAndAFixedUrlIsNotRefreshed() {
        storage.stubFor(get(urlPathEqualTo("/expired")).willReturn(aResponse().withStatus(403)));
        AtomicInteger issued = new AtomicInteger();
        Path target = dir.resolve("never.csv");
        PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> downloader.download(
                DownloadRequest.fromSource(() -> {
                    issued.incrementAndGet();
                    return storage.baseUrl() + "/expired?sig=SASSECRET";
                }).toFile(target).maxUrlRefreshes(2).build()));
        assertEquals(3, issued.get());
        assertFalse(e.getMessage().contains("SASSECRET"), e.getMessage());
        assertFalse(Files.exists(target));

        assertThrows(PermissionDeniedException.class, () -> downloader.download(
                DownloadRequest.fromUrl(storage.baseUrl() + "/expired").toFile(target).build()));
        storage.verify(4, getRequestedFor(urlPathEqualTo("/expired")));
    }

    @Test
    void aBrokenBodyResumesWithRangeWhenTheServerSupportsIt() throws Exception {
        List<String> ranges = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> serveTwice(server, ranges));
            serving.setDaemon(true);
            serving.start();
            Path target = dir.resolve("big.bin");
            DownloadResult r = downloader.download(DownloadRequest
                    .fromUrl("http://127.0.0.1:" + server.getLocalPort() + "/big").toFile(target).build());
            assertEquals(1, r.resumes());
            assertEquals(List.of("none", "bytes=100000-"), ranges);
            assertArrayEquals(BODY, Files.readAllBytes(target));
            assertEquals(sha256(BODY), r.sha256());
        }
    }

    /** A server that supports ranges: it breaks the first response after 100,000 bytes, then serves the rest. */
    private static void serveTwice(ServerSocket server, List<String> ranges) {
        for (int i = 0; i < 2; i++) {
            try (Socket socket = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                String range = "none";
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("range:")) {
                        range = line.substring(6).trim();
                    }
                }
                ranges.add(range);
                OutputStream out = socket.getOutputStream();
                String common = "Accept-Ranges: bytes\r\nETag: \"v1\"\r\nConnection: close\r\n";
                if (range.equals("none")) {
                    out.write(("HTTP/1.1 200 OK\r\n" + common + "Content-Length: " + BODY.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(BODY, 0, 100_000);
                } else {
                    int from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
                    out.write(("HTTP/1.1 206 Partial Content\r\n" + common + "Content-Range: bytes " + from + "-"
                            + (BODY.length - 1) + "/" + BODY.length + "\r\nContent-Length: " + (BODY.length - from)
                            + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(BODY, from, BODY.length - from);
                }
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Test
    void badInputIsRejectedBeforeAnyRequest() {
        assertThrows(ClientValidationException.class, () -> DownloadRequest.fromUrl(" "));
        assertThrows(ClientValidationException.class, () -> DownloadRequest.fromUrl(storage.baseUrl() + "/x")
                .toFile(dir.resolve("missing-folder/x.csv")).build());
        assertThrows(ClientValidationException.class, () -> DownloadRequest.fromUrl(storage.baseUrl() + "/x")
                .build());
        assertThrows(ClientValidationException.class, () -> downloader.download(DownloadRequest
                .fromUrl("ftp://example.com/x").toFile(dir.resolve("x")).build()));
        assertThrows(ClientValidationException.class, () -> downloader.download(DownloadRequest
                .fromUrl("http://files.example.com/x").toFile(dir.resolve("x")).build()));
        assertEquals(0, storage.getAllServeEvents().size());
    }
}
