package com.docsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The imports, current user, languages, license and content reads of the Document360 simulator, over raw HTTP. */
class Document360ContentSimulatorTest {
    private static final String TOKEN = "d360_sk_content";
    private static final String PROJECT = Document360Simulator.DEFAULT_PROJECT_ID;
    private static final String WORKSPACE = Document360Simulator.DEFAULT_WORKSPACE_ID;

    @RegisterExtension
    static Document360Simulator d360 = Document360Simulator.create().expectApiKey(TOKEN)
            .clock(TestClock.at(Instant.parse("2025-07-10T09:00:00Z"))).pollsUntilCompleted(2);

    private static String url(String path) {
        return d360.baseUrl() + "/v3/projects/" + PROJECT + path;
    }

    private static JsonObject data(Http.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getAsJsonObject().getAsJsonObject("data");
    }

    private static JsonArray list(Http.Reply reply) {
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getAsJsonObject().getAsJsonArray("data");
    }

    @Test
    void anImportProgressesAddsItsArticleAndAFailedOneEndsFailed() {
        String me = data(Http.get(url("/users/me"), "X-API-Key", TOKEN)).get("id").getAsString();
        assertEquals(Document360Simulator.CURRENT_USER_ID, me);

        Http.Reply started = Http.json("POST", url("/imports"), "{\"source_documentation_url\":"
                + "\"https://docs.example.com/api\",\"publish_article\":true,\"import_by\":\"" + me + "\"}",
                "X-API-Key", TOKEN);
        assertEquals(202, started.status(), started.body());
        String id = started.json().getAsJsonObject().getAsJsonObject("data").get("id").getAsString();
        assertTrue(started.header("Operation-Location").endsWith("/imports/" + id));
        assertEquals("InProgress", data(Http.get(url("/imports/" + id), "X-API-Key", TOKEN)).get("status")
                .getAsString());
        JsonObject done = data(Http.get(url("/imports/" + id), "X-API-Key", TOKEN));
        assertEquals("Completed", done.get("status").getAsString());
        assertEquals("2025-07-10T09:00:00Z", done.get("completed_at").getAsString());
        assertEquals(2, list(Http.get(url("/workspaces/" + WORKSPACE + "/articles"), "X-API-Key", TOKEN)).size());

        d360.failImports(true);
        Http.Reply failing = Http.json("POST", url("/imports"), "{\"source_documentation_url\":\"https://x.example\","
                + "\"import_by\":\"" + me + "\"}", "X-API-Key", TOKEN);
        String failingId = failing.json().getAsJsonObject().getAsJsonObject("data").get("id").getAsString();
        Http.get(url("/imports/" + failingId), "X-API-Key", TOKEN);
        assertEquals("Failed", data(Http.get(url("/imports/" + failingId), "X-API-Key", TOKEN)).get("status")
                .getAsString());
        assertEquals("Failed", d360.importStatus(failingId).orElseThrow());
        assertEquals(2, d360.importCount());
        d360.failImports(false);

        Http.Reply stranger = Http.json("POST", url("/imports"), "{\"source_documentation_url\":\"https://x.example\","
                + "\"import_by\":\"someone\"}", "X-API-Key", TOKEN);
        assertEquals(422, stranger.status());
        assertTrue(stranger.body().contains("import_by"), stranger.body());
        assertEquals(404, Http.get(url("/imports/" + WORKSPACE), "X-API-Key", TOKEN).status());
    }

    @Test
    void languagesLicenseCategoriesArticlesAndContent() {
        assertEquals(2, list(Http.get(url("/languages?workspace_id=" + WORKSPACE), "X-API-Key", TOKEN)).size());
        assertEquals(25, data(Http.get(url("/license"), "X-API-Key", TOKEN)).getAsJsonObject("team_account")
                .get("allowed").getAsInt());

        String child = d360.addCategory(PROJECT, WORKSPACE, Document360Simulator.DEFAULT_CATEGORY_ID, "Upgrading");
        String extra = d360.addArticle(PROJECT, WORKSPACE, child, "Upgrade to v2", "# Upgrade {{snippet:product}}");
        JsonArray tree = list(Http.get(url("/workspaces/" + WORKSPACE + "/categories?lang_code=en"), "X-API-Key",
                TOKEN));
        assertEquals(1, tree.size());
        assertEquals(2, tree.get(0).getAsJsonObject().getAsJsonArray("child_categories").size());

        JsonObject page = Http.get(url("/workspaces/" + WORKSPACE + "/articles?page_size=1"), "X-API-Key", TOKEN)
                .json().getAsJsonObject();
        assertEquals(1, page.getAsJsonArray("data").size());
        assertTrue(page.getAsJsonObject("pagination").get("has_more").getAsBoolean());

        JsonObject raw = data(Http.get(url("/articles/" + extra), "X-API-Key", TOKEN));
        JsonObject shown = data(Http.get(url("/articles/" + extra + "?content_mode=display&lang_code=fr"),
                "X-API-Key", TOKEN));
        assertTrue(raw.get("content").getAsString().contains("{{snippet:product}}"));
        assertFalse(shown.get("content").getAsString().contains("{{"));
        assertEquals("fr", shown.get("lang_code").getAsString());

        JsonObject category = data(Http.get(url("/categories/" + Document360Simulator.DEFAULT_CATEGORY_ID),
                "X-API-Key", TOKEN));
        assertEquals(1, category.getAsJsonArray("articles").size());
        assertEquals("Upgrading", category.getAsJsonArray("child_categories").get(1).getAsJsonObject().get("name")
                .getAsString());
        JsonObject content = data(Http.get(url("/categories/" + Document360Simulator.DEFAULT_CATEGORY_ID
                + "/content?content_mode=display"), "X-API-Key", TOKEN));
        assertTrue(content.get("content").getAsString().contains("Product Documentation"));

        assertEquals(404, Http.get(url("/categories/" + WORKSPACE), "X-API-Key", TOKEN).status());
        assertEquals(404, Http.get(url("/categories/" + WORKSPACE + "/content"), "X-API-Key", TOKEN).status());
        assertEquals(404, Http.get(url("/workspaces/" + Document360Simulator.DEFAULT_CATEGORY_ID + "/articles"),
                "X-API-Key", TOKEN).status());
        assertThrows(IllegalArgumentException.class, () -> d360.addArticle(PROJECT, "nope", null, "t", "c"));
    }

    @Test
    void theOlderDialectHasNoWorkspaceContentRoutes() {
        d360.dialect(Document360Simulator.Dialect.PROJECT_VERSIONS);
        try {
            assertEquals(404, Http.get(url("/workspaces/" + WORKSPACE + "/categories"), "X-API-Key", TOKEN).status());
            assertEquals(200, Http.get(url("/articles/" + Document360Simulator.DEFAULT_ARTICLE_ID), "X-API-Key",
                    TOKEN).status());
        } finally {
            d360.dialect(Document360Simulator.Dialect.WORKSPACES);
        }
    }
}
