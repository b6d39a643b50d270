package com.docsdk.document360;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.wait.WaitFailedException;
import com.docsdk.document360.model.ArticleDetail;
import com.docsdk.document360.model.ArticleSummary;
import com.docsdk.document360.model.Category;
import com.docsdk.document360.model.CategorySummary;
import com.docsdk.document360.model.ImportRequest;
import com.docsdk.document360.model.ImportTask;
import com.docsdk.document360.model.Language;
import com.docsdk.document360.service.ArticlesService;
import com.docsdk.document360.service.WorkspacesService;
import com.docsdk.testkit.Document360Simulator;
import com.docsdk.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The import flow and the content reads of issue 18 against the stateful {@link Document360Simulator} over real HTTP
 * on loopback: an import of a URL as the calling user walked Pending → InProgress → Completed (its article then
 * listed in the default workspace), a failed import, an unknown {@code import_by} refused by the server, the
 * category tree, paged articles, raw and display content, and the languages. The simulator checks every request
 * against the spec (an off-spec one would be a 400). Waits are recorded, never slept.
 */
class Document360ImportsSimulatorTest {
    private static final String TOKEN = "d360-sim-import-token";
    private static final UUID PROJECT = UUID.fromString(Document360Simulator.DEFAULT_PROJECT_ID);
    private static final UUID WORKSPACE = UUID.fromString(Document360Simulator.DEFAULT_WORKSPACE_ID);
    private static final PollOptions FAST = PollOptions.builder().interval(Duration.ofMillis(10))
            .maxInterval(Duration.ofMillis(20)).timeout(Duration.ofMinutes(1)).build();

    @RegisterExtension
    static Document360Simulator sim = Document360Simulator.create().expectApiKey(TOKEN)
            .clock(TestClock.at(Instant.parse("2025-09-01T09:00:00Z"))).pollsUntilCompleted(3);

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private Document360Client client;

    @BeforeEach
    void setUp() {
        sim.failImports(false).pollsUntilCompleted(3).dialect(Document360Simulator.Dialect.WORKSPACES);
        client = Document360Client.builder().baseUrl(sim.baseUrl()).bearerToken(TOKEN).sleeper(sleeps::add).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void importFromUrlStartsAsTheCallerWaitsAndTheImportedArticleIsListed() {
        ImportTask done = client.importFlows().importFromUrl(PROJECT, "https://docs.example.com/api", true, FAST);

        assertEquals("Completed", done.getStatus());
        assertEquals("Completed", sim.importStatus(done.getId().toString()).orElseThrow());
        assertEquals(3, sim.requests().stream().filter(r -> r.getMethod().getName().equals("GET")
                && r.getUrl().contains("/imports/")).count(), "InProgress, InProgress, then Completed");
        assertTrue(sleeps.size() >= 2, "the waits between the polls are recorded, not slept: " + sleeps);
        List<String> titles = client.workspaces().listArticles(PROJECT, WORKSPACE).stream()
                .map(ArticleSummary::getTitle).toList();
        assertTrue(titles.contains("Imported from https://docs.example.com/api"), titles.toString());
    }

    @Test
    void aFailedImportIsWaitFailedAndAnUnknownUserIsRefusedByTheServer() {
        sim.failImports(true);
        assertThrows(WaitFailedException.class,
                () -> client.importFlows().importFromUrl(PROJECT, "https://docs.example.com/api", false, FAST));

        BadRequestException e = assertThrows(BadRequestException.class, () -> client.imports().start(PROJECT,
                new ImportRequest().sourceDocumentationUrl("https://docs.example.com/api").importBy("someone-else")));
        assertEquals(422, e.statusCode());
        assertEquals("import_by", e.fieldErrors().get(0).field());
        assertEquals(1, sim.importCount(), "the refused start created nothing");
    }

    @Test
    void readsTheCategoryTreeArticlesAndTheirContentRawOrDisplayed() {
        String extra = sim.addArticle(PROJECT.toString(), WORKSPACE.toString(),
                Document360Simulator.DEFAULT_CATEGORY_ID, "Second", "two");
        sim.addArticle(PROJECT.toString(), WORKSPACE.toString(), null, "Third", "three");

        List<CategorySummary> tree = client.workspaces().listCategories(PROJECT, WORKSPACE);
        List<ArticleSummary> articles = client.workspaces().listArticles(PROJECT, WORKSPACE,
                WorkspacesService.ListArticlesParams.builder().pageSize(2).build(), RequestOptions.none())
                .stream().toList();
        UUID first = UUID.fromString(Document360Simulator.DEFAULT_ARTICLE_ID);
        ArticleDetail raw = client.articles().get(PROJECT, first);
        ArticleDetail shown = client.articles().get(PROJECT, first,
                ArticlesService.GetParams.builder().contentMode("display").build(), RequestOptions.none());
        Category category = client.categories().get(PROJECT, UUID.fromString(Document360Simulator.DEFAULT_CATEGORY_ID));

        assertEquals(1, tree.size());
        assertEquals("Installation", tree.get(0).getChildCategories().get(0).getName());
        assertEquals(3, articles.size(), "two pages of two");
        assertTrue(raw.getContent().contains("{{snippet:product}}"));
        assertTrue(shown.getContent().contains("Product Documentation") && !shown.getContent().contains("{{"));
        assertEquals(List.of(Document360Simulator.DEFAULT_ARTICLE_ID, extra), category.getArticles().stream()
                .map(a -> a.getId().toString()).toList());
        assertThrows(NotFoundException.class, () -> client.articles().get(PROJECT, UUID.randomUUID()));
    }

    @Test
    void languagesAndLicense() {
        assertEquals(List.of("en", "fr"), client.languages().list(PROJECT).stream().map(Language::getCode).toList());
        assertEquals(25, client.license().get(PROJECT).getTeamAccount().getAllowed());
        assertEquals(Document360Simulator.CURRENT_USER_ID, client.importFlows().currentUserId(PROJECT));
    }
}
