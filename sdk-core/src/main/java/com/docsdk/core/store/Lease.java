package com.docsdk.core.store;

import com.docsdk.core.Redactor;
import java.time.Instant;

/**
 * The right, until {@code until}, to move one scope's watermark. Each acquisition increments {@code token} (a fencing
 * token): a holder whose lease expired and was taken by another worker can no longer write, whatever its clock says.
 *
 * @param scope the watermark's scope
 * @param owner the worker holding it
 * @param token the fencing token of this acquisition
 * @param until when it expires, on the store's clock
 */
public record Lease(String scope, String owner, long token, Instant until) {
    /** The lease, its ids redacted where they look like secrets. */
    @Override
    public String toString() {
        return "Lease[scope=" + Redactor.field("scope", scope) + ", owner=" + Redactor.field("owner", owner)
                + ", token=" + token + ", until=" + until + ']';
    }
}
