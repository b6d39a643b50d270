package com.docsdk.document360;

import static com.docsdk.document360.VendorExamples.PROJECT_ID;
import static com.docsdk.document360.VendorExamples.PROJECT_PATH;
import static com.docsdk.document360.VendorExamples.WORKSPACE_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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

import com.docsdk.core.FakeTime;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.error.ServerException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.wait.WaitFailedException;
import com.docsdk.document360.model.ArticleDetail;
import com.docsdk.document360.model.ArticleSummary;
import com.docsdk.document360.model.Category;
import com.docsdk.document360.model.CategoryContent;
import com.docsdk.document360.model.CategorySummary;
import com.docsdk.document360.model.ImportRequest;
import com.docsdk.document360.model.ImportTask;
import com.docsdk.document360.model.Language;
import com.docsdk.document360.model.LicenseUsage;
import com.docsdk.document360.model.User;
import com.docsdk.document360.service.ArticlesService;
import com.docsdk.document360.service.CategoriesService;
import com.docsdk.document360.service.LanguagesService;
import com.docsdk.document360.service.WorkspacesService;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The operations of issue 18 (imports, users/me, languages, license, a workspace's categories and articles, article
 * and category reads) against WireMock serving the vendor's v3.1 examples; every request is checked against
 * {@code openapi/document360.yaml} after each test. Bad input is refused before any request.
 */
