package com.docsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.FakeTime;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.store.Claim;
import com.docsdk.core.store.Lease;
import com.docsdk.core.store.StoreException;
import com.docsdk.core.store.Watermark;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store under the faults of a real deployment: connections lost mid-write, the database away, clock skew. */
class StoreFaultsTest {
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final FakeTime time = new FakeTime(T0);
    private final List<Duration> slept = new CopyOnWriteArrayList<>();
    private final FaultyDataSource db = new FaultyDataSource(Databases.h2());
    private final JdbcIntegrationStore store = JdbcIntegrationStore.builder(db).clock(time)
            .maxClockSkew(Duration.ZERO).sleeper(slept::add).build();

    @TempDir
    Path dir;

    StoreFaultsTest() {
        store.createSchema();
    }

    @Test
    void aWatermarkMoveCommittedBeforeTheConnectionBrokeIsReportedAsMovedAndNotAppliedTwice() {
        Lease lease = store.acquireLease("s", "a", TTL).orElseThrow();
        db.breakAfterUpdate("UPDATE docsdk_watermark SET value_us");
        assertTrue(store.moveWatermark(lease, 0, T0));
        assertEquals(new Watermark(T0, 1), store.watermark("s"));
        assertEquals(1, slept.size(), "one retry");
    }

    @Test
    void aWatermarkMoveThatNeverReachedTheDatabaseIsSentAgain() {
        Lease lease = store.acquireLease("s", "a", TTL).orElseThrow();
        db.breakBeforeUpdate("UPDATE docsdk_watermark SET value_us");
        assertTrue(store.moveWatermark(lease, 0, T0));
        assertEquals(new Watermark(T0, 1), store.watermark("s"));
    }

    @Test
    void aClaimCommittedBeforeTheConnectionBrokeIsThisWorkersAndNobodyElses() {
        db.breakAfterUpdate("INSERT INTO docsdk_claim");
        Claim mine = store.claim("s", "f1", T0, "a", TTL).orElseThrow();
        assertEquals("a", mine.owner());
        assertEquals(Optional.empty(), store.claim("s", "f1", T0, "b", TTL));
        assertTrue(store.recordOutcome(mine, "done"), "the claim returned is the live one");
    }

    @Test
    void anOutcomeOrFinishCommittedBeforeTheConnectionBrokeCountsAsWritten() {
        Claim c = store.claim("s", "f1", T0, "a", TTL).orElseThrow();
        db.breakAfterUpdate("UPDATE docsdk_claim SET state");
        assertTrue(store.recordOutcome(c, "done"));
        db.breakAfterUpdate("UPDATE docsdk_claim SET state");
        assertTrue(store.finish(c, T0));
        assertEquals(Optional.empty(), store.claim("s", "f1", T0, "b", TTL));
        assertEquals(Optional.empty(), store.oldestUnfinished("s"));
    }

    @Test
    void aSeenKeyInsertedBeforeTheConnectionBrokeIsFirstSeenOnce() {
        db.breakAfterUpdate("INSERT INTO docsdk_seen");
        assertTrue(store.markSeen("s", "k", TTL), "this call marked it");
        assertFalse(store.markSeen("s", "k", TTL));
    }

