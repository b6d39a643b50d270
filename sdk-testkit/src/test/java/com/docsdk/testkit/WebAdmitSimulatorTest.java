package com.docsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebAdmitSimulatorTest {
    private static final TestClock CLOCK = TestClock.at(Instant.parse("2025-06-01T10:00:00Z"));
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final String START = "/api/v1/user_identities/42/exports/29897/export_files";

    @RegisterExtension
    static WebAdmitSimulator webAdmit = WebAdmitSimulator.create()
            .expectApiKey(KEY).clock(CLOCK).pollsUntilAvailable(2).downloadUrlLifetime(Duration.ofSeconds(25))
            .exportContent("CAS ID,Name\n1,Ada\n");

    private static String url(String path) {
        return webAdmit.baseUrl() + path;
    }

    private static JsonObject exportFile(Http.Reply reply) {
        return reply.json().getAsJsonObject().getAsJsonObject("export_files");
    }

    @Test
    void exportRunsToAvailableAndItsDownloadUrlExpiresAndIsReissued() {
        Http.Reply started = Http.noBody("POST", url(START), "x-api-key", KEY);
        assertEquals(201, started.status(), started.body());
        JsonObject run = exportFile(started);
        assertEquals("Queued", run.get("status").getAsString());
        long id = run.get("id").getAsLong();
        assertEquals(id, exportFile(Http.noBody("POST", url(START), "x-api-key", KEY)).get("id").getAsLong(),
                "a second start while running returns the running export file");

        String check = url("/api/v1/exports/29897/export_files/" + id);
        JsonObject first = exportFile(Http.get(check, "x-api-key", KEY));
        assertEquals("In Progress", first.get("status").getAsString());
        assertFalse(first.has("download_url"));

        Http.Reply availableReply = Http.get(check, "x-api-key", KEY);
        assertEquals("5000", availableReply.header("X-RateLimit-Limit"));
        JsonObject available = exportFile(availableReply);
        assertEquals("Available", available.get("status").getAsString());
        String downloadUrl = available.get("download_url").getAsString();

        Http.Reply download = Http.get(downloadUrl);
        assertEquals(200, download.status());
        assertEquals("CAS ID,Name\n1,Ada\n", download.body());

        CLOCK.advance(Duration.ofSeconds(26));
        Http.Reply expired = Http.get(downloadUrl);
        assertEquals(403, expired.status());
        assertTrue(expired.body().contains("Request has expired"));

        String reissued = exportFile(Http.get(check, "x-api-key", KEY)).get("download_url").getAsString();
        assertNotEquals(downloadUrl, reissued);
        assertEquals(200, Http.get(reissued).status());

        JsonObject recent = Http.get(url("/api/v1/user_identities/42/export_files"), "x-api-key", KEY).json()
                .getAsJsonObject().getAsJsonArray("export_files").get(0).getAsJsonObject();
        assertEquals("Available", recent.get("status").getAsString());
        assertFalse(recent.has("download_url"));
    }

    @Test
    void configurableOutcomesAndSnakeCase() {
        webAdmit.exportOutcome(WebAdmitSimulator.ExportOutcome.EMPTY_LIST).snakeCaseStatuses(true);
        try {
            long id = exportFile(Http.noBody("POST", url(START), "x-api-key", KEY)).get("id").getAsLong();
            String check = url("/api/v1/exports/29897/export_files/" + id);
            assertEquals("in_progress", exportFile(Http.get(check, "x-api-key", KEY)).get("status").getAsString());
            JsonObject done = exportFile(Http.get(check, "x-api-key", KEY));
            assertEquals("empty_list", done.get("status").getAsString());
            assertFalse(done.has("download_url"));
        } finally {
            webAdmit.exportOutcome(WebAdmitSimulator.ExportOutcome.AVAILABLE).snakeCaseStatuses(false);
        }
    }

    @Test
    void wrongKeyIsAnEmpty401AndUnknownIdentityA404() {
        Http.Reply unauthorized = Http.get(url("/api/v1/user_identities"), "x-api-key", "wrong");
        assertEquals(401, unauthorized.status());
        assertEquals("", unauthorized.body());
        Http.Reply missing = Http.get(url("/api/v1/user_identities/999/exports"), "x-api-key", KEY);
        assertEquals(404, missing.status());
        assertEquals("User identity '999' not found.", missing.json().getAsJsonObject().get("message").getAsString());
    }

    @Test
    void offSpecRequestGetsAMessage() {
        Http.Reply reply = Http.get(url("/api/v1/exports/abc/export_files/1"), "x-api-key", KEY);
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.json().getAsJsonObject().get("message").getAsString().contains("export_id"));
    }

    @Test
    void rateLimitAndFaults() {
        webAdmit.rateLimit(1, Duration.ofHours(1));
        try {
            assertEquals(200, Http.get(url("/api/v1/exports"), "x-api-key", KEY).status());
            Http.Reply limited = Http.get(url("/api/v1/exports"), "x-api-key", KEY);
            assertEquals(429, limited.status());
            assertEquals("0", limited.header("X-RateLimit-Remaining"));
            assertEquals("3600", limited.header("Retry-After"));
        } finally {
            webAdmit.rateLimit(5000, Duration.ofHours(1));
        }
        webAdmit.injectFaults(SimulatedFault.INTERNAL_SERVER_ERROR, 1);
        assertEquals(500, Http.get(url("/api/v1/exports"), "x-api-key", KEY).status());
        assertEquals(200, Http.get(url("/api/v1/exports"), "x-api-key", KEY).status());
    }
}
