package com.docsdk.core.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.FakeTime;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.SdkException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenStoreTest {
    private final FakeTime time = new FakeTime();

    @TempDir
    Path dir;

    @Test
    void inMemoryMarksOnceAndRemembers() {
        SeenStore store = SeenStore.inMemory(10, Duration.ofMinutes(5), time);
        assertFalse(store.isSeen("a"));
        assertTrue(store.markSeen("a"));
        assertFalse(store.markSeen("a"));
        assertTrue(store.isSeen("a"));
        assertFalse(store.isSeen("b"));
        assertTrue(store.markSeen("b"));
        assertTrue(store.toString().contains("keys=2"), store.toString());
    }

    @Test
    void inMemoryForgetsAfterItsTimeToLive() {
        InMemorySeenStore store = new InMemorySeenStore(10, Duration.ofMinutes(5), time);
        store.markSeen("a");
        time.advance(Duration.ofMinutes(2));
        store.markSeen("b");
        time.advance(Duration.ofMinutes(3).minusMillis(1));
        assertTrue(store.isSeen("a"));
        time.advance(Duration.ofMillis(1));
        assertFalse(store.isSeen("a"), "expired exactly at its time to live");
        assertTrue(store.isSeen("b"));
        assertEquals(1, store.size());
        assertTrue(store.markSeen("a"), "an expired key is new again");
    }

    @Test
    void inMemoryForgetsTheOldestBeyondItsBound() {
        InMemorySeenStore store = new InMemorySeenStore(2, Duration.ofDays(1), time);
        store.markSeen("a");
        store.markSeen("b");
        store.markSeen("c");
        assertEquals(2, store.size());
        assertFalse(store.isSeen("a"));
        assertTrue(store.isSeen("b"));
        assertTrue(store.isSeen("c"));
    }

    @Test
    void storesRefuseBadSettingsAndKeys() {
        assertEquals("maxKeys", assertThrows(ClientValidationException.class,
                () -> SeenStore.inMemory(0, Duration.ofDays(1), time)).field());
        assertEquals("ttl", assertThrows(ClientValidationException.class,
                () -> SeenStore.inMemory(1, Duration.ZERO, time)).field());
        assertEquals("ttl", assertThrows(ClientValidationException.class,
                () -> SeenStore.inMemory(1, Duration.ofSeconds(-1), time)).field());
        assertEquals("ttl", assertThrows(ClientValidationException.class,
                () -> SeenStore.inMemory(1, null, time)).field());
        assertEquals("clock", assertThrows(ClientValidationException.class,
                () -> SeenStore.inMemory(1, Duration.ofDays(1), null)).field());
        assertEquals("ttl", assertThrows(ClientValidationException.class,
                () -> SeenStore.file(dir.resolve("s"), Duration.ZERO, time)).field());
        assertEquals("ttl", assertThrows(ClientValidationException.class,
                () -> SeenStore.file(dir.resolve("s"), Duration.ofSeconds(-1), time)).field());
        assertEquals("clock", assertThrows(ClientValidationException.class,
                () -> SeenStore.file(dir.resolve("s"), Duration.ofDays(1), null)).field());
        assertEquals("file", assertThrows(ClientValidationException.class,
                () -> SeenStore.file(null)).field());
        SeenStore memory = SeenStore.inMemory();
        assertEquals("key", assertThrows(ClientValidationException.class, () -> memory.markSeen(null)).field());
        assertEquals("key", assertThrows(ClientValidationException.class, () -> memory.isSeen(null)).field());
        try (SeenStore file = SeenStore.file(dir.resolve("k.log"))) {
            assertEquals("key", assertThrows(ClientValidationException.class, () -> file.markSeen(null)).field());
            assertEquals("key", assertThrows(ClientValidationException.class, () -> file.isSeen(null)).field());
        }
        memory.close(); // nothing to release
    }

    @Test
    void theFileStoreSurvivesARestartAndKeepsAnyKey() throws Exception {
        Path file = dir.resolve("sub/seen.log");
        String odd = "fileai:upload:é\n\t x=1 ";
        try (SeenStore store = SeenStore.file(file, Duration.ofDays(1), time)) {
            assertTrue(store.markSeen(odd));
            assertTrue(store.markSeen("b"));
            assertFalse(store.markSeen("b"));
            assertTrue(store.isSeen(odd));
        }
        assertEquals(2, Files.readAllLines(file).size());
        try (SeenStore again = SeenStore.file(file, Duration.ofDays(1), time)) {
            assertTrue(again.isSeen(odd));
            assertTrue(again.isSeen("b"));
            assertFalse(again.markSeen(odd));
            assertFalse(again.isSeen("c"));
            assertTrue(again.toString().contains("keys=2"), again.toString());
        }
    }

    @Test
    void theFileStoreDropsExpiredKeysAndTornLinesWhenOpened() throws Exception {
        Path file = dir.resolve("seen.log");
        try (SeenStore store = SeenStore.file(file, Duration.ofHours(1), time)) {
            store.markSeen("old");
            time.advance(Duration.ofMinutes(30));
            store.markSeen("new");
            time.advance(Duration.ofMinutes(30));
            assertFalse(store.isSeen("old"), "expired exactly at its time to live");
            assertTrue(store.isSeen("new"));
            assertTrue(store.markSeen("old"));
        }
        Files.writeString(file, Files.readString(file) + "123\n\nnot-a-number abc\n99 !!!\n",
                StandardCharsets.US_ASCII);
        time.advance(Duration.ofMinutes(31));
        try (SeenStore store = SeenStore.file(file, Duration.ofHours(1), time)) {
            assertFalse(store.isSeen("new"));
            assertTrue(store.isSeen("old"));
        }
        assertEquals(1, Files.readAllLines(file).size(), "rewritten without expired keys and torn lines");
        assertEquals(List.of(), List.of(dir.toFile().list((d, n) -> n.endsWith(".tmp"))));
    }

    @Test
    void theFileStoreKeepsTheLatestExpiryOfAKeyWrittenTwice() throws Exception {
        Path file = dir.resolve("seen.log");
        long early = time.instant().plus(Duration.ofMinutes(1)).toEpochMilli();
        long late = time.instant().plus(Duration.ofMinutes(10)).toEpochMilli();
        String key = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("k".getBytes());
        Files.writeString(file, late + " " + key + "\n" + early + " " + key + "\n");
        time.advance(Duration.ofMinutes(2));
        try (SeenStore store = SeenStore.file(file, Duration.ofHours(1), time)) {
            assertTrue(store.isSeen("k"));
        }
    }

    @Test
    void aFileStoreThatCannotBeOpenedOrWrittenSaysSo() throws Exception {
        Path notADir = Files.writeString(dir.resolve("plain"), "x");
        SdkException e = assertThrows(SdkException.class, () -> SeenStore.file(notADir.resolve("seen.log")));
        assertTrue(e.getMessage().contains("seen-store"), e.getMessage());
        SeenStore store = SeenStore.file(dir.resolve("closed.log"));
        store.close();
        assertThrows(UncheckedIOException.class, () -> store.markSeen("x"));
    }

    @Test
    void concurrentMarksOfOneKeySucceedExactlyOnce() throws Exception {
        checkConcurrency(() -> SeenStore.inMemory(1000, Duration.ofDays(1), Clock.systemUTC()));
        checkConcurrency(() -> SeenStore.file(dir.resolve("c-" + System.nanoTime() + ".log")));
    }

    private static void checkConcurrency(Supplier<SeenStore> stores) throws Exception {
        try (SeenStore store = stores.get()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    Callable<Integer> marker = () -> {
                        start.await();
                        int won = 0;
                        for (int k = 0; k < 50; k++) {
                            won += store.markSeen("key-" + k) ? 1 : 0;
                        }
                        return won;
                    };
                    results.add(pool.submit(marker));
                }
                start.countDown();
                int total = 0;
                for (Future<Integer> f : results) {
                    total += f.get();
                }
                assertEquals(50, total, store.toString());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
