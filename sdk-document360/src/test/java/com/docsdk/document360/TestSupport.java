package com.docsdk.document360;

import com.docsdk.core.FakeTime;
import com.docsdk.core.retry.RetryPolicy;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;

/** A client builder aimed at WireMock that never really waits. */
final class TestSupport {
    static final String TOKEN = "d360-portal-token";
    static final Instant START = Instant.parse("2026-05-12T10:00:00Z");

    private TestSupport() {
    }

    /** Time that only moves when the client waits: waits are recorded, not slept. */
    static FakeTime time() {
        return new FakeTime(START);
    }

    /** A bearer-token client for {@code wm} on {@code time}; retries without jitter. */
    static Document360Client.Builder builder(WireMockExtension wm, FakeTime time) {
        return Document360Client.builder()
                .baseUrl(wm.baseUrl())
                .bearerToken(TOKEN)
                .clock(time)
                .sleeper(time)
                .retryPolicy(RetryPolicy.builder().jitter(() -> 1.0).build());
    }
}