    @Test
    void whileTheDatabaseIsAwayTheStoreRetriesWithBackoffThenGivesUpWithAClearError() {
        db.refuseConnections.set(3);
        assertTrue(store.markSeen("s", "k", TTL));
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), slept);
        db.refuseConnections.set(100);
        StoreException e = assertThrows(StoreException.class, () -> store.watermark("s"));
        assertTrue(e.getMessage().contains("could not read the watermark of s"), e.getMessage());
        assertEquals(3 + 5, slept.size(), "6 attempts: 5 waits");
    }

    @Test
    void aFailureNoNewConnectionCuresIsNotRetried() {
        JdbcIntegrationStore noTables = JdbcIntegrationStore.builder(Databases.h2()).sleeper(slept::add).build();
        StoreException e = assertThrows(StoreException.class, () -> noTables.watermark("s"));
        assertTrue(e.getMessage().contains("SQL state 42"), e.getMessage());
        assertEquals(List.of(), slept);
    }

    @Test
    void workersWhoseClocksDisagreeWithinTheAllowedSkewNeverTakeALiveClaim() {
        FakeTime ahead = new FakeTime(T0.plusSeconds(3)); // b's clock runs 3 s ahead of a's
        JdbcIntegrationStore a = JdbcIntegrationStore.builder(db).clock(time).build(); // default skew: 5 s
        JdbcIntegrationStore b = JdbcIntegrationStore.builder(db).clock(ahead).build();
        Claim held = a.claim("skew", "f1", T0, "a", TTL).orElseThrow();
        time.advance(TTL.minusSeconds(1));
        ahead.advance(TTL.minusSeconds(1)); // b sees a's claim expired 2 s ago: within the skew
        assertEquals(Optional.empty(), b.claim("skew", "f1", T0, "b", TTL));
        assertTrue(a.recordOutcome(held, "done"));
        ahead.advance(Duration.ofSeconds(4)); // now 6 s past on b's clock: taken over, carrying a's outcome
        Claim taken = b.claim("skew", "f1", T0, "b", TTL).orElseThrow();
        assertEquals(Optional.of("done"), taken.pendingOutcome());
        assertFalse(a.finish(held, T0), "a is fenced off once b holds the claim");
    }

    @Test
    void badSettingsAreRefusedNamingTheParameter() {
        assertEquals("tablePrefix", assertThrows(ClientValidationException.class,
                () -> JdbcIntegrationStore.builder(db).tablePrefix("x; DROP TABLE y")).field());
        assertEquals("dataSource", assertThrows(ClientValidationException.class,
                () -> JdbcIntegrationStore.builder(null)).field());
        assertEquals("maxClockSkew", assertThrows(ClientValidationException.class,
                () -> JdbcIntegrationStore.builder(db).maxClockSkew(Duration.ofSeconds(-1))).field());
        assertEquals("maxAttempts", assertThrows(ClientValidationException.class,
                () -> JdbcIntegrationStore.builder(db).retries(0, Duration.ZERO)).field());
        assertEquals(SqlDialect.H2, store.dialect());
        assertTrue(store.toString().contains("docsdk_"));
    }

    @Test
    void theSchemaIsGivenForEachDialectWithTheTablePrefix() {
        for (SqlDialect d : SqlDialect.values()) {
            String sql = d.schemaSql("acme_");
            assertTrue(sql.contains("CREATE TABLE IF NOT EXISTS acme_claim"), d + ": " + sql);
            assertFalse(sql.contains("${prefix}"));
            assertEquals(d == SqlDialect.MYSQL ? 3 : 4, d.statements("acme_").size(), d.name());
        }
    }

    @Test
    void aPostgresRestartedMidRunIsWaitedForAndTheWriteGoesThrough() throws Exception {
        Path data = dir.resolve("pgdata");
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        int port = pg.getPort();
        EmbeddedPostgres[] restarted = new EmbeddedPostgres[1];
        try {
            JdbcIntegrationStore restarting = JdbcIntegrationStore.builder(pg.getPostgresDatabase())
                    .retries(8, Duration.ofMillis(250)).build();
            restarting.createSchema();
            Claim c = restarting.claim("restart", "f1", T0, "a", TTL).orElseThrow();
            pg.close();
            CompletableFuture<Void> back = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(1000);
                    restarted[0] = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                            .setPort(port).start();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(restarting.recordOutcome(c, "done"), "written once the database is back");
            back.get(60, TimeUnit.SECONDS);
            assertEquals(Optional.of("done"), restarting.claim("restart", "f1", T0, "a", TTL).orElseThrow()
                    .pendingOutcome());
        } finally {
            if (restarted[0] != null) {
                restarted[0].close();
            }
        }
    }
}
