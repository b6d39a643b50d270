package com.docsdk.core.store;

import com.docsdk.core.Redactor;
import java.util.Optional;

/**
 * One worker's claim on one item of a scope, held under a lease. The fencing {@code token} grows with every claim of
 * the item, so a worker whose claim expired and was taken over can no longer record an outcome or finish it.
 *
 * @param scope the scope of the item
 * @param itemId the item
 * @param owner the worker holding the claim
 * @param token the fencing token of this claim
 * @param recordedOutcome an outcome an earlier holder recorded but never reported (it crashed in between): report
 *     it without handling the item again; {@code null} when there is none
 * @param takenOver the claim was taken over from another worker whose claim expired before it recorded an outcome:
 *     that worker may have handled the item already (it crashed, or took longer than its lease)
 */
public record Claim(String scope, String itemId, String owner, long token, String recordedOutcome,
        boolean takenOver) {
    /** The outcome an earlier holder recorded but did not report, if any: report it, do not handle the item again. */
    public Optional<String> pendingOutcome() {
        return Optional.ofNullable(recordedOutcome);
    }

    /** The claim, its ids and outcome redacted where they look like secrets. */
    @Override
    public String toString() {
        return "Claim[scope=" + Redactor.field("scope", scope) + ", itemId=" + Redactor.field("itemId", itemId)
                + ", owner=" + Redactor.field("owner", owner) + ", token=" + token + ", recordedOutcome="
                + Redactor.field("recordedOutcome", recordedOutcome) + ", takenOver=" + takenOver + ']';
    }
}
