package com.docsdk.jdbc;

import com.docsdk.core.Sleeper;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.store.Claim;
import com.docsdk.core.store.IntegrationStore;
import com.docsdk.core.store.Lease;
import com.docsdk.core.store.StoreChecks;
import com.docsdk.core.store.StoreException;
import com.docsdk.core.store.Watermark;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IntegrationStore} in a relational database that every worker shares: PostgreSQL, MySQL/MariaDB or H2, through
 * {@code java.sql} only (bring your driver and {@link DataSource}, pooled or not).
 *
 * <p>Every operation is one short statement (or a select and a fenced update) in auto-commit mode, conditioned on the
 * row's version or fencing token, so concurrent workers never overwrite each other and no lock is held between calls.
 * A connection lost or a transaction aborted mid-operation (SQL state classes 08 and 40, PostgreSQL's 57P0x, the
 * driver's transient and recoverable exceptions) is retried on a new connection with backoff; an operation whose
 * write may have been applied before the failure reads the row back to tell, so a move or claim that went through is
 * reported as such, never applied twice. When the retries run out the operation throws {@link StoreException}.
 *
 * <p>Times are kept as microseconds since the epoch (UTC) in {@code BIGINT} columns. Leases are compared on this
 * store's clock (default: the system clock) and taken over from another worker only once expired by more than
 * {@link Builder#maxClockSkew(Duration)}.
 *
 * <pre>{@code
 * IntegrationStore store = JdbcIntegrationStore.builder(dataSource).build();
 * store.createSchema();   // or run SqlDialect.POSTGRESQL.schemaSql("docsdk_") yourself
 * }</pre>
 */
public final class JdbcIntegrationStore implements IntegrationStore {
    private static final Logger LOG = LoggerFactory.getLogger("com.docsdk.jdbc");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,40}");
    private static final String CLAIMED = "CLAIMED";
    private static final String OUTCOME = "OUTCOME";
    private static final String RELEASED = "RELEASED";
    private static final String FINISHED = "FINISHED";

    private final DataSource dataSource;
    private final String watermarks;
    private final String claims;
    private final String seen;
    private final String prefix;
    private final Clock clock;
    private final Duration maxClockSkew;
    private final int maxAttempts;
    private final Duration retryDelay;
    private final Sleeper sleeper;
    private volatile SqlDialect dialect;

    private JdbcIntegrationStore(Builder b) {
        this.dataSource = b.dataSource;
        this.prefix = b.prefix;
        this.watermarks = b.prefix + "watermark";
        this.claims = b.prefix + "claim";
        this.seen = b.prefix + "seen";
        this.clock = b.clock;
        this.maxClockSkew = b.maxClockSkew;
        this.maxAttempts = b.maxAttempts;
        this.retryDelay = b.retryDelay;
        this.sleeper = b.sleeper;
        this.dialect = b.dialect;
    }

    /** A builder for a store on {@code dataSource}. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(ClientValidationException.requireNonNull("dataSource", dataSource));
    }

    /** Creates the store's tables and index if they do not exist (idempotent), in the database's dialect. */
    public void createSchema() {
        run("create the schema", retried -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                for (String sql : dialect(c).statements(prefix)) {
                    s.execute(sql);
                }
            }
            return null;
        });
    }

    /** The dialect of the store's database (detected on first use unless the builder set it). */
    public SqlDialect dialect() {
        return run("detect the dialect", retried -> {
            try (Connection c = dataSource.getConnection()) {
                return dialect(c);
            }
        });
    }

    private SqlDialect dialect(Connection c) throws SQLException {
        SqlDialect d = dialect;
        if (d == null) {
            d = SqlDialect.of(c.getMetaData());
            dialect = d;
        }
        return d;
    }

    // ------------------------------------------------------------------ watermark

    @Override
    public Watermark watermark(String scope) {
        StoreChecks.id("scope", scope);
        return run("read the watermark of " + scope, retried -> {
            try (Connection c = connection();
                    PreparedStatement ps = c.prepareStatement("SELECT value_us, version FROM " + watermarks
                            + " WHERE scope = ?")) {
                ps.setString(1, scope);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Watermark(instant(rs, 1), rs.getLong(2)) : new Watermark(null, 0);
                }
            }
        });
    }

    @Override
    public Optional<Lease> acquireLease(String scope, String owner, Duration ttl) {
        StoreChecks.id("scope", scope);
        StoreChecks.id("owner", owner);
        StoreChecks.ttl("ttl", ttl);
        return run("acquire the watermark lease of " + scope, retried -> {
            try (Connection c = connection()) {
                for (int round = 0; round < 3; round++) {
                    Instant now = clock.instant();
                    long until = micros(now.plus(ttl));
                    try (PreparedStatement ps = c.prepareStatement("UPDATE " + watermarks
                            + " SET lease_owner = ?, lease_token = lease_token + 1, lease_until_us = ?"
                            + " WHERE scope = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_until_us < ?)")) {
                        ps.setString(1, owner);
                        ps.setLong(2, until);
                        ps.setString(3, scope);
                        ps.setString(4, owner);
                        ps.setLong(5, micros(now.minus(maxClockSkew)));
                        if (ps.executeUpdate() == 1) {
                            return readLease(c, scope, owner);
                        }
                    }
                    if (exists(c, "SELECT 1 FROM " + watermarks + " WHERE scope = ?", scope)) {
                        return Optional.<Lease>empty(); // held by another worker's live lease
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + watermarks
                            + " (scope, value_us, version, lease_owner, lease_token, lease_until_us)"
                            + " VALUES (?, NULL, 0, ?, 1, ?)")) {
                        ps.setString(1, scope);
                        ps.setString(2, owner);
                        ps.setLong(3, until);
                        ps.executeUpdate();
                        return Optional.of(new Lease(scope, owner, 1, instant(until)));
                    } catch (SQLException e) {
                        if (!duplicate(e)) {
                            throw e;
                        }
                        // another worker inserted the row first: go round again
                    }
                }
                return Optional.<Lease>empty();
            }
        });
    }

    private Optional<Lease> readLease(Connection c, String scope, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT lease_owner, lease_token, lease_until_us FROM "
                + watermarks + " WHERE scope = ?")) {
            ps.setString(1, scope);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && owner.equals(rs.getString(1))) {
                    return Optional.of(new Lease(scope, owner, rs.getLong(2), instant(rs.getLong(3))));
                }
                return Optional.empty();
            }
        }
    }

    @Override
    public boolean moveWatermark(Lease lease, long expectedVersion, Instant value) {
        ClientValidationException.requireNonNull("lease", lease);
        ClientValidationException.requireNonNull("value", value);
        return run("move the watermark of " + lease.scope(), retried -> {
            try (Connection c = connection()) {
                if (retried) {
                    // the first attempt may have moved it before the connection broke: tell by reading it back
                    try (PreparedStatement ps = c.prepareStatement("SELECT value_us, version, lease_owner,"
                            + " lease_token FROM " + watermarks + " WHERE scope = ?")) {
                        ps.setString(1, lease.scope());
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next() && rs.getLong(2) == expectedVersion + 1 && rs.getLong(1) == micros(value)
                                    && lease.owner().equals(rs.getString(3)) && rs.getLong(4) == lease.token()) {
                                return true;
                            }
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + watermarks
                        + " SET value_us = ?, version = version + 1 WHERE scope = ? AND version = ?"
                        + " AND lease_owner = ? AND lease_token = ? AND lease_until_us > ?")) {
                    ps.setLong(1, micros(value));
                    ps.setString(2, lease.scope());
                    ps.setLong(3, expectedVersion);
                    ps.setString(4, lease.owner());
                    ps.setLong(5, lease.token());
                    ps.setLong(6, micros(clock.instant()));
                    return ps.executeUpdate() == 1;
                }
            }
        });
    }

    // ------------------------------------------------------------------ claims

    @Override
    public Optional<Claim> claim(String scope, String itemId, Instant itemVersion, String owner, Duration ttl) {
        StoreChecks.id("scope", scope);
        StoreChecks.id("itemId", itemId);
        StoreChecks.id("owner", owner);
        StoreChecks.ttl("ttl", ttl);
        return run("claim " + itemId + " of " + scope, retried -> {
            try (Connection c = connection()) {
                for (int round = 0; round < 3; round++) {
                    Instant now = clock.instant();
                    long until = micros(now.plus(ttl));
                    Row row = readClaim(c, scope, itemId);
                    if (row == null) {
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + claims
                                + " (scope, item_id, state, owner, token, lease_until_us, item_version_us)"
                                + " VALUES (?, ?, ?, ?, 1, ?, ?)")) {
                            ps.setString(1, scope);
                            ps.setString(2, itemId);
                            ps.setString(3, CLAIMED);
                            ps.setString(4, owner);
                            ps.setLong(5, until);
                            setMicros(ps, 6, itemVersion);
                            ps.executeUpdate();
                            return Optional.of(new Claim(scope, itemId, owner, 1, null, false));
                        } catch (SQLException e) {
                            if (!duplicate(e)) {
                                throw e;
                            }
                            continue; // another worker inserted it first: read it again
                        }
                    }
                    if (row.state.equals(FINISHED)) {
                        if (itemVersion == null || row.doneVersion == null
                                || micros(itemVersion) <= row.doneVersion) {
                            return Optional.<Claim>empty();
                        }
                    } else if ((row.state.equals(CLAIMED) || row.state.equals(OUTCOME)) && !owner.equals(row.owner)
                            && row.leaseUntil != null && row.leaseUntil >= micros(now.minus(maxClockSkew))) {
                        return Optional.<Claim>empty();
                    }
                    String state = row.state.equals(OUTCOME) ? OUTCOME : CLAIMED;
                    boolean takenOver = row.state.equals(CLAIMED) && row.owner != null && !owner.equals(row.owner);
                    String outcome = state.equals(OUTCOME) ? row.outcome : null;
                    Long version = itemVersion == null ? row.itemVersion
                            : row.itemVersion == null ? Long.valueOf(micros(itemVersion))
                            : Long.valueOf(Math.max(row.itemVersion, micros(itemVersion)));
                    try (PreparedStatement ps = c.prepareStatement("UPDATE " + claims + " SET state = ?, owner = ?,"
                            + " token = token + 1, lease_until_us = ?, item_version_us = ?, outcome = ?"
                            + " WHERE scope = ? AND item_id = ? AND token = ?")) {
                        ps.setString(1, state);
                        ps.setString(2, owner);
                        ps.setLong(3, until);
                        if (version == null) {
                            ps.setNull(4, Types.BIGINT);
                        } else {
                            ps.setLong(4, version);
                        }
                        ps.setString(5, outcome);
                        ps.setString(6, scope);
                        ps.setString(7, itemId);
                        ps.setLong(8, row.token);
                        if (ps.executeUpdate() == 1) {
                            return Optional.of(new Claim(scope, itemId, owner, row.token + 1, outcome, takenOver));
                        }
                    }
                    // another worker changed it between the read and the update: read it again
                }
                return Optional.<Claim>empty();
            }
        });
    }

    @Override
    public boolean recordOutcome(Claim claim, String outcome) {
        ClientValidationException.requireNonNull("claim", claim);
        ClientValidationException.requireNonNull("outcome", outcome);
        return fenced(claim, OUTCOME, "record the outcome of", ps -> {
            ps.setString(1, OUTCOME);
            ps.setString(2, outcome);
        }, "state = ?, outcome = ?");
    }

    @Override
    public boolean finish(Claim claim, Instant doneVersion) {
        ClientValidationException.requireNonNull("claim", claim);
        ClientValidationException.requireNonNull("doneVersion", doneVersion);
        return fenced(claim, FINISHED, "finish", ps -> {
            ps.setString(1, FINISHED);
            ps.setLong(2, micros(doneVersion));
        }, "state = ?, done_version_us = ?, lease_until_us = NULL");
    }

    @Override
    public boolean release(Claim claim) {
        ClientValidationException.requireNonNull("claim", claim);
        return fenced(claim, RELEASED, "release", ps -> ps.setString(1, RELEASED),
                "state = ?, outcome = NULL, lease_until_us = NULL");
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** An update of a claim's row that only its holder (owner and token) can make, while it is not ended. */
    private boolean fenced(Claim claim, String target, String what, Binder binder, String set) {
        int params = (int) set.chars().filter(ch -> ch == '?').count();
        return run(what + " " + claim.itemId() + " of " + claim.scope(), retried -> {
            try (Connection c = connection()) {
                if (retried) {
                    Row row = readClaim(c, claim.scope(), claim.itemId());
                    if (row != null && row.token == claim.token() && claim.owner().equals(row.owner)
                            && row.state.equals(target)) {
                        return true; // the first attempt went through before the connection broke
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + claims + " SET " + set
                        + " WHERE scope = ? AND item_id = ? AND token = ? AND owner = ? AND state IN (?, ?)")) {
                    binder.bind(ps);
                    ps.setString(params + 1, claim.scope());
                    ps.setString(params + 2, claim.itemId());
                    ps.setLong(params + 3, claim.token());
                    ps.setString(params + 4, claim.owner());
                    ps.setString(params + 5, CLAIMED);
                    ps.setString(params + 6, OUTCOME);
                    return ps.executeUpdate() == 1;
                }
            }
        });
    }

    @Override
    public Optional<Instant> oldestUnfinished(String scope) {
        StoreChecks.id("scope", scope);
        return run("read the oldest unfinished item of " + scope, retried -> {
            try (Connection c = connection();
                    PreparedStatement ps = c.prepareStatement("SELECT MIN(item_version_us) FROM " + claims
                            + " WHERE scope = ? AND state <> ?")) {
                ps.setString(1, scope);
                ps.setString(2, FINISHED);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(instant(rs, 1)) : Optional.<Instant>empty();
                }
            }
        });
    }

    @Override
    public int forgetFinished(String scope, Instant before) {
        StoreChecks.id("scope", scope);
        ClientValidationException.requireNonNull("before", before);
        return run("forget finished items of " + scope, retried -> {
            try (Connection c = connection();
                    PreparedStatement ps = c.prepareStatement("DELETE FROM " + claims
                            + " WHERE scope = ? AND state = ? AND done_version_us < ?")) {
                ps.setString(1, scope);
                ps.setString(2, FINISHED);
                ps.setLong(3, micros(before));
                return ps.executeUpdate();
            }
        });
    }

    // ------------------------------------------------------------------ seen keys

    @Override
    public boolean markSeen(String scope, String key, Duration ttl) {
        StoreChecks.id("scope", scope);
        StoreChecks.id("key", key);
        StoreChecks.ttl("ttl", ttl);
        String marker = UUID.randomUUID().toString();
        return run("mark a key of " + scope + " seen", retried -> {
            try (Connection c = connection()) {
                if (retried && exists(c, "SELECT 1 FROM " + seen + " WHERE scope = ? AND seen_key = ? AND marker = ?",
                        scope, key, marker)) {
                    return true; // this call's first attempt marked it before the connection broke
                }
                Instant now = clock.instant();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + seen
                        + " (scope, seen_key, expires_us, marker) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, scope);
                    ps.setString(2, key);
                    ps.setLong(3, micros(now.plus(ttl)));
                    ps.setString(4, marker);
                    ps.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (!duplicate(e)) {
                        throw e;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + seen
                        + " SET expires_us = ?, marker = ? WHERE scope = ? AND seen_key = ? AND expires_us <= ?")) {
                    ps.setLong(1, micros(now.plus(ttl)));
                    ps.setString(2, marker);
                    ps.setString(3, scope);
                    ps.setString(4, key);
                    ps.setLong(5, micros(now));
                    return ps.executeUpdate() == 1;
                }
            }
        });
    }

    // ------------------------------------------------------------------ plumbing

    private record Row(String state, String owner, long token, Long leaseUntil, Long itemVersion, Long doneVersion,
            String outcome) {
    }

    private Row readClaim(Connection c, String scope, String itemId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state, owner, token, lease_until_us, item_version_us,"
                + " done_version_us, outcome FROM " + claims + " WHERE scope = ? AND item_id = ?")) {
            ps.setString(1, scope);
            ps.setString(2, itemId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Row(rs.getString(1), rs.getString(2), rs.getLong(3), longOrNull(rs, 4), longOrNull(rs, 5),
                        longOrNull(rs, 6), rs.getString(7));
            }
        }
    }

    private static boolean exists(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Connection connection() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    private interface SqlOp<T> {
        T run(boolean retried) throws SQLException;
    }

    private <T> T run(String what, SqlOp<T> op) {
        SQLException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                return op.run(attempt > 1);
            } catch (SQLException e) {
                last = e;
                if (!transientFailure(e) || attempt == maxAttempts) {
                    break;
                }
                Duration delay = retryDelay.multipliedBy(1L << Math.min(attempt - 1, 6));
                LOG.warn("integration store: {} failed ({}); retry {} of {} in {} ms", what, describe(e), attempt,
                        maxAttempts - 1, delay.toMillis());
                try {
                    sleeper.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted while waiting to retry: " + what, e);
                }
            }
        }
        throw new StoreException("the integration store could not " + what + ": " + describe(last), last);
    }

    /** A failure a new connection may not have: the connection broke, the transaction was aborted, a restart. */
    static boolean transientFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean duplicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(SQLException e) {
        return e == null ? "no detail" : e.getClass().getSimpleName() + " (SQL state " + e.getSQLState() + ")";
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Long v = longOrNull(rs, column);
        return v == null ? null : instant(v);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static void setMicros(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, micros(t));
        }
    }

    static String checkPrefix(String prefix) {
        ClientValidationException.requireNonNull("tablePrefix", prefix);
        ClientValidationException.require(PREFIX.matcher(prefix).matches(), "tablePrefix",
                "must be a SQL identifier prefix (letters, digits, _; at most 41 characters)");
        return prefix;
    }

    @Override
    public String toString() {
        return "JdbcIntegrationStore[tables=" + prefix + "*, dialect=" + dialect + "]";
    }

    /** Options of a {@link JdbcIntegrationStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private String prefix = "docsdk_";
        private Clock clock = Clock.systemUTC();
        private Duration maxClockSkew = Duration.ofSeconds(5);
        private int maxAttempts = 6;
        private Duration retryDelay = Duration.ofMillis(100);
        private Sleeper sleeper = Sleeper.system();
        private SqlDialect dialect;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** The prefix of the store's table names (default {@code docsdk_}: {@code docsdk_watermark}, ...). */
        public Builder tablePrefix(String prefix) {
            this.prefix = checkPrefix(prefix);
            return this;
        }

        /** The clock leases and seen keys are compared on (default: the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = ClientValidationException.requireNonNull("clock", clock);
            return this;
        }

        /**
         * How far the workers' clocks may disagree (default 5 s): another worker's lease is taken over only once
         * expired by more than this.
         */
        public Builder maxClockSkew(Duration skew) {
            this.maxClockSkew = StoreChecks.skew(skew);
            return this;
        }

        /**
         * Retries of an operation whose connection broke (default 6 attempts, 100 ms doubling up to 6.4 s between
         * them: about 13 s, long enough for a database to restart).
         */
        public Builder retries(int maxAttempts, Duration firstDelay) {
            ClientValidationException.require(maxAttempts >= 1, "maxAttempts", "must be at least 1");
            ClientValidationException.requireNonNull("firstDelay", firstDelay);
            ClientValidationException.require(!firstDelay.isNegative(), "firstDelay", "must not be negative");
            this.maxAttempts = maxAttempts;
            this.retryDelay = firstDelay;
            return this;
        }

        /** How the store waits between retries (default: {@link Sleeper#system()}; tests inject their own). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = ClientValidationException.requireNonNull("sleeper", sleeper);
            return this;
        }

        /** The database's dialect, instead of detecting it from the connection's metadata. */
        public Builder dialect(SqlDialect dialect) {
            this.dialect = ClientValidationException.requireNonNull("dialect", dialect);
            return this;
        }

        /** The store. */
        public JdbcIntegrationStore build() {
            return new JdbcIntegrationStore(this);
        }
    }
}
