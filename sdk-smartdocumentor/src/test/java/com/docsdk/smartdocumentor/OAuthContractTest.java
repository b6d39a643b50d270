package com.docsdk.smartdocumentor;

import com.docsdk.core.RequestOptions;

import com.docsdk.core.FakeTime;

import static com.docsdk.smartdocumentor.Fixtures.STATUS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.TASK_STATUS_EXAMPLE;
import static com.docsdk.smartdocumentor.Fixtures.TOKEN_EXAMPLE;
import static com.docsdk.smartdocumentor.Fixtures.TOKEN_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.docsdk.core.error.AuthenticationException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** OAuth2 client credentials end to end: one token reused, refresh on 401 and expiry, the secret never shown. */
class OAuthContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String CLIENT_ID = "org-client-id";
    private static final String SECRET = "s3cr3t-Value+/=";

    @AfterEach
    void checkContract() {
        Fixtures.contract().assertRequestsMatch(wm);
    }

    @Test
    void fetchesTheTokenOnceFromTheOverriddenBaseUrlAndReusesIt() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(TOKEN_EXAMPLE)));
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(TASK_STATUS_EXAMPLE)));

        try (SmartDocumentorClient client = Fixtures.builder(wm).clientCredentials(CLIENT_ID, SECRET).build()) {
            client.tasks().get(Fixtures.byId(49), RequestOptions.none());
            client.tasks().get(Fixtures.byId(49), RequestOptions.none());
            client.tasks().get(Fixtures.byExternalId("erp-1"), RequestOptions.none());
        }

        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("client_credentials"))
                .withFormParam("scope", equalTo("WebAPI"))
                .withFormParam("client_id", equalTo(CLIENT_ID))
                .withFormParam("client_secret", equalTo(SECRET)));
        wm.verify(3, getRequestedFor(urlPathEqualTo(STATUS_PATH))
                .withHeader("Authorization", equalTo("Bearer your access token")));
        wm.verify(0, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withHeader("Authorization", containing("")));
    }

    @Test
    void aRejectedTokenIsRefreshedOnceAndTheRequestReplayed() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(token("first", 3600))).willSetStateTo("second"));
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(token("second", 3600))));
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).withHeader("Authorization", equalTo("Bearer first"))
                .willReturn(aResponse().withStatus(401)));
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).withHeader("Authorization", equalTo("Bearer second"))
                .willReturn(okJson(TASK_STATUS_EXAMPLE)));

        try (SmartDocumentorClient client = Fixtures.builder(wm).clientCredentials(CLIENT_ID, SECRET).build()) {
            assertEquals(49L, client.tasks().get(Fixtures.byId(49), RequestOptions.none()).getTaskId());
            assertEquals(49L, client.tasks().get(Fixtures.byId(49), RequestOptions.none()).getTaskId());
        }

        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wm.verify(1, getRequestedFor(urlPathEqualTo(STATUS_PATH)).withHeader("Authorization", equalTo("Bearer first")));
        wm.verify(2, getRequestedFor(urlPathEqualTo(STATUS_PATH))
                .withHeader("Authorization", equalTo("Bearer second")));
    }

    @Test
    void aSecond401IsAnAuthenticationErrorNotALoop() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(TOKEN_EXAMPLE)));
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(aResponse().withStatus(401)));

        try (SmartDocumentorClient client = Fixtures.builder(wm).clientCredentials(CLIENT_ID, SECRET).build()) {
            assertThrows(AuthenticationException.class, () -> client.tasks().get(Fixtures.byId(49), RequestOptions.none()));
        }

        wm.verify(2, getRequestedFor(urlPathEqualTo(STATUS_PATH)));
        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void anExpiredTokenIsReplacedBeforeUse() {
        FakeTime clock = new FakeTime(Instant.parse("2025-01-01T00:00:00Z"));
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(TOKEN_EXAMPLE)));
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(TASK_STATUS_EXAMPLE)));

        try (SmartDocumentorClient client = Fixtures.builder(wm).clock(clock)
                .clientCredentials(CLIENT_ID, SECRET).build()) {
            client.tasks().get(Fixtures.byId(49), RequestOptions.none());
            clock.advance(Duration.ofMinutes(50));
            client.tasks().get(Fixtures.byId(49), RequestOptions.none());
            wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));

            clock.advance(Duration.ofMinutes(10)); // expires_in 3600 s: within the refresh margin now
            client.tasks().get(Fixtures.byId(49), RequestOptions.none());
        }

        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void theSecretNeverAppearsInToStringExceptionsOrLogs() {
        Logger docsdk = (Logger) LoggerFactory.getLogger("com.docsdk");
        Level before = docsdk.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        docsdk.addAppender(logs);
        docsdk.setLevel(Level.TRACE);
        try {
            // A token endpoint that echoes what it got, then one that works; a 401 in between forces a refresh.
            wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("echo").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                            .withBody("{\"error\": \"invalid_client\", \"error_description\": \"bad secret "
                                    + SECRET + "\"}"))
                    .willSetStateTo("ok"));
            wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("echo").whenScenarioStateIs("ok")
                    .willReturn(okJson(TOKEN_EXAMPLE)));
            wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(TASK_STATUS_EXAMPLE)));

            SmartDocumentorClient.Builder builder = Fixtures.builder(wm).clientCredentials(CLIENT_ID, SECRET);
            try (SmartDocumentorClient client = builder.build()) {
                AuthenticationException e = assertThrows(AuthenticationException.class,
                        () -> client.tasks().get(Fixtures.byId(49), RequestOptions.none()));
                assertSecretAbsent(e.getMessage());
                assertSecretAbsent(e.rawBody());
                assertSecretAbsent(String.join(" ", e.messages()));
                assertEquals(49L, client.tasks().get(Fixtures.byId(49), RequestOptions.none()).getTaskId());

                assertSecretAbsent(client.toString());
                assertSecretAbsent(builder.toString());
                assertTrue(client.toString().contains("REDACTED"), client.toString());
            }
            assertFalse(logs.list.isEmpty(), "the SDK logged its requests");
            for (ILoggingEvent event : logs.list) {
                assertSecretAbsent(event.getFormattedMessage());
                assertFalse(event.getFormattedMessage().contains("your access token"), event.getFormattedMessage());
            }
        } finally {
            docsdk.detachAppender(logs);
            docsdk.setLevel(before);
        }
    }

    private static void assertSecretAbsent(String text) {
        assertFalse(text.contains(SECRET), () -> "the client secret leaked: " + text);
        assertFalse(text.contains("s3cr3t"), () -> "the client secret leaked: " + text);
    }

    private static String token(String value, int expiresIn) {
        return new com.google.gson.Gson().toJson(Map.of("access_token", value, "expires_in", expiresIn,
                "token_type", "Bearer", "scope", "WebAPI"));
    }
}
