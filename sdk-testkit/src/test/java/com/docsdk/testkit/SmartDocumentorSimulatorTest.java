package com.docsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmartDocumentorSimulatorTest {
    private static final TestClock CLOCK = TestClock.at(Instant.parse("2025-06-01T10:00:00Z"));
    private static final String API = "/api/v1.0/external/sdtask/";

    @RegisterExtension
    static SmartDocumentorSimulator sd = SmartDocumentorSimulator.create()
            .clientCredentials("client", "secret").tokenLifetime(Duration.ofMinutes(5)).clock(CLOCK)
            .pollsUntilProcessed(2);

    private static String url(String path) {
        return sd.baseUrl() + path;
    }

    private static String token() {
        Http.Reply reply = Http.form(url("/connect/token"),
                "grant_type=client_credentials&scope=WebAPI&client_id=client&client_secret=secret");
        assertEquals(200, reply.status(), reply.body());
        assertEquals(300, reply.json().getAsJsonObject().get("expires_in").getAsInt());
        return reply.json().getAsJsonObject().get("access_token").getAsString();
    }

    @Test
    void tasksProgressAndExternalStatusIsPatchedAndResetByReprocessing() {
        String auth = "Bearer " + token();
        Http.Reply created = Http.json("POST", url(API + "process"),
                "{\"externalId\":\"erp-1\",\"displayName\":\"Invoice 1\",\"context\":{\"url\":\"https://x/y.pdf\"}}",
                "Authorization", auth);
        assertEquals(200, created.status(), created.body());
        long taskId = created.json().getAsJsonObject().get("taskId").getAsLong();
        assertEquals(30, created.json().getAsJsonObject().get("taskStatus").getAsInt());

        assertEquals(31, Http.get(url(API + "status?taskId=" + taskId), "Authorization", auth).json()
                .getAsJsonObject().get("taskStatus").getAsInt());
        JsonObject done = Http.get(url(API + "status?externalId=erp-1"), "Authorization", auth).json()
                .getAsJsonObject();
        assertEquals(34, done.get("taskStatus").getAsInt());
        assertEquals("never", done.get("externalIntegrationStatus").getAsString());

        Http.Reply patched = Http.json("PATCH", url(API + "externalIntegrationStatus?externalId=erp-1"),
                "{\"externalIntegrationStatus\":\"integrated\"}", "Authorization", auth);
        assertEquals(200, patched.status(), patched.body());
        assertEquals(Optional.of("integrated"), sd.externalIntegrationStatus(taskId));
        assertEquals(404, Http.json("PATCH", url(API + "externalIntegrationStatus?taskId=1"),
                "{\"externalIntegrationStatus\":\"x\"}", "Authorization", auth).status());

        String list = API + "statuslistpaginated?startDate=2025-01-01T00:00:00Z&pageNumber=1&pageSize=10"
                + "&externalIntegrationStatus=integrated&taskStatus=34";
        JsonObject page = Http.get(url(list), "Authorization", auth).json().getAsJsonObject();
        assertEquals(1, page.get("totalCount").getAsInt());
        assertEquals(taskId, page.getAsJsonArray("items").get(0).getAsJsonObject().get("taskId").getAsLong());

        assertEquals(200, Http.noBody("PATCH", url(API + "restartprocessing?taskId=" + taskId), "Authorization", auth)
                .status());
        JsonObject restarted = Http.get(url(API + "status?taskId=" + taskId), "Authorization", auth).json()
                .getAsJsonObject();
        assertEquals("never", restarted.get("externalIntegrationStatus").getAsString());
        assertEquals(1, restarted.get("restartCount").getAsInt());
        assertEquals(0, Http.get(url(list), "Authorization", auth).json().getAsJsonObject().get("totalCount")
                .getAsInt());
    }

    @Test
    void statusListFiltersByDate() {
        sd.addTask("old", Instant.parse("2024-01-01T00:00:00Z"));
        sd.addTask("new", Instant.parse("2025-05-01T00:00:00Z"));
        JsonArray tasks = Http.get(url(API + "statuslist?startDate=2025-01-01T00:00:00Z"), "Authorization",
                "Bearer " + token()).json().getAsJsonArray();
        assertEquals(1, tasks.size());
        assertEquals("new", tasks.get(0).getAsJsonObject().get("externalId").getAsString());
    }

    @Test
    void tokensExpireAndBadClientsAreRefused() {
        String auth = "Bearer " + token();
        assertEquals(200, Http.get(url(API + "statuslist?endDate=2030-01-01T00:00:00Z"), "Authorization", auth)
                .status());
        CLOCK.advance(Duration.ofMinutes(5));
        Http.Reply expired = Http.get(url(API + "statuslist?endDate=2030-01-01T00:00:00Z"), "Authorization", auth);
        assertEquals(401, expired.status());
        assertEquals("", expired.body());
        assertTrue(expired.header("WWW-Authenticate").contains("invalid_token"));

        Http.Reply badClient = Http.form(url("/connect/token"),
                "grant_type=client_credentials&scope=WebAPI&client_id=client&client_secret=nope");
        assertEquals(400, badClient.status());
        assertEquals("invalid_client", badClient.json().getAsJsonObject().get("error").getAsString());
    }

    @Test
    void offSpecRequestsGetAspNetValidationProblems() {
        String auth = "Bearer " + token();
        Http.Reply badType = Http.get(url(API + "status?taskId=abc"), "Authorization", auth);
        assertEquals(400, badType.status(), badType.body());
        JsonObject problem = badType.json().getAsJsonObject();
        assertEquals("One or more validation errors occurred.", problem.get("title").getAsString());
        assertTrue(problem.getAsJsonObject("errors").has("taskId"), badType.body());

        Http.Reply tooLong = Http.json("PATCH", url(API + "externalIntegrationStatus?taskId=1"),
                "{\"externalIntegrationStatus\":\"" + "x".repeat(33) + "\"}", "Authorization", auth);
        assertEquals(400, tooLong.status(), tooLong.body());

        Http.Reply noFilter = Http.get(url(API + "statuslist"), "Authorization", auth);
        assertEquals(400, noFilter.status());
    }

    @Test
    void rateLimitAndSlowBody() {
        String auth = "Bearer " + token();
        sd.rateLimit(1, Duration.ofSeconds(10));
        try {
            assertEquals(200, Http.get(url(API + "statuslist?endDate=2030-01-01T00:00:00Z"), "Authorization", auth)
                    .status());
            Http.Reply limited = Http.get(url(API + "statuslist?endDate=2030-01-01T00:00:00Z"), "Authorization", auth);
            assertEquals(429, limited.status());
            assertEquals("10", limited.header("Retry-After"));
        } finally {
            sd.noRateLimit();
        }
        sd.slowResponseDuration(Duration.ofMillis(300)).injectFaults(SimulatedFault.SLOW_BODY, 1);
        long start = System.nanoTime();
        Http.Reply slow = Http.get(url(API + "statuslist?endDate=2030-01-01T00:00:00Z"), "Authorization", auth);
        assertEquals(200, slow.status());
        assertEquals("[]", slow.body());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 250);
    }
}
