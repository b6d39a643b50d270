package com.docsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.store.Claim;
import com.docsdk.core.store.IntegrationStore;
import com.docsdk.core.store.Lease;
import com.docsdk.core.store.Watermark;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IntegrationStore} does, whatever holds its state: run by the in-memory store's test here and by
 * sdk-jdbc's tests on H2 and PostgreSQL. A subclass gives a fresh store on {@link #time}'s clock (and no clock skew
 * allowance).
 */
public abstract class IntegrationStoreContract {
    protected static final Duration TTL = Duration.ofSeconds(30);
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    protected FakeTime time;
    protected IntegrationStore store;
    private int scopes;

    /** A fresh store (empty, or with scopes no other test used) on {@code clock}. */
    protected abstract IntegrationStore newStore(FakeTime clock);

    @BeforeEach
    void freshStore() {
        time = new FakeTime(T0);
        store = newStore(time);
    }

    /** A scope no other test (of any store sharing a database) used. */
    protected String scope() {
        return "s-" + getClass().getSimpleName() + "-" + System.nanoTime() + "-" + (scopes++);
    }

    @Test
    void aNewScopeHasNoWatermarkAtVersionZero() {
        Watermark w = store.watermark(scope());
        assertEquals(Optional.empty(), w.instant());
        assertEquals(0, w.version());
    }

    @Test
    void theLeaseHolderMovesTheWatermarkFromTheVersionItRead() {
        String s = scope();
        Lease lease = store.acquireLease(s, "a", TTL).orElseThrow();
        assertTrue(store.moveWatermark(lease, 0, T0.minusSeconds(60)));
        Watermark w = store.watermark(s);
        assertEquals(T0.minusSeconds(60), w.value());
        assertEquals(1, w.version());
        assertFalse(store.moveWatermark(lease, 0, T0), "a stale version does not move it");
        assertTrue(store.moveWatermark(lease, 1, T0));
        assertEquals(new Watermark(T0, 2), store.watermark(s));
    }

    @Test
    void aLiveLeaseIsNotGrantedToAnotherWorkerButRenewedForItsHolder() {
        String s = scope();
        Lease a = store.acquireLease(s, "a", TTL).orElseThrow();
        assertEquals(Optional.empty(), store.acquireLease(s, "b", TTL));
        time.advance(TTL.minusSeconds(1));
        Lease renewed = store.acquireLease(s, "a", TTL).orElseThrow();
        assertTrue(renewed.token() > a.token());
        assertEquals(T0.plus(TTL).minusSeconds(1).plus(TTL), renewed.until());
    }

    @Test
    void aWorkerWhoseLeaseExpiredCannotMoveTheWatermarkNotEvenBackwards() {
        String s = scope();
        Lease a = store.acquireLease(s, "a", TTL).orElseThrow();
        assertTrue(store.moveWatermark(a, 0, T0));
        time.advance(TTL.plusMillis(1));
        assertFalse(store.moveWatermark(a, 1, T0.minusSeconds(3600)), "expired, even though nobody took it");
        Lease b = store.acquireLease(s, "b", TTL).orElseThrow();
        assertFalse(store.moveWatermark(a, 1, T0.plusSeconds(1)), "taken over");
        assertTrue(store.moveWatermark(b, 1, T0.plusSeconds(1)));
        assertEquals(new Watermark(T0.plusSeconds(1), 2), store.watermark(s));
    }

    @Test
    void anOldLeaseOfTheSameOwnerIsFencedByItsToken() {
        String s = scope();
        Lease first = store.acquireLease(s, "a", TTL).orElseThrow();
        Lease second = store.acquireLease(s, "a", TTL).orElseThrow();
        assertFalse(store.moveWatermark(first, 0, T0));
        assertTrue(store.moveWatermark(second, 0, T0));
    }

    @Test
    void anItemIsClaimedByOneWorkerUntilItsLeaseExpires() {
        String s = scope();
        Claim a = store.claim(s, "f1", T0, "a", TTL).orElseThrow();
        assertEquals(Optional.empty(), a.pendingOutcome());
        assertEquals(Optional.empty(), store.claim(s, "f1", T0, "b", TTL));
        time.advance(TTL.plusMillis(1));
        Claim b = store.claim(s, "f1", T0, "b", TTL).orElseThrow();
        assertTrue(b.token() > a.token());
        assertTrue(b.takenOver(), "a's handler may have run");
        assertFalse(a.takenOver());
        assertFalse(store.recordOutcome(a, "completed"), "the first holder lost it");
        assertFalse(store.finish(a, T0));
        assertFalse(store.release(a));
        assertTrue(store.recordOutcome(b, "completed"));
        assertTrue(store.finish(b, T0));
    }

    @Test
    void anOutcomeRecordedButNotReportedGoesToTheNextClaim() {
        String s = scope();
        Claim a = store.claim(s, "f1", T0, "a", TTL).orElseThrow();
        assertTrue(store.recordOutcome(a, "{\"outcome\":\"COMPLETED\"}"));
        time.advance(TTL.plusSeconds(1)); // a crashed before reporting
        Claim b = store.claim(s, "f1", T0, "b", TTL).orElseThrow();
        assertEquals(Optional.of("{\"outcome\":\"COMPLETED\"}"), b.pendingOutcome());
        assertFalse(b.takenOver(), "an outcome was recorded: the item is reported, not handled again");
        assertTrue(store.finish(b, T0));
    }

