package com.docsdk.core;

import com.docsdk.core.transfer.UploadResult;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.error.TransportException;
import com.docsdk.core.transfer.DownloadRequest;
import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.transfer.Downloader;
import com.docsdk.core.transfer.UploadRequest;
import com.docsdk.core.transfer.Uploader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Downloads and uploads at their edges: what they report, what they validate, what they leave open. */
class TransferEdgesTest {
    static final byte[] BODY = new byte[200_000];

    static {
        new Random(5).nextBytes(BODY);
    }

    @TempDir
    Path dir;

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private RawHttpServer server;
    private Transport transport;

    @AfterEach
    void close() {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Transport transport(RawHttpServer.Handler handler) {
        server = RawHttpServer.start(handler);
        transport = TestHttp.transport(server.baseUrl(), Credentials.none()).sleeper(sleeper).build();
        return transport;
    }

    private static RawHttpServer.Reply body(byte[] bytes) {
        return RawHttpServer.Reply.bytes(200, "application/octet-stream", bytes).header("Accept-Ranges", "bytes");
    }

    /** Files in {@link #dir} this process still holds open (Linux: /proc/self/fd links to them). */
    private List<Path> openFilesInDir() throws IOException {
        List<Path> open = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.toString().startsWith(dir.toAbsolutePath().toString())) {
                        open.add(target);
                    }
                } catch (IOException e) {
                    // the descriptor closed while listing
                }
            }
        }
        return open;
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDownloadToAFileClosesItWhetherItSucceedsOrFails() throws Exception {
        Downloader downloader = new Downloader(transport(r -> r.path().equals("/ok") ? body(BODY)
                : RawHttpServer.Reply.bytes(200, "text/csv", BODY).cutAfter(1_000)));
        downloader.download(DownloadRequest.fromUrl(server.url("/ok")).toFile(dir.resolve("ok.bin")).build());
        assertThrows(TransportException.class, () -> downloader.download(DownloadRequest.fromUrl(server.url("/cut"))
                .toFile(dir.resolve("cut.bin")).maxResumes(0).build()));
        assertEquals(List.of(), openFilesInDir());
        assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("ok.bin")));
    }

    @Test
    void aStreamTargetIsFlushedAndNoThreadKeepsTheJvmAlive() throws Exception {
        Downloader downloader = new Downloader(transport(r -> body(BODY)));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        BufferedOutputStream buffered = new BufferedOutputStream(sink, 1 << 20);
        List<Boolean> daemons = new CopyOnWriteArrayList<>();
        List<OptionalLong> totals = new CopyOnWriteArrayList<>();
        onNonDaemonThread(() -> downloader.download(DownloadRequest.fromUrl(server.url("/f")).toStream(buffered)
                .progress((done, total) -> {
                    totals.add(total);
                    Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("docsdk"))
                            .forEach(t -> daemons.add(t.isDaemon()));
                }).build()));
        assertArrayEquals(BODY, sink.toByteArray(), "flushed through the caller's buffer");
        assertFalse(totals.isEmpty());
        assertFalse(daemons.contains(false), "an SDK thread that would keep the JVM alive");
        assertEquals(OptionalLong.of(BODY.length), totals.get(totals.size() - 1));
    }

    @Test
    void aResumedDownloadReportsTheWholeSizeAsItsTotal() throws Exception {
        Downloader downloader = new Downloader(transport(r -> {
            String range = r.header("Range");
            if (range == null) {
                return body(BODY).header("ETag", "\"e\"").cutAfter(50_000);
            }
            return RawHttpServer.Reply.bytes(206, "application/octet-stream",
                    java.util.Arrays.copyOfRange(BODY, 50_000, BODY.length))
                    .header("Content-Range", "bytes 50000-" + (BODY.length - 1) + "/" + BODY.length);
        }));
        List<long[]> progress = new CopyOnWriteArrayList<>();
        DownloadResult r = downloader.download(DownloadRequest.fromUrl(server.url("/f"))
                .toFile(dir.resolve("f.bin")).progress((done, total) -> progress.add(new long[] {done,
                        total.orElse(-1)})).build());
        assertEquals(1, r.resumes());
        long[] last = progress.get(progress.size() - 1);
        assertArrayEquals(new long[] {BODY.length, BODY.length}, last);
        assertTrue(progress.stream().allMatch(p -> p[1] == BODY.length), "every report knows the total");
    }

    @Test
    void anHttpErrorAfterFreshUrlsSaysSoAndARedirectStatusIsAnError() {
        AtomicInteger issued = new AtomicInteger();
        Downloader downloader = new Downloader(transport(r -> switch (r.path()) {
            case "/bad-request" -> RawHttpServer.Reply.status(400, "text/plain", "expired");
            case "/gone" -> RawHttpServer.Reply.status(410, "text/plain", "gone");
            case "/choices" -> RawHttpServer.Reply.status(300, "text/plain", "pick one");
            default -> RawHttpServer.Reply.status(404, "text/plain", "missing");
        }));
        NotFoundException e = assertThrows(NotFoundException.class, () -> downloader.download(DownloadRequest
                .fromSource(() -> server.url(switch (issued.getAndIncrement()) {
                    case 0 -> "/bad-request";
                    case 1 -> "/gone";
                    default -> "/missing";
                })).toFile(dir.resolve("x.csv")).build()));
        assertTrue(e.getMessage().contains("after 2 fresh URL(s)"), e.getMessage());
        assertEquals(3, issued.get());

        NotFoundException once = assertThrows(NotFoundException.class, () -> downloader.download(DownloadRequest
                .fromUrl(server.url("/missing")).toFile(dir.resolve("y.csv")).build()));
        assertFalse(once.getMessage().contains("fresh URL"), once.getMessage());

        assertThrows(SdkHttpException.class, () -> downloader.download(DownloadRequest
                .fromUrl(server.url("/choices")).toFile(dir.resolve("z.csv")).build()));
        assertFalse(Files.exists(dir.resolve("z.csv")));
    }

    @Test
    void aSourceThatGivesNoUrlIsAValidationError() {
        Downloader downloader = new Downloader(transport(r -> body(BODY)));
        for (String url : new String[] {null, " ", "not a url"}) {
            ClientValidationException e = assertThrows(ClientValidationException.class, () -> downloader.download(
                    DownloadRequest.fromSource(() -> url).toFile(dir.resolve("x")).build()));
            assertEquals("url", e.field());
        }
        assertEquals(0, server.requests().size());
    }

    @Test
    void anInterruptedResumeWaitEndsTheDownloadAndKeepsTheInterrupt() throws Exception {
        server = RawHttpServer.start(r -> body(BODY).cutAfter(1_000));
        transport = TestHttp.transport(server.baseUrl(), Credentials.none()).sleeper(d -> {
            throw new InterruptedException("stop");
        }).build();
        Path target = dir.resolve("x.bin");
        TransportException e = assertThrows(TransportException.class, () -> new Downloader(transport).download(
                DownloadRequest.fromUrl(server.url("/f")).toFile(target).build()));
        assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here)");
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        assertFalse(Files.exists(target));
        assertEquals(1, server.requests().size());
    }

    @Test
    void anInterruptDuringTheTransferEndsItLeavingNoFileAndKeepsTheInterrupt() throws Exception {
        server = RawHttpServer.start(r -> body(BODY));
        transport = TestHttp.transport(server.baseUrl(), Credentials.none()).build();
        Path target = dir.resolve("x.bin");
        List<Long> progress = new CopyOnWriteArrayList<>();
        TransportException e;
        try {
            e = assertThrows(TransportException.class, () -> new Downloader(transport).download(
                    DownloadRequest.fromUrl(server.url("/f")).toFile(target).progress((done, total) -> {
                        progress.add(done);
                        Thread.currentThread().interrupt();
                    }).build()));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here)");
        }
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
        assertEquals(1, progress.size(), "no byte is copied after the interrupt");
        assertFalse(Files.exists(target));
        assertEquals(List.of(), openFilesInDir());
        assertEquals(1, server.requests().size(), "an interrupted transfer is not resumed");
    }

    @Test
    void downloadRequestsValidateTheirFiguresAndTarget() throws Exception {
        String url = "https://files.example.com/x.csv";
        assertEquals("maxResumes", assertThrows(ClientValidationException.class,
                () -> DownloadRequest.fromUrl(url).maxResumes(-1)).field());
        assertEquals("maxUrlRefreshes", assertThrows(ClientValidationException.class,
                () -> DownloadRequest.fromUrl(url).maxUrlRefreshes(-1)).field());
        DownloadRequest zero = DownloadRequest.fromUrl(url).maxResumes(0).maxUrlRefreshes(0).toFile(dir.resolve("a"))
                .build();
        assertEquals("DownloadRequest{to=" + dir.resolve("a") + ", refreshable=false, maxUrlRefreshes=0,"
                + " maxResumes=0}", zero.toString());
        assertEquals("DownloadRequest{to=stream, refreshable=true, maxUrlRefreshes=3, maxResumes=3}",
                DownloadRequest.fromSource(() -> url).toStream(new ByteArrayOutputStream()).build().toString());
        ClientValidationException directory = assertThrows(ClientValidationException.class,
                () -> DownloadRequest.fromUrl(url).toFile(dir).build());
        assertEquals("file", directory.field());
        assertTrue(directory.getMessage().contains("is a directory"), directory.getMessage());
        ClientValidationException missing = assertThrows(ClientValidationException.class,
                () -> DownloadRequest.fromUrl(url).toFile(dir.resolve("missing/x.csv")).build());
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertEquals("target", assertThrows(ClientValidationException.class,
                () -> DownloadRequest.fromUrl(url).build()).field());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFolderThatCannotBeWrittenIsRefusedBeforeAnyRequest() {
        Path readOnly = Path.of("/proc/sys"); // read-only even for root
        Assumptions.assumeTrue(Files.isDirectory(readOnly) && !Files.isWritable(readOnly), "/proc/sys is writable");
        ClientValidationException e = assertThrows(ClientValidationException.class, () -> DownloadRequest
                .fromUrl("https://files.example.com/x.csv").toFile(readOnly.resolve("x.csv")).build());
        assertEquals("file", e.field());
        assertTrue(e.getMessage().contains("is not writable"), e.getMessage());
    }

    @Test
    void anUploadWhoseStreamIsMissingOrShortFailsAndSaysWhy() {
        Uploader uploader = new Uploader(transport(r -> RawHttpServer.Reply.status(200, "text/plain", "")));
        TransportException none = assertThrows(TransportException.class, () -> uploader.upload(UploadRequest
                .toUrl(server.url("/put")).stream(() -> null, 10).contentType("text/csv").build()));
        assertTrue(none.getMessage().contains("no stream"), none.getMessage());
        TransportException shorter = assertThrows(TransportException.class, () -> uploader.upload(UploadRequest
                .toUrl(server.url("/put")).stream(() -> new ByteArrayInputStream(new byte[5]), 10)
                .contentType("text/csv").build()));
        assertTrue(shorter.getMessage().contains("not the declared 10"), shorter.getMessage());
        assertEquals(0, server.count("PUT", "/put"), "no incomplete upload reached the server");
    }

    @Test
    void uploadRequestsValidateTheirSourceAndHeaders() throws Exception {
        String url = "https://bucket.example.com/f.pdf?X-Amz-Signature=SIGSECRET";
        assertEquals("length", assertThrows(ClientValidationException.class, () -> UploadRequest.toUrl(url)
                .stream(() -> new ByteArrayInputStream(new byte[0]), -1)).field());
        UploadRequest empty = UploadRequest.toUrl(url).stream(() -> new ByteArrayInputStream(new byte[0]), 0)
                .contentType("application/pdf").build();
        assertFalse(empty.toString().contains("SIGSECRET"), empty.toString());
        assertTrue(empty.toString().contains("X-Amz-Signature=REDACTED"), empty.toString());
        assertEquals("headerName", assertThrows(ClientValidationException.class, () -> UploadRequest.toUrl(url)
                .header("content-type", "text/plain")).field());
        assertEquals("headerName", assertThrows(ClientValidationException.class, () -> UploadRequest.toUrl(url)
                .header(" ", "x")).field());
        assertEquals("source", assertThrows(ClientValidationException.class, () -> UploadRequest.toUrl(url)
                .contentType("application/pdf").build()).field());
        assertEquals("file", assertThrows(ClientValidationException.class, () -> UploadRequest.toUrl(url)
                .file(dir).contentType("application/pdf").build()).field());
        Path file = Files.write(dir.resolve("f.pdf"), new byte[] {1, 2, 3});
        assertTrue(UploadRequest.toUrl(url).file(file).contentType("application/pdf").build().toString()
                .contains(file.toString()));
    }

    /**
     * Runs {@code work} on a fresh non-daemon thread: a thread inherits its creator's daemon flag, so a thread the SDK
     * starts from there is a daemon only because the SDK made it one.
     */
    static <T> T onNonDaemonThread(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            }
        }, "non-daemon-caller");
        t.setDaemon(false);
        t.start();
        t.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    @Test
    void anInterruptedCallerGetsATransportExceptionAndKeepsItsInterrupt() throws Exception {
        Downloader downloader = new Downloader(transport(r -> body(BODY)));
        Path target = dir.resolve("x.bin");
        Thread.currentThread().interrupt();
        TransportException e;
        try {
            e = assertThrows(TransportException.class, () -> downloader.download(DownloadRequest
                    .fromUrl(server.url("/f")).toFile(target).build()));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here)");
        }
        assertEquals(1, e.attempts());
        assertFalse(Files.exists(target));
    }

    @Test
    void resultsPrintTheirFigures() {
        assertEquals("DownloadResult[file=Optional[/tmp/x.csv], bytes=3, sha256=abc, contentType=Optional[text/csv],"
                + " urlRefreshes=1, resumes=2]", new DownloadResult(java.util.Optional.of(Path.of("/tmp/x.csv")), 3,
                "abc", java.util.Optional.of("text/csv"), 1, 2).toString());
        assertEquals("UploadResult[statusCode=201, etag=Optional[\"e1\"], bytes=7]",
                new UploadResult(201, java.util.Optional.of("\"e1\""), 7).toString());
    }
}
