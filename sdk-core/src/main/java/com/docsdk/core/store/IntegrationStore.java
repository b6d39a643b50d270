package com.docsdk.core.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * State shared by the workers of one integration, for N replicas on one account: per scope (an integration, such as
 * {@code "fileai-exports"}), a leased watermark, a claim per item and a set of seen keys.
 *
 * <p><b>Watermark.</b> Only the holder of the scope's live {@linkplain #acquireLease lease} can
 * {@linkplain #moveWatermark move} it, and only from the version it read (compare and set). A worker whose lease
 * expired cannot move it, not even backwards.
 *
 * <p><b>Claims.</b> A worker {@linkplain #claim claims} an item before it handles it; while the claim's lease runs,
 * no other worker can claim the item; once it expired, another can. The worker {@linkplain #recordOutcome records
 * the outcome} before it reports it to the vendor, then {@linkplain #finish finishes} the claim: a worker that crashes
 * after recording is resumed by the next claim, which carries the {@linkplain Claim#pendingOutcome() recorded
 * outcome} so that the item is reported without being handled again. A finished item is claimed again only for a
 * newer version of it. Every write is fenced by the claim's token, so a worker that lost its claim writes nothing.
 *
 * <p><b>Clocks.</b> Leases are compared on the store's clock. A worker takes over another's lease only once it
 * expired by more than the store's allowed clock skew, so workers whose clocks disagree by less than that never
 * take a live lease; beyond it, the fencing tokens still keep the late worker from writing.
 *
 * <p>Implementations are thread-safe. The {@code sdk-jdbc} module implements this in a database shared by every
 * worker (PostgreSQL, MySQL/MariaDB, H2); {@link #inMemory()} shares it among the threads of one JVM.
 */
public interface IntegrationStore {
    /** The scope's watermark: its value and version ({@code null} and 0 before the first move). */
    Watermark watermark(String scope);

    /**
     * Takes (or renews) the right to move the scope's watermark for {@code ttl}: granted when nobody holds it, when
     * {@code owner} holds it, or when the holder's lease expired (by more than the allowed clock skew).
     *
     * @return the lease, or empty when another worker holds a live one
     */
    Optional<Lease> acquireLease(String scope, String owner, Duration ttl);

    /**
     * Moves the watermark to {@code value} if {@code lease} is still live and still the scope's newest, and the
     * watermark's version is still {@code expectedVersion}.
     *
     * @return whether it moved
     */
    boolean moveWatermark(Lease lease, long expectedVersion, Instant value);

    /**
     * Claims an item for {@code ttl}. Granted when nobody claimed it, when the last claim's lease expired, when it was
     * released, or when it was finished at a version older than {@code itemVersion}. A claim granted over an expired
     * claim carries the outcome that claim recorded, if any.
     *
     * @param itemVersion the version of the item being claimed (its last change), kept as the item's version while
     *     it is unfinished ({@link #oldestUnfinished}); {@code null} when unknown
     * @return the claim, or empty when another worker holds a live claim or the item is finished at this version
     */
    Optional<Claim> claim(String scope, String itemId, Instant itemVersion, String owner, Duration ttl);

    /**
     * Records the outcome of handling the claimed item, before it is reported; replaces one recorded before.
     *
     * @return false when the claim was taken over (nothing recorded)
     */
    boolean recordOutcome(Claim claim, String outcome);

    /**
     * Ends the claim: the item's outcome was reported. The item is claimed again only for a version newer than
     * {@code doneVersion}.
     *
     * @return false when the claim was taken over (nothing written)
     */
    boolean finish(Claim claim, Instant doneVersion);

    /**
     * Gives the item back without an outcome (handled later): any worker may claim it at once.
     *
     * @return false when the claim was taken over (nothing written)
     */
    boolean release(Claim claim);

    /**
     * The oldest version among the scope's claimed or released items that are not finished: a watermark must not
     * pass it, or the item would never be listed again.
     */
    Optional<Instant> oldestUnfinished(String scope);

    /** Forgets the scope's items finished at a version before {@code before} (they are older than the watermark). */
    int forgetFinished(String scope, Instant before);

    /**
     * Marks a key (a callback's idempotency key, say) as seen for {@code ttl}.
     *
     * @return true the first time (and after the key's ttl ran out), false when the key was seen already
     */
    boolean markSeen(String scope, String key, Duration ttl);

    /** A store for the threads of one JVM, on the system clock. */
    static IntegrationStore inMemory() {
        return inMemory(Clock.systemUTC());
    }

    /** A store for the threads of one JVM, on the given clock (leases and seen keys expire by it). */
    static IntegrationStore inMemory(Clock clock) {
        return new InMemoryIntegrationStore(clock);
    }

    /** A worker id unique to this process: host name, process id and a random part. */
    static String newWorkerId() {
        return StoreChecks.newWorkerId();
    }
}
