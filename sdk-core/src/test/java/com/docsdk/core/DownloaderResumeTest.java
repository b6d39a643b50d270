package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.error.TransportException;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.transfer.DownloadRequest;
import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.transfer.Downloader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloader against a raw loopback server that speaks ranges exactly as a test needs: bodies cut mid-way,
 * resumes answered with 206, with 200 and the whole body (what a server does once {@code If-Range} no longer
 * matches), or with a range that was not asked for. A hang fails at the timeout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DownloaderResumeTest {
    /** Several times the downloader's copy buffer (256 KiB): the buffer is refilled and hashed many times. */
    static final byte[] LARGE = random(1_500_000, 1);
    static final byte[] BODY = random(300_000, 2);
    /** The file as the server has it after it was regenerated between two attempts: shorter, other bytes. */
    static final byte[] REGENERATED = random(120_000, 3);
    static final String ETAG = "\"v1\"";

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

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Starts the server and a transport whose resume backoff is deterministic: 100 ms, 200 ms, 400 ms... */
    private Downloader downloader(RawHttpServer.Handler handler) {
        server = RawHttpServer.start(handler);
        transport = Transport.builder(SdkModule.CORE).baseUrl(server.baseUrl()).credentials(Credentials.none())
                .sleeper(sleeper).retryPolicy(RetryPolicy.builder().maxRetries(0).baseDelay(Duration.ofMillis(100))
                        .jitter(() -> 1.0).build())
                .build();
        return new Downloader(transport);
    }

    /** The whole body with range support announced. */
    private static RawHttpServer.Reply whole(byte[] body) {
        return RawHttpServer.Reply.bytes(200, "application/octet-stream", body).header("Accept-Ranges", "bytes")
                .header("ETag", ETAG);
    }

    /** The bytes from {@code from} as a 206 saying {@code Content-Range: bytes <start>-...}. */
    private static RawHttpServer.Reply partial(byte[] body, int from, int start) {
        return RawHttpServer.Reply.bytes(206, "application/octet-stream", Arrays.copyOfRange(body, from, body.length))
                .header("Accept-Ranges", "bytes").header("ETag", ETAG)
                .header("Content-Range", "bytes " + start + "-" + (body.length - 1 - from + start) + "/" + body.length);
    }

    /** Answers a resume ({@code Range: bytes=N-}) with a correct 206 of the rest of {@code body}. */
    private static RawHttpServer.Reply resumed(RawHttpServer.Received r, byte[] body) {
        int from = rangeStart(r);
        return partial(body, from, from);
    }

    private static int rangeStart(RawHttpServer.Received r) {
        String range = r.header("Range");
        return Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
    }

    private List<String> ranges() {
        return server.requests().stream().map(r -> r.header("Range") == null ? "none" : r.header("Range")).toList();
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    private String url() {
        return server.url("/export.bin");
    }

    @Test
    void aBodyLargerThanTheCopyBufferIsDownloadedWhole() throws Exception {
        Downloader downloader = downloader(r -> RawHttpServer.Reply.bytes(200, "application/zip", LARGE));
        Path target = dir.resolve("large.zip");
        DownloadResult r = downloader.download(DownloadRequest.fromUrl(url()).toFile(target).build());
        assertEquals(LARGE.length, r.bytes());
        assertEquals(sha256(LARGE), r.sha256());
        assertArrayEquals(LARGE, Files.readAllBytes(target));
        assertEquals(0, r.resumes());
    }

    @Test
    void aResumeSendsRangeAndIfRangeAndAppendsTheMatching206() throws Exception {
        Downloader downloader = downloader(r -> r.header("Range") == null ? whole(BODY).cutAfter(100_000)
                : resumed(r, BODY));
        Path target = dir.resolve("export.bin");
        DownloadResult r;
        try (LogCapture logs = new LogCapture()) {
            r = downloader.download(DownloadRequest.fromUrl(url()).toFile(target).build());
            assertTrue(logs.all().contains("); resuming (1 of 3)"), logs.all());
        }
        assertEquals(List.of("none", "bytes=100000-"), ranges());
        assertEquals(ETAG, server.requests().get(1).header("If-Range"));
        assertNull(server.requests().get(0).header("If-Range"));
        assertArrayEquals(BODY, Files.readAllBytes(target));
        assertEquals(sha256(BODY), r.sha256());
        assertEquals(BODY.length, r.bytes());
        assertEquals(1, r.resumes());
    }

    @Test
    void aResumeAnsweredWith200AndTheWholeBodyRestartsInsteadOfAppending() throws Exception {
        // The file changed on the server: If-Range no longer matches, so the server sends the new version whole.
        Downloader downloader = downloader(r -> r.header("Range") == null ? whole(BODY).cutAfter(200_000)
                : whole(REGENERATED).header("ETag", "\"v2\""));
        Path target = dir.resolve("export.bin");
        DownloadResult r = downloader.download(DownloadRequest.fromUrl(url()).toFile(target).build());
        assertEquals(List.of("none", "bytes=200000-"), ranges());
        assertArrayEquals(REGENERATED, Files.readAllBytes(target), "the file holds the new version only");
        assertEquals(sha256(REGENERATED), r.sha256(), "the checksum restarted with the body");
        assertEquals(REGENERATED.length, r.bytes());
        assertTrue(leftovers().isEmpty());
    }

    @Test
    void a206ThatStartsAtTheFirstByteInsteadOfTheOffsetRestarts() throws Exception {
        Downloader downloader = downloader(r -> r.header("Range") == null ? whole(BODY).cutAfter(100_000)
                : partial(BODY, 0, 0));
        Path target = dir.resolve("export.bin");
        DownloadResult r = downloader.download(DownloadRequest.fromUrl(url()).toFile(target).build());
        assertArrayEquals(BODY, Files.readAllBytes(target));
        assertEquals(sha256(BODY), r.sha256());
        assertEquals(BODY.length, r.bytes());
    }

    @Test
    void a206ForAnotherRangeThanTheOneAskedForIsNeverWrittenAtTheOffset() throws Exception {
        // Asked for bytes=100000-, the server answers bytes 50000-: those bytes belong elsewhere; the download
        // starts over without Range instead of writing them at byte 100,000 (or at byte 0).
        Downloader downloader = downloader(r -> {
            if (r.header("Range") == null) {
                return server.requests().size() == 1 ? whole(BODY).cutAfter(100_000) : whole(BODY);
            }
            return partial(BODY, 50_000, 50_000);
        });
        Path target = dir.resolve("export.bin");
        DownloadResult r = downloader.download(DownloadRequest.fromUrl(url()).toFile(target).build());
        assertEquals(List.of("none", "bytes=100000-", "none"), ranges());
        assertArrayEquals(BODY, Files.readAllBytes(target));
        assertEquals(sha256(BODY), r.sha256());
        assertEquals(2, r.resumes());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeper.sleeps, "a backoff each time");
    }

    @Test
    void aWrongRangeEveryTimeFailsAfterMaxResumesAndLeavesNothing() throws Exception {
        Downloader downloader = downloader(r -> r.header("Range") == null && server.requests().size() == 1
                ? whole(BODY).cutAfter(100_000) : partial(BODY, 50_000, 50_000));
        Path target = dir.resolve("export.bin");
        TransportException e = assertThrows(TransportException.class, () -> downloader.download(
                DownloadRequest.fromUrl(url()).toFile(target).maxResumes(2).build()));
        assertTrue(e.getMessage().contains("bytes 50000-"), e.getMessage());
        assertEquals(3, server.requests().size());
        assertFalse(Files.exists(target));
        assertTrue(leftovers().isEmpty());
    }

    @Test
    void aRestartAfterBytesWereWrittenTruncatesTheFileAndResetsTheChecksum() throws Exception {
        // No range support: a broken body restarts from the first byte; the server meanwhile has a shorter file.
        Downloader downloader = downloader(r -> server.requests().size() == 1
                ? RawHttpServer.Reply.bytes(200, "text/csv", BODY).cutAfter(200_000)
                : RawHttpServer.Reply.bytes(200, "text/csv", REGENERATED));
        Path target = dir.resolve("report.csv");
        DownloadResult r;
        try (LogCapture logs = new LogCapture()) {
            r = downloader.download(DownloadRequest.fromUrl(url()).toFile(target).build());
            assertTrue(logs.all().contains("); restarting (1 of 3)"), logs.all());
        }
        assertEquals(List.of("none", "none"), ranges(), "without Accept-Ranges the transfer restarts");
        assertArrayEquals(REGENERATED, Files.readAllBytes(target), "no byte of the first attempt is left");
        assertEquals(sha256(REGENERATED), r.sha256());
        assertEquals(REGENERATED.length, r.bytes());
        assertEquals(1, r.resumes());
        assertEquals(List.of(Duration.ofMillis(100)), sleeper.sleeps, "one backoff before the restart");
    }

    @Test
    void resumesAreBoundedByMaxResumesWithABackoffBetweenThem() throws Exception {
        Downloader downloader = downloader(r -> r.header("Range") == null ? whole(BODY).cutAfter(10_000)
                : partial(BODY, rangeStart(r), rangeStart(r)).cutAfter(10_000));
        Path target = dir.resolve("export.bin");
        Files.writeString(target, "previous export");
        TransportException e = assertThrows(TransportException.class, () -> downloader.download(
                DownloadRequest.fromUrl(url()).toFile(target).maxResumes(2).build()));
        assertEquals(List.of("none", "bytes=10000-", "bytes=20000-"), ranges());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeper.sleeps);
        assertEquals(3, e.attempts());
        assertEquals("previous export", Files.readString(target));
        assertTrue(leftovers().isEmpty());
    }

    @Test
    void manyResumesInARowEachContinueTheChecksum() throws Exception {
        int breaks = 10;
        Downloader downloader = downloader(r -> {
            int from = r.header("Range") == null ? 0 : rangeStart(r);
            RawHttpServer.Reply reply = from == 0 ? whole(BODY) : partial(BODY, from, from);
            return server.requests().size() <= breaks ? reply.cutAfter(1_000) : reply;
        });
        Path target = dir.resolve("export.bin");
        DownloadResult r = downloader.download(DownloadRequest.fromUrl(url()).toFile(target).maxResumes(breaks)
                .build());
        assertEquals(breaks, r.resumes());
        assertArrayEquals(BODY, Files.readAllBytes(target));
        assertEquals(sha256(BODY), r.sha256());
    }

    @Test
    void aDownloadHashesOnTheCallersThreadAndStartsNoThreadOfItsOwn() throws Exception {
        Set<Thread> before = sdkThreads();
        Downloader downloader = downloader(r -> r.header("Range") == null ? whole(BODY).cutAfter(10_000)
                : RawHttpServer.Reply.status(404, "text/plain", "gone"));
        assertThrows(NotFoundException.class, () -> downloader.download(DownloadRequest.fromUrl(url())
                .toFile(dir.resolve("x.bin")).build()));
        assertThrows(TransportException.class, () -> downloader.download(DownloadRequest.fromUrl(url())
                .toFile(dir.resolve("y.bin")).maxResumes(0).build()));
        Set<String> during = new java.util.concurrent.CopyOnWriteArraySet<>();
        Downloader whole = downloader(r -> whole(BODY));
        DownloadResult r = whole.download(DownloadRequest.fromUrl(url()).toFile(dir.resolve("z.bin"))
                .progress((done, total) -> sdkThreads().forEach(t -> during.add(t.getName()))).build());
        assertEquals(sha256(BODY), r.sha256());
        Set<Thread> after = sdkThreads();
        after.removeAll(before);
        assertEquals(Set.of(), after, "threads the downloads left behind");
        assertEquals(Set.of(), during, "threads running while bytes were copied (a hashing thread, say)");
    }

    private static Set<Thread> sdkThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("docsdk"))
                .collect(Collectors.toSet());
    }

    @Test
    void toAStreamAResumeAppendsButARestartIsRefusedOnceBytesWereWritten() throws Exception {
        Downloader downloader = downloader(r -> r.header("Range") == null ? whole(BODY).cutAfter(100_000)
                : resumed(r, BODY));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DownloadResult r = downloader.download(DownloadRequest.fromUrl(url()).toStream(out).build());
        assertArrayEquals(BODY, out.toByteArray());
        assertEquals(1, r.resumes());
        assertEquals(sha256(BODY), r.sha256());
        server.close();

        // Without range support a restart would have to take back bytes the caller already holds: it fails.
        Downloader noRanges = downloader(r2 -> RawHttpServer.Reply.bytes(200, "text/csv", BODY).cutAfter(1_000));
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        TransportException failed = assertThrows(TransportException.class, () -> noRanges.download(DownloadRequest
                .fromUrl(url()).toStream(partial).build()));
        assertEquals(1, failed.attempts(), "no resume was tried");
        assertEquals(1, server.requests().size());
        assertEquals(1_000, partial.size());
    }

    @Test
    void toAStreamA200ToTheResumeFailsInsteadOfAppendingTheWholeBody() throws Exception {
        Downloader downloader = downloader(r -> r.header("Range") == null ? whole(BODY).cutAfter(100_000)
                : whole(BODY));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransportException e = assertThrows(TransportException.class, () -> downloader.download(
                DownloadRequest.fromUrl(url()).toStream(out).build()));
        assertTrue(e.getMessage().contains("cannot resume"), e.getMessage());
        assertEquals(100_000, out.size(), "nothing was appended after the bytes already delivered");
    }

    @Test
    void a410FromTheDownloadHostIsAnExpiredUrlThatTheSourceReplaces() throws Exception {
        Downloader downloader = downloader(r -> r.path().equals("/expired")
                ? RawHttpServer.Reply.status(410, "application/xml", "<Error><Code>Gone</Code></Error>")
                : RawHttpServer.Reply.bytes(200, "text/csv", BODY));
        Function<Integer, String> issued = n -> server.url(n == 0 ? "/expired" : "/fresh");
        int[] calls = {0};
        Path target = dir.resolve("export.csv");
        DownloadResult r = downloader.download(DownloadRequest.fromSource(() -> issued.apply(calls[0]++))
                .toFile(target).build());
        assertEquals(1, r.urlRefreshes());
        assertEquals(2, calls[0]);
        assertArrayEquals(BODY, Files.readAllBytes(target));

        assertThrows(SdkHttpException.class, () -> downloader.download(DownloadRequest
                .fromUrl(server.url("/expired")).toFile(target).build()), "a fixed URL is not refreshed");
        assertArrayEquals(BODY, Files.readAllBytes(target), "the earlier download is kept");
    }

    @Test
    void aTargetThatCannotBeWrittenFailsAtOnceWithoutAResume() {
        Downloader downloader = downloader(r -> whole(BODY));
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        TransportException e = assertThrows(TransportException.class, () -> downloader.download(
                DownloadRequest.fromUrl(url()).toStream(full).build()));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals(1, server.requests().size(), "a disk failure is not a network fault: no resume");
        assertEquals(List.of(), sleeper.sleeps);
    }

    @Test
    void toAStreamABodyBrokenBeforeItsFirstByteRestarts() throws Exception {
        Downloader downloader = downloader(r -> server.requests().size() == 1
                ? RawHttpServer.Reply.bytes(200, "text/csv", BODY).cutAfter(0)
                : RawHttpServer.Reply.bytes(200, "text/csv", BODY));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DownloadResult r = downloader.download(DownloadRequest.fromUrl(url()).toStream(out).build());
        assertArrayEquals(BODY, out.toByteArray(), "nothing had reached the caller's stream: a restart is safe");
        assertEquals(1, r.resumes());
        assertEquals(2, server.requests().size());
    }
}