    @Test
    void aFinishedItemIsClaimedAgainOnlyForANewerVersion() {
        String s = scope();
        Claim a = store.claim(s, "f1", T0, "a", TTL).orElseThrow();
        assertTrue(store.recordOutcome(a, "x"));
        assertTrue(store.finish(a, T0.plusSeconds(5)));
        assertEquals(Optional.empty(), store.claim(s, "f1", T0, "b", TTL));
        assertEquals(Optional.empty(), store.claim(s, "f1", T0.plusSeconds(5), "b", TTL));
        assertEquals(Optional.empty(), store.claim(s, "f1", null, "b", TTL), "no version: not newer");
        Claim again = store.claim(s, "f1", T0.plusSeconds(6), "b", TTL).orElseThrow();
        assertEquals(Optional.empty(), again.pendingOutcome(), "the old outcome is not carried to a new version");
    }

    @Test
    void aReleasedItemCanBeClaimedAtOnceAndKeepsTheWatermarkBack() {
        String s = scope();
        Claim a = store.claim(s, "f1", T0.minusSeconds(30), "a", TTL).orElseThrow();
        assertTrue(store.release(a));
        assertEquals(Optional.of(T0.minusSeconds(30)), store.oldestUnfinished(s));
        assertFalse(store.claim(s, "f1", T0.minusSeconds(30), "b", TTL).orElseThrow().takenOver());
    }

    @Test
    void theOldestUnfinishedVersionIgnoresFinishedItemsAndOtherScopes() {
        String s = scope();
        String other = scope();
        assertEquals(Optional.empty(), store.oldestUnfinished(s));
        Claim old = store.claim(s, "old", T0.minusSeconds(100), "a", TTL).orElseThrow();
        store.claim(s, "mid", T0.minusSeconds(50), "a", TTL).orElseThrow();
        store.claim(other, "older", T0.minusSeconds(1000), "a", TTL).orElseThrow();
        assertEquals(Optional.of(T0.minusSeconds(100)), store.oldestUnfinished(s));
        assertTrue(store.finish(old, T0));
        assertEquals(Optional.of(T0.minusSeconds(50)), store.oldestUnfinished(s));
    }

    @Test
    void forgettingFinishedItemsKeepsNewerAndUnfinishedOnes() {
        String s = scope();
        Claim a = store.claim(s, "a", T0, "w", TTL).orElseThrow();
        Claim b = store.claim(s, "b", T0, "w", TTL).orElseThrow();
        store.claim(s, "c", T0, "w", TTL).orElseThrow();
        store.finish(a, T0.minusSeconds(10));
        store.finish(b, T0.plusSeconds(10));
        assertEquals(1, store.forgetFinished(s, T0));
        assertTrue(store.claim(s, "a", T0, "w2", TTL).isPresent(), "forgotten: claimable again");
        assertEquals(Optional.empty(), store.claim(s, "b", T0, "w2", TTL));
        assertEquals(Optional.empty(), store.claim(s, "c", T0, "w2", TTL));
    }

    @Test
    void aKeyIsSeenOnceUntilItsTtlRunsOut() {
        String s = scope();
        assertTrue(store.markSeen(s, "k", TTL));
        assertFalse(store.markSeen(s, "k", TTL));
        assertTrue(store.markSeen(scope(), "k", TTL), "scopes are separate");
        time.advance(TTL);
        assertTrue(store.markSeen(s, "k", TTL), "expired");
        assertFalse(store.markSeen(s, "k", TTL));
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        String s = scope();
        assertEquals("scope", assertThrows(ClientValidationException.class,
                () -> store.watermark(" ")).field());
        assertEquals("itemId", assertThrows(ClientValidationException.class,
                () -> store.claim(s, "x".repeat(201), T0, "a", TTL)).field());
        assertEquals("ttl", assertThrows(ClientValidationException.class,
                () -> store.claim(s, "f", T0, "a", Duration.ZERO)).field());
        assertEquals("owner", assertThrows(ClientValidationException.class,
                () -> store.acquireLease(s, null, TTL)).field());
        assertEquals("key", assertThrows(ClientValidationException.class,
                () -> store.markSeen(s, "", TTL)).field());
        assertEquals("outcome", assertThrows(ClientValidationException.class,
                () -> store.recordOutcome(store.claim(s, "f", T0, "a", TTL).orElseThrow(), null)).field());
    }

    @Test
    void eightWorkersClaimingTheSameItemsGetEachOnce() throws Exception {
        String s = scope();
        int items = 300;
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            String owner = "w" + w;
            runs.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < items; i++) {
                    Optional<Claim> c = store.claim(s, "f" + i, T0, owner, TTL);
                    if (c.isPresent()) {
                        if (!claimed.add("f" + i)) {
                            duplicates.incrementAndGet();
                        }
                        store.recordOutcome(c.get(), "done");
                        store.finish(c.get(), T0);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : runs) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(items, claimed.size());
        assertEquals(0, duplicates.get());
        assertEquals(Optional.empty(), store.oldestUnfinished(s));
    }
}
