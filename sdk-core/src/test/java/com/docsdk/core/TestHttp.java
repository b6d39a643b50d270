package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.retry.RetryPolicy;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.Request;

/** Shared setup of the transport tests: WireMock servers on loopback, a transport that never really waits, GETs. */
final class TestHttp {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Clock FIXED_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private TestHttp() {
    }

    /** A WireMock server on a free loopback port, reset before each test. */
    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    /** A transport builder for {@code baseUrl} with a fixed clock, a recording sleeper and no retries. */
    static Transport.Builder transport(String baseUrl, Credentials credentials) {
        return Transport.builder(SdkModule.CORE).baseUrl(baseUrl).credentials(credentials)
                .clock(FIXED_CLOCK).sleeper(new RecordingSleeper()).retryPolicy(RetryPolicy.none());
    }

    static SdkResponse<String> get(Transport transport, String url) {
        return get(transport, url, RequestOptions.none());
    }

    static SdkResponse<String> get(Transport transport, String url, RequestOptions options) {
        return transport.execute(new Request.Builder().url(url).build(), options, ResponseReader.string());
    }

    /** Stubs {@code request} to answer {@code responses} in order, the last one for every later request too. */
    static void stubSequence(WireMockExtension wm, Supplier<MappingBuilder> request,
            ResponseDefinitionBuilder... responses) {
        String scenario = "sequence-" + UUID.randomUUID();
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "s" + i;
            String next = i == responses.length - 1 ? state : "s" + (i + 1);
            wm.stubFor(request.get().inScenario(scenario).whenScenarioStateIs(state).willReturn(responses[i])
                    .willSetStateTo(next));
        }
    }
}
