package com.docsdk.fileai;

import com.docsdk.core.error.SdkException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/** {@link ExportCheckpointStore#file(Path)}: one file, replaced by write-to-temporary, fsync, atomic move. */
final class FileCheckpointStore implements ExportCheckpointStore {
    private final Path file;

    FileCheckpointStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public Optional<String> read() {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SdkException("cannot read the export checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(String checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Path dir = file.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(checkpoint.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            move(temp);
            temp = null;
        } catch (IOException e) {
            throw new SdkException("cannot write the export checkpoint " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private void move(Path temp) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless: the checkpoint itself is intact
        }
    }

    @Override
    public String toString() {
        return "ExportCheckpointStore.file(" + file + ")";
    }
}
