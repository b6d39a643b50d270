package com.docsdk.core.store;

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
}
