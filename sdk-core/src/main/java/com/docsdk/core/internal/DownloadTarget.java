package com.docsdk.core.internal;

import com.docsdk.core.transfer.DownloadRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Where downloaded bytes go, with the ability to start over and to commit or abandon the result. */
public abstract class DownloadTarget implements AutoCloseable {

    /** Writes the buffer's remaining bytes. */
    public abstract void write(ByteBuffer buffer) throws IOException;

    /** The buffer to copy through: direct for a file (written without another copy), on the heap for a stream. */
    public abstract ByteBuffer buffer(int size);

    /** True when the bytes written so far can be discarded to restart from the beginning. */
    public abstract boolean canRestart();

    /** Discards the bytes written so far. */
    public abstract void restart() throws IOException;

    /** Makes the download visible; returns the file when there is one. */
    public abstract Optional<Path> commit() throws IOException;

    /** Abandons the download, leaving nothing behind. Never throws. */
    @Override
    public abstract void close();

    public static DownloadTarget of(DownloadRequest request) throws IOException {
        return request.file() != null ? new AtomicFile(request.file().toAbsolutePath(), request.syncToDisk())
                : new Stream(request.stream());
    }

    /** A temporary file in the target's folder, moved over the target on commit. */
    static final class AtomicFile extends DownloadTarget {
        private final Path target;
        private final Path temp;
        private final FileChannel channel;
        private final boolean syncToDisk;
        private boolean committed;

        AtomicFile(Path target, boolean syncToDisk) throws IOException {
            this.target = target;
            this.syncToDisk = syncToDisk;
            this.temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
            FileChannel ch;
            try {
                ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            this.channel = ch;
        }

        @Override
        public void write(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        @Override
        public ByteBuffer buffer(int size) {
            return ByteBuffer.allocateDirect(size);
        }

        @Override
        public boolean canRestart() {
            return true;
        }

        @Override
        public void restart() throws IOException {
            channel.truncate(0);
            channel.position(0);
        }

        @Override
        public Optional<Path> commit() throws IOException {
            if (syncToDisk) {
                channel.force(true);
            }
            channel.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            return Optional.of(target);
        }

        @Override
        public void close() {
            if (!committed) { // else commit() closed the file before moving it (a move needs that on some systems)
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing more to do: the file is deleted below
                }
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort; the temporary name starts with a dot and ends in .part
                }
            }
        }
    }

    /** The caller's stream: restartable only before the first byte. */
    static final class Stream extends DownloadTarget {
        private final OutputStream out;
        private boolean written;

        Stream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(ByteBuffer buffer) throws IOException {
            out.write(buffer.array(), 0, buffer.limit()); // our own heap buffer, always read from its start
            written = true;
        }

        @Override
        public ByteBuffer buffer(int size) {
            return ByteBuffer.allocate(size);
        }

        @Override
        public boolean canRestart() {
            return !written;
        }

        @Override
        public void restart() {
            // nothing to discard: only called while canRestart(), before the first byte
        }

        @Override
        public Optional<Path> commit() throws IOException {
            out.flush();
            return Optional.empty();
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
