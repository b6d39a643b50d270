package com.docsdk.core.internal;

/**
 * A request tag asking the transport to hand back error responses as they are instead of throwing: for callers that
 * interpret statuses themselves (token requests, downloads that re-issue expired URLs).
 */
public final class RawResponse {
    public static final RawResponse INSTANCE = new RawResponse();

    private RawResponse() {
    }
}