class Document360ContentContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("document360");
    private static final String ME_PATH = PROJECT_PATH + "/users/me";
    private static final String IMPORTS_PATH = PROJECT_PATH + "/imports";
    private static final UUID IMPORT_ID = UUID.fromString("a9b8c7d6-e5f4-3a2b-1c0d-9e8f7a6b5c4d");
    private static final UUID USER_ID = UUID.fromString("3f8a1b2c-d4e5-4f6a-b7c8-d9e0f1a2b3c4");
    private static final UUID ARTICLE_ID = UUID.fromString("9a3b4c5d-6e7f-8a9b-0c1d-2e3f4a5b6c7d");
    private static final UUID CATEGORY_ID = UUID.fromString("9a3b4c5d-6e7f-8a9b-0c1d-2e3f4a5b6c7d");
    private static final PollOptions FAST = PollOptions.builder().interval(Duration.ofSeconds(1))
            .maxInterval(Duration.ofSeconds(1)).timeout(Duration.ofMinutes(5)).build();

    static final String ME = """
            {"data":{"id":"3f8a1b2c-d4e5-4f6a-b7c8-d9e0f1a2b3c4","first_name":"Sarah","last_name":"Chen",
            "email":"sarah.chen@example.com","profile_logo_url":"https://cdn.document360.io/avatars/3f8a1b2c.png",
            "created_at":null,"last_login_at":"2025-06-20T14:45:00Z",
            "portal_role":{"id":"e1f2a3b4-c5d6-4e7f-a8b9-c0d1e2f3a4b5","name":"Owner"},
            "content_roles":[{"id":"f2a3b4c5-d6e7-4f8a-b9c0-d1e2f3a4b5c6","name":"Editor","access_scope_level":"project"}],
            "associated_groups":[{"id":"a4b5c6d7-e8f9-4a0b-c1d2-e3f4a5b6c7d8","title":"Documentation Team",
            "description":"Core documentation writers and editors"}]},
            "success":true,"request_id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","errors":[],"warnings":[]}""";
    static final String IMPORT_STARTED = """
            {"data":{"id":"a9b8c7d6-e5f4-3a2b-1c0d-9e8f7a6b5c4d","status":"Pending","completed_at":null},
            "success":true,"request_id":"e5f6a7b8-c9d0-1234-efab-345678901234","errors":[],"warnings":[]}""";
    static final String IMPORT_COMPLETED = """
            {"data":{"id":"a9b8c7d6-e5f4-3a2b-1c0d-9e8f7a6b5c4d","status":"Completed","completed_at":"2025-07-10T09:15:00Z"},
            "success":true,"request_id":"f6a7b8c9-d0e1-2345-fabc-456789012345","errors":[],"warnings":[]}""";
    static final String IMPORT_FAILED = """
            {"data":{"id":"a9b8c7d6-e5f4-3a2b-1c0d-9e8f7a6b5c4d","status":"Failed","completed_at":null},
            "success":true,"request_id":"f6a7b8c9-d0e1-2345-fabc-456789012346","errors":[],
            "warnings":[{"code":"SOURCE_UNREACHABLE","message":"The source documentation URL did not answer."}]}""";
    static final String LANGUAGES = """
            {"data":[{"code":"en","name":"English","is_default":true},{"code":"es","name":"Spanish","is_default":false},
            {"code":"fr","name":"French","is_default":false}],"success":true,"request_id":"req_abc123def456",
            "errors":null,"warnings":null}""";
    static final String LICENSE = """
            {"data":{"team_account":{"used":12,"allowed":25}},"success":true,"request_id":"req_abc123def456",
            "errors":null,"warnings":null}""";
    static final String CATEGORIES = """
            {"data":[{"id":"9a3b4c5d-6e7f-8a9b-0c1d-2e3f4a5b6c7d","name":"Getting Started","order":0,
            "parent_category_id":null,"child_categories":[{"id":"d7e8f9a0-b1c2-3d4e-5f6a-7b8c9d0e1f2a",
            "name":"Installation","order":0,"parent_category_id":"9a3b4c5d-6e7f-8a9b-0c1d-2e3f4a5b6c7d",
            "child_categories":[]}]}],"success":true,"request_id":"req_abc123def456","errors":null,"warnings":null}""";
    static final String ARTICLE = """
            {"data":{"id":"9a3b4c5d-6e7f-8a9b-0c1d-2e3f4a5b6c7d","title":"Getting Started with Single Sign-On",
            "content":"# Introduction\\nThis guide walks you through configuring SSO for your organization.",
            "html_content":"<h1>Introduction</h1>","category_id":"f4a5b6c7-d8e9-0a1b-2c3d-4e5f6a7b8c9d",
            "workspace_id":"1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6","version_number":3,"public_version":2,
            "latest_version":3,"enable_rtl":false,"hidden":false,"status":0,"order":0,
            "created_by":"a1b2c3d4-e5f6-7a8b-9c0d-1e2f3a4b5c6d","authors":[{"id":"a1b2c3d4-e5f6-7a8b-9c0d-1e2f3a4b5c6d",
            "first_name":"Jane","last_name":"Doe","email":"jane.doe@example.com"}],
            "created_at":"2025-06-01T09:00:00Z","modified_at":"2025-08-15T14:30:00Z",
            "slug":"getting-started-with-single-sign-on","category_type":0,"content_type":0,
            "translation_option":"none","lang_code":"en","available_languages":[{"lang_code":"fr",
            "url":"https://docs.example.com/fr/articles/getting-started-with-single-sign-on","translation_status":"translated"}],
            "settings":{"seo_title":"SSO Setup Guide - Product Documentation"}},
            "success":true,"request_id":"req_abc123def456","errors":null,"warnings":null}""";
    static final String CATEGORY = """
            {"data":{"id":"9a3b4c5d-6e7f-8a9b-0c1d-2e3f4a5b6c7d","name":"Getting Started",
            "workspace_id":"1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6","order":0,"parent_category_id":null,"hidden":false,
            "icon":"icon-book","slug":"getting-started","category_type":0,"status":3,"content_type":0,"articles":[],
            "child_categories":[{"id":"d7e8f9a0-b1c2-3d4e-5f6a-7b8c9d0e1f2a","name":"Installation","status":3,
            "articles":[],"child_categories":[]}]},"success":true,"request_id":"req_abc123def456","errors":null,
            "warnings":null}""";
    static final String CATEGORY_CONTENT = """
            {"data":{"id":"9a3b4c5d-6e7f-8a9b-0c1d-2e3f4a5b6c7d","title":"Getting Started",
            "content":"# Getting Started\\nWelcome to our product!","html_content":"<h1>Getting Started</h1>",
            "version_number":2,"public_version":2,"latest_version":2,"status":"published","content_type":"markdown"},
            "success":true,"request_id":"req_abc123def456","errors":null,"warnings":null}""";
    static final String VALIDATION_FAILED = """
            {"type":"https://developer.document360.com/errors/validation-error","title":"Unprocessable Entity.",
            "status":422,"detail":"One or more fields failed validation.","instance":null,"trace_id":"req_abc123def456",
            "errors":[{"code":"VALIDATION_ERROR","message":"This field is required.","field":"import_by","details":null}],
            "warnings":null}""";

    private FakeTime time;
    private Document360Client client;

    @BeforeEach
    void setUp() {
        time = TestSupport.time();
        client = TestSupport.builder(wm, time).workspaceDialect(WorkspaceDialect.WORKSPACES).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        CONTRACT.assertRequestsMatch(wm.getRuntimeInfo().getWireMock());
    }

    private static String articlesPage(int from, int count, String nextCursor) {
        StringBuilder items = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            items.append(i == from ? "" : ",").append("{\"id\":\"").append(new UUID(0, i))
                    .append("\",\"title\":\"Article ").append(i).append("\",\"category_id\":null,\"hidden\":false,"
                            + "\"order\":").append(i).append('}');
        }
        return "{\"data\":[" + items + "],\"pagination\":{\"page\":0,\"page_size\":2,\"has_more\":"
                + (nextCursor != null) + ",\"next_cursor\":" + (nextCursor == null ? "null" : "\"" + nextCursor + "\"")
                + "},\"success\":true,\"request_id\":\"r\",\"errors\":null,\"warnings\":null}";
    }

    // ------------------------------------------------------------------------------------------- users, imports

    @Test
    void readsTheCurrentUserOfTheVendorExample() {
        wm.stubFor(get(urlPathEqualTo(ME_PATH)).willReturn(okJson(ME)));

        User me = client.users().getCurrentUser(PROJECT_ID);

        assertEquals(USER_ID, me.getId());
        assertEquals("sarah.chen@example.com", me.getEmail());
        assertEquals("Owner", me.getPortalRole().getName());
        assertEquals("project", me.getContentRoles().get(0).getAccessScopeLevel());
        assertEquals("Documentation Team", me.getAssociatedGroups().get(0).getTitle());
    }

    @Test
    void importFromUrlSendsTheCallersIdAsImportByThenPollsUntilCompleted() {
        wm.stubFor(get(urlPathEqualTo(ME_PATH)).willReturn(okJson(ME)));
        wm.stubFor(post(urlPathEqualTo(IMPORTS_PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withHeader("Operation-Location", wm.baseUrl() + IMPORTS_PATH + "/" + IMPORT_ID)
                .withBody(IMPORT_STARTED)));
        wm.stubFor(get(urlPathEqualTo(IMPORTS_PATH + "/" + IMPORT_ID)).inScenario("import")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(IMPORT_STARTED.replace("Pending", "InProgress")))
                .willSetStateTo("done"));
        wm.stubFor(get(urlPathEqualTo(IMPORTS_PATH + "/" + IMPORT_ID)).inScenario("import")
                .whenScenarioStateIs("done").willReturn(okJson(IMPORT_COMPLETED)));

        ImportTask done = client.importFlows().importFromUrl(PROJECT_ID, "https://docs.example.com/api", true, FAST);

        assertEquals("Completed", done.getStatus());
        assertEquals(OffsetDateTime.parse("2025-07-10T09:15:00Z"), done.getCompletedAt());
        wm.verify(1, postRequestedFor(urlPathEqualTo(IMPORTS_PATH)).withRequestBody(equalToJson("""
                {"source_documentation_url":"https://docs.example.com/api","publish_article":true,
                 "import_by":"3f8a1b2c-d4e5-4f6a-b7c8-d9e0f1a2b3c4"}""")));
        wm.verify(2, getRequestedFor(urlPathEqualTo(IMPORTS_PATH + "/" + IMPORT_ID)));
        assertFalse(time.sleeps.isEmpty(), "the wait between the polls is recorded, not slept");
    }

    @Test
    void aFailedImportIsAWaitFailedWithTheEnvelopesWarnings() {
        wm.stubFor(get(urlPathEqualTo(IMPORTS_PATH + "/" + IMPORT_ID)).willReturn(okJson(IMPORT_FAILED)));

        WaitFailedException e = assertThrows(WaitFailedException.class,
                () -> client.importFlows().await(PROJECT_ID, IMPORT_ID, FAST));

        assertTrue(e.getMessage().contains("The source documentation URL did not answer."), e.getMessage());
    }

    @Test
    void startWithAGivenImportBySendsIt() {
        wm.stubFor(post(urlPathEqualTo(IMPORTS_PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody(IMPORT_STARTED)));

        ImportTask started = client.importFlows().start(PROJECT_ID, new ImportRequest()
                .sourceDocumentationUrl("https://docs.example.com/guides").publishArticle(false)
                .importBy("a1b2c3d4-e5f6-7a8b-9c0d-1e2f3a4b5c6d"), RequestOptions.none());

        assertEquals(IMPORT_ID, started.getId());
        assertEquals("Pending", started.getStatus());
        wm.verify(0, getRequestedFor(urlPathEqualTo(ME_PATH)));
    }

    @Test
    void a422OnStartImportIsABadRequestNamingTheField() {
        wm.stubFor(post(urlPathEqualTo(IMPORTS_PATH)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json").withBody(VALIDATION_FAILED)));

        BadRequestException e = assertThrows(BadRequestException.class, () -> client.imports().start(PROJECT_ID,
                new ImportRequest().sourceDocumentationUrl("https://docs.example.com/api").importBy("nobody")));

        assertEquals(422, e.statusCode());
        assertEquals("import_by", e.fieldErrors().get(0).field());
        assertEquals(List.of("VALIDATION_ERROR"), Document360ErrorCodes.of(e));
    }

    @Test
    void a500OnStartImportIsNeverRetriedAndAnUnknownImportIs404() {
        wm.stubFor(post(urlPathEqualTo(IMPORTS_PATH)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody(VendorExamples.INTERNAL_ERROR)));
        wm.stubFor(get(urlPathEqualTo(IMPORTS_PATH + "/" + IMPORT_ID)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(VendorExamples.NOT_FOUND)));

        assertThrows(ServerException.class, () -> client.imports().start(PROJECT_ID,
                new ImportRequest().sourceDocumentationUrl("https://docs.example.com/api").importBy("u")));
        assertThrows(NotFoundException.class, () -> client.imports().get(PROJECT_ID, IMPORT_ID));

        wm.verify(1, postRequestedFor(urlPathEqualTo(IMPORTS_PATH)));
    }

    // ------------------------------------------------------------------------------------------- languages, license

    @Test
    void listsTheLanguagesOfAWorkspaceAndTheLicenseUsage() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH + "/languages")).willReturn(okJson(LANGUAGES)));
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH + "/license")).willReturn(okJson(LICENSE)));

        List<Language> languages = client.languages().list(PROJECT_ID,
                LanguagesService.ListParams.builder().workspaceId(WORKSPACE_ID).build(), RequestOptions.none())
                .stream().toList();
        LicenseUsage license = client.license().get(PROJECT_ID);

        assertEquals(List.of("en", "es", "fr"), languages.stream().map(Language::getCode).toList());
        assertTrue(languages.get(0).getIsDefault());
        assertEquals(12, license.getTeamAccount().getUsed());
        assertEquals(25, license.getTeamAccount().getAllowed());
        wm.verify(1, getRequestedFor(urlPathEqualTo(PROJECT_PATH + "/languages"))
                .withQueryParam("workspace_id", equalTo(WORKSPACE_ID.toString()))
                .withQueryParam("page_size", equalTo("100")));
    }

    // ------------------------------------------------------------------------------------------- content reads

    @Test
    void listsTheCategoryTreeOfAWorkspaceInOneRequest() {
        String path = PROJECT_PATH + "/workspaces/" + WORKSPACE_ID + "/categories";
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(CATEGORIES)));

        List<CategorySummary> tree = client.workspaces().listCategories(PROJECT_ID, WORKSPACE_ID,
                WorkspacesService.ListCategoriesParams.builder().langCode("fr").build(), RequestOptions.none());

        assertEquals("Getting Started", tree.get(0).getName());
        assertEquals("Installation", tree.get(0).getChildCategories().get(0).getName());
        wm.verify(1, getRequestedFor(urlPathEqualTo(path)).withQueryParam("lang_code", equalTo("fr"))
                .withQueryParam("page", absent()));
    }

    @Test
    void listsTheArticlesOfAWorkspaceFollowingTheCursor() {
        String path = PROJECT_PATH + "/workspaces/" + WORKSPACE_ID + "/articles";
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("cursor", absent()).willReturn(okJson(articlesPage(0, 2,
                "c2"))));
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("cursor", equalTo("c2")).willReturn(okJson(
                articlesPage(2, 1, null))));

        List<ArticleSummary> all = client.workspaces().listArticles(PROJECT_ID, WORKSPACE_ID).stream().toList();

        assertEquals(List.of("Article 0", "Article 1", "Article 2"), all.stream().map(ArticleSummary::getTitle).toList());
        wm.verify(2, getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void getsAnArticleWithItsContentAndReadsNumberedStatuses() {
        String path = PROJECT_PATH + "/articles/" + ARTICLE_ID;
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(ARTICLE)));

        ArticleDetail article = client.articles().get(PROJECT_ID, ARTICLE_ID, ArticlesService.GetParams.builder()
                .langCode("en").contentMode("display").published(true).build(), RequestOptions.none());

        assertEquals("Getting Started with Single Sign-On", article.getTitle());
        assertTrue(article.getContent().startsWith("# Introduction"));
        assertEquals(3, article.getVersionNumber());
        assertEquals(0.0, ((Number) article.getStatus()).doubleValue());
        assertEquals("Jane", article.getAuthors().get(0).getFirstName());
        assertEquals("translated", article.getAvailableLanguages().get(0).getTranslationStatus());
        assertTrue(article.getAdditionalProperties().containsKey("settings"), "unmodelled settings kept");
        wm.verify(getRequestedFor(urlPathEqualTo(path)).withQueryParam("content_mode", equalTo("display"))
                .withQueryParam("published", equalTo("true")).withQueryParam("lang_code", equalTo("en")));
    }

    @Test
    void getsACategoryAndItsContentWhateverFormTheStatusTakes() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH + "/categories/" + CATEGORY_ID)).willReturn(okJson(CATEGORY)));
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH + "/categories/" + CATEGORY_ID + "/content"))
                .willReturn(okJson(CATEGORY_CONTENT)));

        Category category = client.categories().get(PROJECT_ID, CATEGORY_ID);
        CategoryContent content = client.categories().getContent(PROJECT_ID, CATEGORY_ID);

        assertEquals("Getting Started", category.getName());
        assertEquals("Installation", category.getChildCategories().get(0).getName());
        assertEquals(3.0, ((Number) category.getStatus()).doubleValue());
        assertEquals("published", content.getStatus(), "the vendor's string enum form reads too");
        assertTrue(content.getContent().contains("Welcome"));
        SdkResponse<CategoryContent> raw = client.categories().withRawResponse().getContent(PROJECT_ID, CATEGORY_ID);
        assertEquals(200, raw.statusCode());
    }

    // ------------------------------------------------------------------------------------------- refused input

    @Test
    void badInputIsRefusedBeforeAnyRequestNamingTheParameter() {
        assertField("langCode", () -> client.workspaces().listArticles(PROJECT_ID, WORKSPACE_ID,
                WorkspacesService.ListArticlesParams.builder().langCode("english").build(), RequestOptions.none())
                .iterator().hasNext());
        assertField("contentMode", () -> client.articles().get(PROJECT_ID, ARTICLE_ID,
                ArticlesService.GetParams.builder().contentMode("html").build(), RequestOptions.none()));
        assertField("langCode", () -> client.categories().getContent(PROJECT_ID, CATEGORY_ID,
                CategoriesService.GetContentParams.builder().langCode("EN").build(), RequestOptions.none()));
        assertField("pageSize", () -> client.languages().list(PROJECT_ID,
                LanguagesService.ListParams.builder().pageSize(101).build(), RequestOptions.none()).iterator().hasNext());
        assertField("categoryId", () -> client.categories().get(PROJECT_ID, null));
        assertField("sourceUrl", () -> client.importFlows().importFromUrl(PROJECT_ID, "ftp://docs.example.com", true));
        assertField("sourceUrl", () -> client.importFlows().importFromUrl(PROJECT_ID, "docs/api", true));
        assertField("sourceUrl", () -> client.importFlows().start(PROJECT_ID, " ", false));
        ClientValidationException missingUser = assertThrows(ClientValidationException.class,
                () -> client.imports().start(PROJECT_ID,
                        new ImportRequest().sourceDocumentationUrl("https://docs.example.com/api")));
        assertTrue(missingUser.field().endsWith("import_by"), missingUser.field());

        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
        ClientValidationException e = assertThrows(ClientValidationException.class, call);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void anEmptyCategoryTreeIsAnEmptyList() {
        String path = PROJECT_PATH + "/workspaces/" + WORKSPACE_ID + "/categories";
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(
                "{\"data\":[],\"success\":true,\"request_id\":\"r\",\"errors\":null,\"warnings\":null}")));

        assertEquals(List.of(), client.workspaces().listCategories(PROJECT_ID, WORKSPACE_ID));
    }
}
