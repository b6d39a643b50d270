package com.docsdk.core.callback;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.SdkException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SeenStore#file(Path, Duration, Clock)}: an append-only file of {@code <expiry epoch millis> <base64url key>}
 * lines, each forced to disk before {@link #markSeen} returns. A torn last line (a crash mid-write) is ignored. When
 * opened, the file is rewritten without expired keys (temporary file, then an atomic move).
 */
final class FileSeenStore implements SeenStore {
    private final Path file;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Instant> keys = new HashMap<>();
    private FileChannel channel;

    FileSeenStore(Path file, Duration ttl, Clock clock) {
        this.file = ClientValidationException.requireNonNull("file", file).toAbsolutePath();
        ClientValidationException.requireNonNull("ttl", ttl);
        ClientValidationException.require(!ttl.isNegative() && !ttl.isZero(), "ttl", "must be positive, got " + ttl);
        this.ttl = ttl;
        this.clock = ClientValidationException.requireNonNull("clock", clock);
        try {
            load();
        } catch (IOException e) {
            throw new SdkException("cannot open the seen-store " + this.file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean markSeen(String key) {
        ClientValidationException.requireNonNull("key", key);
        Instant now = clock.instant();
        if (live(key, now)) {
            return false;
        }
        Instant expiry = now.plus(ttl);
        String line = expiry.toEpochMilli() + " " + encode(key) + "\n";
        try {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record a key in the seen-store " + file, e);
        }
        keys.put(key, expiry);
        return true;
    }

    @Override
    public synchronized boolean isSeen(String key) {
        ClientValidationException.requireNonNull("key", key);
        return live(key, clock.instant());
    }

    private boolean live(String key, Instant now) {
        Instant expiry = keys.get(key);
        if (expiry == null) {
            return false;
        }
        if (!expiry.isAfter(now)) {
            keys.remove(key);
            return false;
        }
        return true;
    }

    private void load() throws IOException {
        Path dir = file.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Instant now = clock.instant();
        int lines = 0;
        if (Files.exists(file)) {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            for (String line : all) {
                lines++;
                int space = line.indexOf(' ');
                if (space <= 0) {
                    continue;
                }
                try {
                    Instant expiry = Instant.ofEpochMilli(Long.parseLong(line.substring(0, space)));
                    String key = new String(Base64.getUrlDecoder().decode(line.substring(space + 1)),
                            StandardCharsets.UTF_8);
                    if (expiry.isAfter(now)) {
                        keys.merge(key, expiry, (a, b) -> a.isAfter(b) ? a : b);
                    }
                } catch (IllegalArgumentException torn) {
                    // a line cut short by a crash: its event will simply be handled again
                }
            }
        }
        if (lines != keys.size() || !Files.exists(file)) {
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                StringBuilder sb = new StringBuilder();
                keys.forEach((k, e) -> sb.append(e.toEpochMilli()).append(' ').append(encode(k)).append('\n'));
                try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ByteBuffer bytes = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.US_ASCII));
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                    out.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Closes the file; the store cannot record keys afterwards. */
    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the seen-store " + file, e);
        }
    }

    @Override
    public synchronized String toString() {
        return "FileSeenStore[file=" + file + ", keys=" + keys.size() + ", ttl=" + ttl + "]";
    }
}
