package com.docsdk.core.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Computes a SHA-256 on a second thread while the caller keeps copying: the caller borrows a buffer, fills it, writes
 * it out and hands it over; the hashing thread digests it and returns it to the pool. Hashing then overlaps the
 * network and disk I/O instead of adding to them. Memory is a fixed pool of buffers, whatever the size hashed.
 */
public final class Sha256Pipeline implements AutoCloseable {
    private static final int BUFFERS = 8;
    private static final Chunk RESET = new Chunk(new byte[0], 0);
    private static final Chunk FINISH = new Chunk(new byte[0], 0);

    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 2);
    private final BlockingQueue<String> result = new ArrayBlockingQueue<>(1);
    private final MessageDigest digest;
    private final Thread hasher;

    private record Chunk(byte[] buffer, int length) {
    }

    public Sha256Pipeline(int bufferSize) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        free = new ArrayBlockingQueue<>(BUFFERS);
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[bufferSize]);
        }
        hasher = new Thread(this::run, "docsdk-sha256");
        hasher.setDaemon(true);
        hasher.start();
    }

    /** A buffer to fill; blocks while the hasher is behind. */
    public byte[] borrow() throws InterruptedException {
        return free.take();
    }

    /** Hands a filled buffer to the hasher. */
    public void submit(byte[] buffer, int length) throws InterruptedException {
        full.put(new Chunk(buffer, length));
    }

    /** Gives back a buffer that holds nothing to hash. */
    public void giveBack(byte[] buffer) {
        free.add(buffer);
    }

    /** Forgets everything hashed so far (the transfer restarts from the first byte). */
    public void reset() throws InterruptedException {
        full.put(RESET);
    }

    /** Waits for the hasher to catch up and returns the hex digest. */
    public String finish() throws InterruptedException {
        full.put(FINISH);
        return result.take();
    }

    /** The hashing thread: digests each chunk and returns its buffer; ends on FINISH or when interrupted. */
    private void run() {
        try {
            while (true) {
                Chunk chunk = full.take();
                if (chunk == FINISH) {
                    result.put(HexFormat.of().formatHex(digest.digest()));
                    return;
                }
                if (chunk == RESET) {
                    digest.reset();
                    continue;
                }
                digest.update(chunk.buffer(), 0, chunk.length());
                free.put(chunk.buffer());
            }
        } catch (InterruptedException e) {
            // close(): the download is over; the thread ends here
        }
    }

    /** Stops the hashing thread (after {@link #finish()}, a no-op). */
    @Override
    public void close() {
        hasher.interrupt();
    }
}
