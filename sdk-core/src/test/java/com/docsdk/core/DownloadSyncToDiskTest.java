package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.transfer.DownloadRequest;
import com.docsdk.core.transfer.Downloader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code syncToDisk(true)} really forces the bytes to the device before the move: the JVM's own flight recorder
 * reports every {@code FileChannel.force} ({@code jdk.FileForce}) with the file's path, so the test sees the sync
 * without reaching into the downloader.
 */
class DownloadSyncToDiskTest {
    @TempDir
    Path dir;

    @Test
    void syncToDiskForcesTheTemporaryFileAndOnlyWhenAsked() throws Exception {
        byte[] body = new byte[70_000];
        new Random(7).nextBytes(body);
        List<RecordedEvent> forces;
        try (RawHttpServer server = RawHttpServer.start(r -> RawHttpServer.Reply.bytes(200, "text/csv", body));
                Transport transport = TestHttp.transport(server.baseUrl(), Credentials.none()).build();
                Recording recording = new Recording()) {
            recording.enable("jdk.FileForce").withThreshold(Duration.ZERO);
            recording.start();
            Downloader downloader = new Downloader(transport);
            downloader.download(DownloadRequest.fromUrl(server.url("/plain.csv")).toFile(dir.resolve("plain.csv"))
                    .build());
            downloader.download(DownloadRequest.fromUrl(server.url("/synced.csv")).toFile(dir.resolve("synced.csv"))
                    .syncToDisk(true).build());
            recording.stop();
            Path dump = dir.resolve("forces.jfr");
            recording.dump(dump);
            forces = RecordingFile.readAllEvents(dump);
        }
        List<String> forced = forces.stream().map(e -> e.getString("path")).filter(p -> p != null
                && Path.of(p).getParent().equals(dir.toAbsolutePath())).toList();
        assertEquals(1, forced.size(), "one sync, of the file that asked for it: " + forced);
        String name = Path.of(forced.get(0)).getFileName().toString();
        assertTrue(name.startsWith(".synced.csv.") && name.endsWith(".part"), name + ": the temporary file, before "
                + "the move");
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("synced.csv")));
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("plain.csv")));
    }
}
