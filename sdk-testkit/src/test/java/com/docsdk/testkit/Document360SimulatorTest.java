package com.docsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class Document360SimulatorTest {
    private static final TestClock CLOCK = TestClock.at(Instant.parse("2025-06-15T12:00:00Z"));
    private static final String TOKEN = "d360_sk_test";
    private static final String PROJECT = Document360Simulator.DEFAULT_PROJECT_ID;

    @RegisterExtension
    static Document360Simulator d360 = Document360Simulator.create().expectApiKey(TOKEN).clock(CLOCK)
            .pollsUntilCompleted(2).downloadUrlLifetime(Duration.ofMinutes(30));

    private static String url(String path) {
        return d360.baseUrl() + path;
    }

    private static JsonObject data(Http.Reply reply) {
        return reply.json().getAsJsonObject().getAsJsonObject("data");
    }

    @Test
    void exportProgressesAndItsSasUrlExpiresAndIsReissued() {
        Http.Reply started = Http.json("POST", url("/v3/projects/" + PROJECT + "/exports"),
                "{\"workspace_id\":\"" + Document360Simulator.DEFAULT_WORKSPACE_ID + "\",\"format\":\"pdf\"}",
                "Authorization", "Bearer " + TOKEN);
        assertEquals(202, started.status(), started.body());
        assertTrue(started.json().getAsJsonObject().get("success").getAsBoolean());
        String exportId = data(started).get("id").getAsString();
        assertEquals("Pending", data(started).get("status").getAsString());

        String poll = url("/v3/projects/" + PROJECT + "/exports/" + exportId);
        assertEquals("InProgress", data(Http.get(poll, "X-API-Key", TOKEN)).get("status").getAsString());
        JsonObject completed = data(Http.get(poll, "X-API-Key", TOKEN));
        assertEquals("Completed", completed.get("status").getAsString());
        String downloadUrl = completed.get("download_url").getAsString();
        assertTrue(downloadUrl.contains("sig="), downloadUrl);
        assertEquals(200, Http.get(downloadUrl).status());

        CLOCK.advance(Duration.ofMinutes(31));
        Http.Reply expired = Http.get(downloadUrl);
        assertEquals(403, expired.status());
        assertTrue(expired.body().contains("AuthenticationFailed"));
        String reissued = data(Http.get(poll, "X-API-Key", TOKEN)).get("download_url").getAsString();
        assertNotEquals(downloadUrl, reissued);
        assertEquals(200, Http.get(reissued).status());
    }

    @Test
    void projectsArePagedByPageOrCursor() {
        d360.addProject("Third");
        JsonObject first = Http.get(url("/v3/projects?page_size=2&include_total_count=true"), "X-API-Key", TOKEN)
                .json().getAsJsonObject();
        assertEquals(2, first.getAsJsonArray("data").size());
        JsonObject pagination = first.getAsJsonObject("pagination");
        assertEquals(3, pagination.get("total_count").getAsInt());
        assertTrue(pagination.get("has_more").getAsBoolean());
        JsonObject next = Http.get(url("/v3/projects?page_size=2&cursor=" + pagination.get("next_cursor")
                .getAsString()), "X-API-Key", TOKEN).json().getAsJsonObject();
        assertEquals("Third", next.getAsJsonArray("data").get(0).getAsJsonObject().get("name").getAsString());
        assertEquals(1, Http.get(url("/v3/projects/" + PROJECT + "/workspaces"), "X-API-Key", TOKEN).json()
                .getAsJsonObject().getAsJsonArray("data").size());
    }

    @Test
    void theWorkspacesDialectServesWorkspacesAndRefusesProjectVersionIds() {
        String v2 = d360.addWorkspace(PROJECT, "v2.0");
        JsonObject list = Http.get(url("/v3/projects/" + PROJECT + "/workspaces"), "X-API-Key", TOKEN).json()
                .getAsJsonObject();
        JsonObject first = list.getAsJsonArray("data").get(0).getAsJsonObject();
        assertEquals(Document360Simulator.DEFAULT_WORKSPACE_ID, first.get("id").getAsString());
        assertTrue(first.get("is_default").getAsBoolean());
        assertEquals("KnowledgeBase", first.get("workspace_type").getAsString());
        assertEquals("v2.0", list.getAsJsonArray("data").get(1).getAsJsonObject().get("name").getAsString());
        JsonObject detail = data(Http.get(url("/v3/projects/" + PROJECT + "/workspaces/" + v2), "X-API-Key", TOKEN));
        assertEquals("en", detail.get("language_code").getAsString());
        assertEquals(404, Http.get(url("/v3/projects/" + PROJECT + "/project-versions"), "X-API-Key", TOKEN)
                .status());

        String exports = url("/v3/projects/" + PROJECT + "/exports");
        Http.Reply legacyField = Http.json("POST", exports, "{\"project_version_id\":\"" + v2
                + "\",\"format\":\"pdf\"}", "X-API-Key", TOKEN);
        assertEquals(400, legacyField.status(), legacyField.body());
        assertEquals("project_version_id", errorField(legacyField));
        Http.Reply none = Http.json("POST", exports, "{\"format\":\"pdf\"}", "X-API-Key", TOKEN);
        assertEquals(400, none.status(), none.body());
        assertEquals("workspace_id", errorField(none));
        Http.Reply both = Http.json("POST", exports, "{\"workspace_id\":\"" + v2 + "\",\"project_version_id\":\""
                + v2 + "\",\"format\":\"pdf\"}", "X-API-Key", TOKEN);
        assertEquals(400, both.status(), both.body());
        Http.Reply unknown = Http.json("POST", exports, "{\"workspace_id\":\"" + UUID.randomUUID()
                + "\",\"format\":\"pdf\"}", "X-API-Key", TOKEN);
        assertEquals(422, unknown.status(), unknown.body());

        Http.Reply started = Http.json("POST", exports, "{\"workspace_id\":\"" + v2 + "\",\"format\":\"pdf\"}",
                "X-API-Key", TOKEN);
        assertEquals(202, started.status(), started.body());
        assertEquals(v2, d360.exportWorkspace(data(started).get("id").getAsString()).orElseThrow());
    }

    @Test
    void theProjectVersionsDialectServesVersionsAndRefusesWorkspaceIds() {
        d360.dialect(Document360Simulator.Dialect.PROJECT_VERSIONS);
        try {
            assertEquals(404, Http.get(url("/v3/projects/" + PROJECT + "/workspaces"), "X-API-Key", TOKEN).status());
            JsonObject version = Http.get(url("/v3/projects/" + PROJECT + "/project-versions"), "X-API-Key", TOKEN)
                    .json().getAsJsonObject().getAsJsonArray("data").get(0).getAsJsonObject();
            assertEquals("KnowledgeBase", version.get("version_type").getAsString());
            assertTrue(version.get("is_default").getAsBoolean());

            String exports = url("/v3/projects/" + PROJECT + "/exports");
            Http.Reply newField = Http.json("POST", exports, "{\"workspace_id\":\""
                    + Document360Simulator.DEFAULT_WORKSPACE_ID + "\",\"format\":\"pdf\"}", "X-API-Key", TOKEN);
            assertEquals(400, newField.status(), newField.body());
            assertEquals("workspace_id", errorField(newField));
            Http.Reply started = Http.json("POST", exports, "{\"project_version_id\":\""
                    + Document360Simulator.DEFAULT_WORKSPACE_ID + "\",\"format\":\"pdf\"}", "X-API-Key", TOKEN);
            assertEquals(202, started.status(), started.body());
            Http.Reply versionless = Http.json("POST", exports, "{\"format\":\"pdf\"}", "X-API-Key", TOKEN);
            assertEquals(202, versionless.status(), versionless.body());
            assertEquals(Document360Simulator.DEFAULT_WORKSPACE_ID,
                    d360.exportWorkspace(data(versionless).get("id").getAsString()).orElseThrow());
        } finally {
            d360.dialect(Document360Simulator.Dialect.WORKSPACES);
        }
    }

    private static String errorField(Http.Reply reply) {
        return reply.json().getAsJsonObject().getAsJsonArray("errors").get(0).getAsJsonObject().get("field")
                .getAsString();
    }

    @Test
    void errorsAreProblemDocumentsAnd401IsEmpty() {
        Http.Reply unauthorized = Http.get(url("/v3/projects"), "Authorization", "Bearer wrong");
        assertEquals(401, unauthorized.status());
        assertEquals("", unauthorized.body());
        assertTrue(unauthorized.header("WWW-Authenticate").startsWith("Bearer"));

        Http.Reply invalid = Http.get(url("/v3/projects?page_size=500"), "X-API-Key", TOKEN);
        assertEquals(400, invalid.status(), invalid.body());
        assertTrue(invalid.header("Content-Type").startsWith("application/problem+json"));
        assertEquals("VALIDATION_ERROR", invalid.json().getAsJsonObject().getAsJsonArray("errors").get(0)
                .getAsJsonObject().get("code").getAsString());

        Http.Reply missing = Http.get(url("/v3/projects/00000000-0000-4000-8000-000000000000"), "X-API-Key", TOKEN);
        assertEquals(404, missing.status());
        assertEquals("RESOURCE_NOT_FOUND", missing.json().getAsJsonObject().getAsJsonArray("errors").get(0)
                .getAsJsonObject().get("code").getAsString());
    }

    @Test
    void rateLimitHeadersAndServerErrorBurst() {
        d360.rateLimit(1, Duration.ofMinutes(1));
        try {
            assertEquals(200, Http.get(url("/v3/projects"), "X-API-Key", TOKEN).status());
            Http.Reply limited = Http.get(url("/v3/projects"), "X-API-Key", TOKEN);
            assertEquals(429, limited.status());
            assertEquals("60", limited.header("Retry-After"));
            assertEquals(String.valueOf(CLOCK.instant().plusSeconds(60).getEpochSecond()),
                    limited.header("X-RateLimit-Reset"));
        } finally {
            d360.noRateLimit();
        }
        d360.injectFaults(SimulatedFault.SERVICE_UNAVAILABLE, 2);
        assertEquals(503, Http.get(url("/v3/projects"), "X-API-Key", TOKEN).status());
        assertEquals(503, Http.get(url("/v3/projects"), "X-API-Key", TOKEN).status());
        assertEquals(200, Http.get(url("/v3/projects"), "X-API-Key", TOKEN).status());
    }
}
