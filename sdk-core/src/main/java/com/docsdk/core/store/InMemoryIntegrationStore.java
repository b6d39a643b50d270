package com.docsdk.core.store;

import com.docsdk.core.error.ClientValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link IntegrationStore} for the threads of one JVM: one lock, maps, the given clock, no clock skew. */
final class InMemoryIntegrationStore implements IntegrationStore {
    private enum State { CLAIMED, OUTCOME, RELEASED, FINISHED }

    private static final class Item {
        State state;
        String owner;
        long token;
        Instant leaseUntil;
        Instant version;
        Instant doneVersion;
        String outcome;
    }

    private static final class Mark {
        Instant value;
        long version;
        String owner;
        long token;
        Instant until;
    }

    private final Clock clock;
    private final Map<String, Mark> marks = new HashMap<>();
    private final Map<String, Map<String, Item>> items = new HashMap<>();
    private final Map<String, Instant> seen = new HashMap<>();

    InMemoryIntegrationStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Watermark watermark(String scope) {
        Mark m = marks.get(StoreChecks.id("scope", scope));
        return m == null ? new Watermark(null, 0) : new Watermark(m.value, m.version);
    }

    @Override
    public synchronized Optional<Lease> acquireLease(String scope, String owner, Duration ttl) {
        StoreChecks.id("scope", scope);
        StoreChecks.id("owner", owner);
        StoreChecks.ttl("ttl", ttl);
        Instant now = clock.instant();
        Mark m = marks.computeIfAbsent(scope, s -> new Mark());
        if (m.owner != null && !m.owner.equals(owner) && now.isBefore(m.until)) {
            return Optional.empty();
        }
        m.owner = owner;
        m.token++;
        m.until = now.plus(ttl);
        return Optional.of(new Lease(scope, owner, m.token, m.until));
    }

    @Override
    public synchronized boolean moveWatermark(Lease lease, long expectedVersion, Instant value) {
        ClientValidationException.requireNonNull("lease", lease);
        ClientValidationException.requireNonNull("value", value);
        Mark m = marks.get(lease.scope());
        if (m == null || m.token != lease.token() || !lease.owner().equals(m.owner) || m.version != expectedVersion
                || !clock.instant().isBefore(m.until)) {
            return false;
        }
        m.value = value;
        m.version++;
        return true;
    }

    @Override
    public synchronized Optional<Claim> claim(String scope, String itemId, Instant itemVersion, String owner,
            Duration ttl) {
        StoreChecks.id("scope", scope);
        StoreChecks.id("itemId", itemId);
        StoreChecks.id("owner", owner);
        StoreChecks.ttl("ttl", ttl);
        Instant now = clock.instant();
        Item item = items.computeIfAbsent(scope, s -> new HashMap<>()).get(itemId);
        if (item == null) {
            item = new Item();
            items.get(scope).put(itemId, item);
        } else if (item.state == State.FINISHED) {
            if (itemVersion == null || item.doneVersion == null || !itemVersion.isAfter(item.doneVersion)) {
                return Optional.empty();
            }
            item.outcome = null;
        } else if ((item.state == State.CLAIMED || item.state == State.OUTCOME) && !owner.equals(item.owner)
                && now.isBefore(item.leaseUntil)) {
            return Optional.empty();
        }
        boolean takenOver = item.state == State.CLAIMED && item.owner != null && !owner.equals(item.owner);
        if (item.state != State.OUTCOME) {
            item.state = State.CLAIMED;
            item.outcome = null;
        }
        item.owner = owner;
        item.token++;
        item.leaseUntil = now.plus(ttl);
        if (itemVersion != null && (item.version == null || itemVersion.isAfter(item.version))) {
            item.version = itemVersion;
        }
        return Optional.of(new Claim(scope, itemId, owner, item.token, item.outcome, takenOver));
    }

    @Override
    public synchronized boolean recordOutcome(Claim claim, String outcome) {
        ClientValidationException.requireNonNull("outcome", outcome);
        Item item = held(claim);
        if (item == null) {
            return false;
        }
        item.state = State.OUTCOME;
        item.outcome = outcome;
        return true;
    }

    @Override
    public synchronized boolean finish(Claim claim, Instant doneVersion) {
        ClientValidationException.requireNonNull("doneVersion", doneVersion);
        Item item = held(claim);
        if (item == null) {
            return false;
        }
        item.state = State.FINISHED;
        item.doneVersion = doneVersion;
        item.leaseUntil = null;
        return true;
    }

    @Override
    public synchronized boolean release(Claim claim) {
        Item item = held(claim);
        if (item == null) {
            return false;
        }
        item.state = State.RELEASED;
        item.outcome = null;
        item.leaseUntil = null;
        return true;
    }

    @Override
    public synchronized Optional<Instant> oldestUnfinished(String scope) {
        StoreChecks.id("scope", scope);
        return items.getOrDefault(scope, Map.of()).values().stream()
                .filter(i -> i.state != State.FINISHED && i.version != null)
                .map(i -> i.version).min(Instant::compareTo);
    }

    @Override
    public synchronized int forgetFinished(String scope, Instant before) {
        StoreChecks.id("scope", scope);
        ClientValidationException.requireNonNull("before", before);
        Map<String, Item> of = items.getOrDefault(scope, Map.of());
        int n = of.size();
        of.values().removeIf(i -> i.state == State.FINISHED && i.doneVersion.isBefore(before));
        return n - of.size();
    }

    @Override
    public synchronized boolean markSeen(String scope, String key, Duration ttl) {
        StoreChecks.id("scope", scope);
        StoreChecks.id("key", key);
        StoreChecks.ttl("ttl", ttl);
        Instant now = clock.instant();
        String k = scope + '\n' + key;
        Instant expires = seen.get(k);
        if (expires != null && now.isBefore(expires)) {
            return false;
        }
        seen.put(k, now.plus(ttl));
        if (seen.size() > 100_000) {
            seen.values().removeIf(e -> !now.isBefore(e));
        }
        return true;
    }

    private Item held(Claim claim) {
        ClientValidationException.requireNonNull("claim", claim);
        Item item = items.getOrDefault(claim.scope(), Map.of()).get(claim.itemId());
        return item != null && item.token == claim.token() && claim.owner().equals(item.owner)
                && item.state != State.FINISHED && item.state != State.RELEASED ? item : null;
    }

    @Override
    public String toString() {
        return "IntegrationStore.inMemory";
    }
}
