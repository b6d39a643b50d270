package com.docsdk.core;

/**
 * A request tag asking the transport to hand back error responses as they are instead of throwing: for callers that
 * interpret statuses themselves (token requests, downloads that re-issue expired URLs).
 */
final class RawResponse {
    static final RawResponse INSTANCE = new RawResponse();

    private RawResponse() {
    }
}
