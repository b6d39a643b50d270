package com.docsdk.testkit;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A stateful simulator of the Document360 API v3 subset of {@code openapi/document360.yaml}: projects, workspaces
 * (or, switched to the older dialect, project versions) and asynchronous exports with expiring SAS download URLs.
 *
 * <pre>{@code
 * @RegisterExtension
 * static Document360Simulator document360 = Document360Simulator.create().expectApiKey("d360_sk_test");
 *
 * @Test
 * void exportsTheKnowledgeBase() {
 *     String projectId = Document360Simulator.DEFAULT_PROJECT_ID;
 *     // ... code under test: POST /v3/projects/{projectId}/exports, poll, download ...
 * }
 * }</pre>
 *
 * <p>What is modelled:
 * <ul>
 *   <li>Fixtures (after every reset): the two projects of the vendor's example ({@link #DEFAULT_PROJECT_ID} first),
 *       each with one default workspace {@code v1.0} ({@link #DEFAULT_WORKSPACE_ID} in the first); add more with
 *       {@link #addProject} and {@link #addWorkspace}.</li>
 *   <li>Two dialects ({@link #dialect(Dialect)}, kept across resets). {@link Dialect#WORKSPACES} (the default) is the
 *       v3.1 API of the vendor's reference and of production: {@code GET .../workspaces[/{id}]} with
 *       {@code workspace_type}, and {@code .../project-versions} is a 404. {@link Dialect#PROJECT_VERSIONS} is the
 *       older API: {@code GET .../project-versions[/{id}]} with {@code version_type}, and {@code .../workspaces} is a
 *       404.</li>
 *   <li>{@code GET /v3/projects} and the workspace lists: paged by {@code page}/{@code page_size} or by the
 *       opaque {@code cursor} of {@code pagination.next_cursor}; {@code total_count} only with
 *       {@code include_total_count=true}. {@code GET /v3/projects/{id}}.</li>
 *   <li>{@code POST /v3/projects/{id}/exports}: 202, {@code Pending}. The workspace is named in the field of the
 *       dialect: with {@link Dialect#WORKSPACES}, {@code workspace_id} is required and a body carrying
 *       {@code project_version_id} is refused with 400, as the vendor's {@code additionalProperties: false} does;
 *       with {@link Dialect#PROJECT_VERSIONS}, {@code project_version_id} is optional (the default version then) and
 *       a body carrying {@code workspace_id} is refused with 400 too (rather than silently exporting the default
 *       version). A workspace of another project is a 422. Each {@code GET .../exports/{exportId}} is a poll:
 *       {@code InProgress}, then on the
 *       {@link #pollsUntilCompleted}-th poll {@code Completed} with {@code completed_at} and a {@code download_url}
 *       on this server carrying a SAS token valid {@link #downloadUrlLifetime} (30 min); once it expires the next
 *       poll issues a new one. {@link #failExports(boolean)} makes exports end {@code Failed}.</li>
 *   <li>Imports and content (issue 18; {@link #contentRoutes}): {@code GET .../users/me} answers
 *       {@link #CURRENT_USER_ID} for every credential; {@code POST .../imports} (202, {@code Pending}; an
 *       {@code import_by} that is not a user of the project is a 422 naming it) and {@code GET .../imports/{id}}
 *       ({@code InProgress}, then {@code Completed} on the {@link #pollsUntilCompleted}-th poll, or {@code Failed}
 *       with {@link #failImports(boolean)}); a completed import adds an article "Imported from &lt;url&gt;" to the
 *       project's default workspace. {@code GET .../languages} (en, the default, and fr), {@code GET .../license}
 *       (12 of 25 team seats), the category tree of a workspace (unpaged), the paged articles of a workspace, and
 *       read-only {@code GET .../articles/{id}}, {@code .../categories/{id}} and {@code .../categories/{id}/content}
 *       ({@code content_mode=display} resolves the {@code {{snippet:...}}} placeholders of the raw content).
 *       Fixtures: in {@link #DEFAULT_WORKSPACE_ID}, category "Getting Started" ({@link #DEFAULT_CATEGORY_ID}) with
 *       a child "Installation", and article {@link #DEFAULT_ARTICLE_ID}; add more with {@link #addCategory} and
 *       {@link #addArticle}.</li>
 *   <li>Bodies are wrapped as {@code {data, success, request_id, errors, warnings}}; errors are
 *       {@code application/problem+json} (400 {@code VALIDATION_ERROR} for off-spec requests, 404
 *       {@code RESOURCE_NOT_FOUND}, 429 {@code TOO_MANY_REQUESTS}, 500).</li>
 * </ul>
 * Credentials: {@code Authorization: Bearer <token>} or {@code X-API-Key: <key>}, the value set by
 * {@link #expectApiKey} (any non-blank one without it). A missing or wrong credential gets 401 with an empty body and
 * {@code WWW-Authenticate: Bearer}.
 */
public final class Document360Simulator extends ApiSimulator<Document360Simulator> {
    /** The first project every reset recreates (the vendor's example id). */
    public static final String DEFAULT_PROJECT_ID = "d7a8b9c0-1e2f-3a4b-5c6d-7e8f9a0b1c2d";
    /** The default workspace of {@link #DEFAULT_PROJECT_ID} (the vendor's example id). */
    public static final String DEFAULT_WORKSPACE_ID = "4d5e6f7a-8b9c-0d1e-2f3a-4b5c6d7e8f9a";
    /**
     * The default version of {@link #DEFAULT_PROJECT_ID}: the same as {@link #DEFAULT_WORKSPACE_ID}.
     *
     * @deprecated project versions are workspaces since v3.1: use {@link #DEFAULT_WORKSPACE_ID}
     */
    @Deprecated
    public static final String DEFAULT_VERSION_ID = DEFAULT_WORKSPACE_ID;

    /** The user every accepted credential authenticates as (the vendor's example): the id {@code users/me} answers. */
    public static final String CURRENT_USER_ID = "3f8a1b2c-d4e5-4f6a-b7c8-d9e0f1a2b3c4";
    /** The top-level category "Getting Started" of {@link #DEFAULT_WORKSPACE_ID} (the vendor's example id). */
    public static final String DEFAULT_CATEGORY_ID = "9a3b4c5d-6e7f-8a9b-0c1d-2e3f4a5b6c7d";
    /** The article "Getting Started with Single Sign-On" in {@link #DEFAULT_CATEGORY_ID}. */
    public static final String DEFAULT_ARTICLE_ID = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

    /** Which API the simulator speaks for workspaces. */
    public enum Dialect {
        /** v3.1 (vendor's reference, production as of 2026-10): {@code /workspaces}, {@code workspace_id}. */
        WORKSPACES,
        /** Before v3.1 (an April 2026 copy): {@code /project-versions}, {@code project_version_id}. */
        PROJECT_VERSIONS
    }

    /** A project and its workspaces in order; the first is the default. */
    private record Project(String id, String name, String subDomain, List<String> workspaceIds,
            Map<String, String> workspaceNames) {
        Project(String id, String name, String subDomain, String defaultWorkspaceId) {
            this(id, name, subDomain, new ArrayList<>(List.of(defaultWorkspaceId)), new LinkedHashMap<>());
            workspaceNames.put(defaultWorkspaceId, "v1.0");
        }
    }

    private static final class Export {
        String id;
        String projectId;
        String status = "Pending";
        int polls;
        boolean fails;
        Instant completedAt;
        String downloadUrl;
        Instant downloadUrlExpiresAt;
        String format;
        String workspaceId;
    }

    /** A category of a workspace; {@code parentId} null at the top. */
    private record Category(String id, String projectId, String workspaceId, String parentId, String name,
            String content) {
    }

    /** An article of a workspace's category. */
    private record Article(String id, String projectId, String workspaceId, String categoryId, String title,
            String content) {
    }

    private static final class Import {
        String id;
        String projectId;
        String sourceUrl;
        boolean publish;
        String status = "Pending";
        int polls;
        boolean fails;
        Instant completedAt;
    }

    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final Map<String, Article> articles = new LinkedHashMap<>();
    private final Map<String, Import> imports = new LinkedHashMap<>();
    private boolean failImports;
    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final Map<String, Export> exports = new LinkedHashMap<>();
    private int pollsUntilCompleted = 2;
    private Duration downloadUrlLifetime = Duration.ofMinutes(30);
    private boolean failExports;
    private Dialect dialect = Dialect.WORKSPACES;
    private byte[] exportContent = "PK\u0003\u0004 simulated Document360 export".getBytes(StandardCharsets.ISO_8859_1);

    private Document360Simulator() {
        super("document360", SimulatedStorage.Style.AZURE_BLOB);
        initialize();
    }

    /** A simulator with the two example projects, accepting any non-blank token. */
    public static Document360Simulator create() {
        return new Document360Simulator();
    }

    /**
     * Speak the v3.1 workspaces API (the default) or the older project-versions one; kept across {@link #reset()}.
     */
    public synchronized Document360Simulator dialect(Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        return this;
    }

    /** On which poll an export completes (default 2: the first poll sees {@code InProgress}). */
    public synchronized Document360Simulator pollsUntilCompleted(int polls) {
        if (polls < 1) {
            throw new IllegalArgumentException("polls must be at least 1: " + polls);
        }
        this.pollsUntilCompleted = polls;
        return this;
    }

    /** How long each SAS download URL is valid (default 30 min). */
    public synchronized Document360Simulator downloadUrlLifetime(Duration lifetime) {
        this.downloadUrlLifetime = lifetime;
        return this;
    }

    /** Whether exports started from now on end {@code Failed} instead of {@code Completed}. */
    public synchronized Document360Simulator failExports(boolean fail) {
        this.failExports = fail;
        return this;
    }

    /** The bytes served at download URLs. */
    public synchronized Document360Simulator exportContent(byte[] content) {
        this.exportContent = content.clone();
        return this;
    }

    /**
     * Adds a project with one default workspace {@code v1.0} until the next reset.
     *
     * @return the new project's id
     */
    public synchronized String addProject(String name) {
        String id = UUID.randomUUID().toString();
        projects.put(id, new Project(id, name, name.toLowerCase().replaceAll("[^a-z0-9]+", "-"),
                UUID.randomUUID().toString()));
        return id;
    }

    /**
     * Adds a workspace (not the default) named {@code name} to a project until the next reset.
     *
     * @return the new workspace's id
     * @throws IllegalArgumentException if there is no such project
     */
    public synchronized String addWorkspace(String projectId, String name) {
        Project p = projects.get(projectId);
        if (p == null) {
            throw new IllegalArgumentException("no project " + projectId);
        }
        String id = UUID.randomUUID().toString();
        p.workspaceIds.add(id);
        p.workspaceNames.put(id, Objects.requireNonNull(name, "name"));
        return id;
    }

    /** The workspace an export was started for; empty if unknown or started without one. */
    public synchronized Optional<String> exportWorkspace(String exportId) {
        return Optional.ofNullable(exports.get(exportId)).map(e -> e.workspaceId);
    }

    /** An export's status ({@code Pending}, {@code InProgress}, {@code Completed}, {@code Failed}); empty if unknown. */
    public synchronized Optional<String> exportStatus(String exportId) {
        return Optional.ofNullable(exports.get(exportId)).map(e -> e.status);
    }

    @Override
    void routes(Router router) {
        router.on("GET", "/v3/projects", r -> paged(r, projects.values().stream().map(this::projectJson)
                        .collect(Collectors.toList())))
                .on("GET", "/v3/projects/{projectId}", r -> project(r)
                        .map(p -> envelope(200, projectJson(p))).orElseGet(Document360Simulator::notFound))
                .on("GET", "/v3/projects/{projectId}/workspaces", r -> in(Dialect.WORKSPACES, () -> project(r)
                        .map(p -> paged(r, p.workspaceIds.stream().map(w -> workspaceJson(p, w, false))
                                .collect(Collectors.toList())))
                        .orElseGet(Document360Simulator::notFound)))
                .on("GET", "/v3/projects/{projectId}/workspaces/{workspaceId}", r -> in(Dialect.WORKSPACES,
                        () -> project(r)
                                .filter(p -> p.workspaceIds.contains(r.pathParam("workspaceId")))
                                .map(p -> envelope(200, workspaceJson(p, r.pathParam("workspaceId"), true)))
                                .orElseGet(Document360Simulator::notFound)))
                .on("GET", "/v3/projects/{projectId}/project-versions", r -> in(Dialect.PROJECT_VERSIONS,
                        () -> project(r)
                                .map(p -> paged(r, p.workspaceIds.stream().map(v -> versionJson(p, v))
                                        .collect(Collectors.toList())))
                                .orElseGet(Document360Simulator::notFound)))
                .on("GET", "/v3/projects/{projectId}/project-versions/{versionId}", r -> in(Dialect.PROJECT_VERSIONS,
                        () -> project(r)
                                .filter(p -> p.workspaceIds.contains(r.pathParam("versionId")))
                                .map(p -> envelope(200, versionJson(p, r.pathParam("versionId"))))
                                .orElseGet(Document360Simulator::notFound)))
                .on("POST", "/v3/projects/{projectId}/exports", this::startExport)
                .on("GET", "/v3/projects/{projectId}/exports/{exportId}", this::getExport);
        contentRoutes(router);
    }

    @Override
    void resetState() {
        projects.clear();
        exports.clear();
        resetContent();
        projects.put(DEFAULT_PROJECT_ID, new Project(DEFAULT_PROJECT_ID, "Product Documentation", "docs-product",
                DEFAULT_WORKSPACE_ID));
        projects.put("e3f4a5b6-7c8d-9e0f-1a2b-3c4d5e6f7a8b", new Project("e3f4a5b6-7c8d-9e0f-1a2b-3c4d5e6f7a8b",
                "Internal Knowledge Base", "docs-internal", "5e6f7a8b-9c0d-1e2f-3a4b-5c6d7e8f9a0b"));
    }

    // ------------------------------------------------------------------ imports and content (issue 18)

    /** Whether imports started from now on end {@code Failed} instead of {@code Completed}. */
    public synchronized Document360Simulator failImports(boolean fail) {
        this.failImports = fail;
        return this;
    }

    /** An import's status ({@code Pending}, {@code InProgress}, {@code Completed}, {@code Failed}); empty if unknown. */
    public synchronized Optional<String> importStatus(String importId) {
        return Optional.ofNullable(imports.get(importId)).map(i -> i.status);
    }

    /** How many imports were started since the last reset. */
    public synchronized int importCount() {
        return imports.size();
    }

    /**
     * Adds a category to a workspace until the next reset.
     *
     * @param parentId the parent category, or null for a top-level one
     * @return the new category's id
     * @throws IllegalArgumentException if the project has no such workspace
     */
    public synchronized String addCategory(String projectId, String workspaceId, String parentId, String name) {
        requireWorkspace(projectId, workspaceId);
        String id = UUID.randomUUID().toString();
        categories.put(id, new Category(id, projectId, workspaceId, parentId, Objects.requireNonNull(name, "name"),
                "# " + name));
        return id;
    }

    /**
     * Adds an article to a category of a workspace until the next reset.
     *
     * @return the new article's id
     * @throws IllegalArgumentException if the project has no such workspace
     */
    public synchronized String addArticle(String projectId, String workspaceId, String categoryId, String title,
            String content) {
        requireWorkspace(projectId, workspaceId);
        String id = UUID.randomUUID().toString();
        articles.put(id, new Article(id, projectId, workspaceId, categoryId, Objects.requireNonNull(title, "title"),
                content));
        return id;
    }

    private void requireWorkspace(String projectId, String workspaceId) {
        Project p = projects.get(projectId);
        if (p == null || !p.workspaceIds.contains(workspaceId)) {
            throw new IllegalArgumentException("no workspace " + workspaceId + " in project " + projectId);
        }
    }

    private void resetContent() {
        categories.clear();
        articles.clear();
        imports.clear();
        categories.put(DEFAULT_CATEGORY_ID, new Category(DEFAULT_CATEGORY_ID, DEFAULT_PROJECT_ID, DEFAULT_WORKSPACE_ID,
                null, "Getting Started", "# Getting Started\nWelcome to {{snippet:product}}!"));
        String child = "d7e8f9a0-b1c2-3d4e-5f6a-7b8c9d0e1f2a";
        categories.put(child, new Category(child, DEFAULT_PROJECT_ID, DEFAULT_WORKSPACE_ID, DEFAULT_CATEGORY_ID,
                "Installation", "# Installation"));
        articles.put(DEFAULT_ARTICLE_ID, new Article(DEFAULT_ARTICLE_ID, DEFAULT_PROJECT_ID, DEFAULT_WORKSPACE_ID,
                DEFAULT_CATEGORY_ID, "Getting Started with Single Sign-On",
                "# Introduction\nThis guide walks you through configuring SSO for {{snippet:product}}."));
    }

    /** The routes of imports, the current user, languages, license, categories and articles. */
    private void contentRoutes(Router router) {
        router.on("GET", "/v3/projects/{projectId}/users/me", r -> project(r)
                        .map(p -> envelope(200, currentUserJson())).orElseGet(Document360Simulator::notFound))
                .on("POST", "/v3/projects/{projectId}/imports", this::startImport)
                .on("GET", "/v3/projects/{projectId}/imports/{importId}", this::getImport)
                .on("GET", "/v3/projects/{projectId}/languages", r -> project(r)
                        .map(p -> paged(r, List.of(languageJson("en", "English", true),
                                languageJson("fr", "French", false))))
                        .orElseGet(Document360Simulator::notFound))
                .on("GET", "/v3/projects/{projectId}/license", r -> project(r)
                        .map(p -> envelope(200, Json.object().put("team_account",
                                Json.object().put("used", 12).put("allowed", 25).build()).build()))
                        .orElseGet(Document360Simulator::notFound))
                .on("GET", "/v3/projects/{projectId}/workspaces/{workspaceId}/categories", r -> in(Dialect.WORKSPACES,
                        () -> workspace(r).map(w -> envelope(200, Json.array(categories.values().stream()
                                .filter(c -> c.workspaceId.equals(w) && c.parentId == null)
                                .map(this::categorySummaryJson).collect(Collectors.toList()))))
                                .orElseGet(Document360Simulator::notFound)))
                .on("GET", "/v3/projects/{projectId}/workspaces/{workspaceId}/articles", r -> in(Dialect.WORKSPACES,
                        () -> workspace(r).map(w -> paged(r, articles.values().stream()
                                .filter(a -> a.workspaceId.equals(w)).map(Document360Simulator::articleSummaryJson)
                                .collect(Collectors.toList())))
                                .orElseGet(Document360Simulator::notFound)))
                .on("GET", "/v3/projects/{projectId}/articles/{articleId}", r -> Optional
                        .ofNullable(articles.get(r.pathParam("articleId")))
                        .filter(a -> a.projectId.equals(r.pathParam("projectId")))
                        .map(a -> envelope(200, articleJson(r, a))).orElseGet(Document360Simulator::notFound))
                .on("GET", "/v3/projects/{projectId}/categories/{categoryId}", r -> Optional
                        .ofNullable(categories.get(r.pathParam("categoryId")))
                        .filter(c -> c.projectId.equals(r.pathParam("projectId")))
                        .map(c -> envelope(200, categoryJson(c))).orElseGet(Document360Simulator::notFound))
                .on("GET", "/v3/projects/{projectId}/categories/{categoryId}/content", r -> Optional
                        .ofNullable(categories.get(r.pathParam("categoryId")))
                        .filter(c -> c.projectId.equals(r.pathParam("projectId")))
                        .map(c -> envelope(200, categoryContentJson(r, c))).orElseGet(Document360Simulator::notFound));
    }

    /** The workspace of the request's path, when its project has it. */
    private Optional<String> workspace(SimRequest r) {
        return project(r).map(p -> r.pathParam("workspaceId")).filter(w -> project(r).get().workspaceIds.contains(w));
    }

    private SimResponse startImport(SimRequest r) {
        Optional<Project> project = project(r);
        if (project.isEmpty()) {
            return notFound();
        }
        JsonElement body = r.json();
        String importBy = Json.string(body, "import_by").orElse("");
        if (!CURRENT_USER_ID.equals(importBy)) {
            return problem(422, "validation-error", "Unprocessable Entity.", "One or more fields failed validation.",
                    "VALIDATION_ERROR", "The user " + importBy + " is not a team account of the project.",
                    "import_by");
        }
        Import im = new Import();
        im.id = UUID.randomUUID().toString();
        im.projectId = project.get().id;
        im.sourceUrl = Json.string(body, "source_documentation_url").orElse("");
        im.publish = Json.member(body, "publish_article").map(JsonElement::getAsBoolean).orElse(false);
        im.fails = failImports;
        imports.put(im.id, im);
        return envelope(202, importJson(im)).header("Operation-Location",
                baseUrl() + "/v3/projects/" + im.projectId + "/imports/" + im.id);
    }

    private SimResponse getImport(SimRequest r) {
        Import im = imports.get(r.pathParam("importId"));
        if (im == null || !im.projectId.equals(r.pathParam("projectId"))) {
            return notFound();
        }
        if ("Pending".equals(im.status) || "InProgress".equals(im.status)) {
            im.polls++;
            if (im.polls < pollsUntilCompleted) {
                im.status = "InProgress";
            } else if (im.fails) {
                im.status = "Failed";
            } else {
                im.status = "Completed";
                im.completedAt = clock().instant();
                Project p = projects.get(im.projectId);
                String workspaceId = p.workspaceIds.get(0);
                String id = UUID.randomUUID().toString();
                articles.put(id, new Article(id, p.id, workspaceId, null, "Imported from " + im.sourceUrl,
                        "# Imported from " + im.sourceUrl));
            }
        }
        return envelope(200, importJson(im));
    }

    private static JsonObject importJson(Import im) {
        return Json.object().put("id", im.id).put("status", im.status)
                .put("completed_at", im.completedAt == null ? null : Json.isoSeconds(im.completedAt)).build();
    }

    private static JsonObject currentUserJson() {
        return Json.object().put("id", CURRENT_USER_ID).put("first_name", "Sarah").put("last_name", "Chen")
                .put("email", "sarah.chen@example.com").put("profile_logo_url", null).put("created_at", null)
                .put("last_login_at", "2025-06-20T14:45:00Z")
                .put("portal_role", Json.object().put("id", "e1f2a3b4-c5d6-4e7f-a8b9-c0d1e2f3a4b5")
                        .put("name", "Owner").build())
                .put("content_roles", new JsonArray()).put("associated_groups", new JsonArray()).build();
    }

    private static JsonObject languageJson(String code, String name, boolean isDefault) {
        return Json.object().put("code", code).put("name", name).put("is_default", isDefault).build();
    }

    private JsonObject categorySummaryJson(Category c) {
        return Json.object().put("id", c.id).put("name", c.name).put("order", 0)
                .put("parent_category_id", c.parentId)
                .put("child_categories", Json.array(categories.values().stream()
                        .filter(child -> c.id.equals(child.parentId)).map(this::categorySummaryJson)
                        .collect(Collectors.toList())))
                .build();
    }

    private JsonObject categoryJson(Category c) {
        return Json.object().put("id", c.id).put("name", c.name).put("description", null)
                .put("workspace_id", c.workspaceId).put("order", 0).put("parent_category_id", c.parentId)
                .put("hidden", false).put("slug", slug(c.name)).put("category_type", 0).put("status", 3)
                .put("content_type", 0)
                .put("articles", Json.array(articles.values().stream().filter(a -> c.id.equals(a.categoryId))
                        .map(a -> Json.object().put("id", a.id).put("title", a.title).put("status", 3).build())
                        .collect(Collectors.toList())))
                .put("child_categories", Json.array(categories.values().stream()
                        .filter(child -> c.id.equals(child.parentId)).map(this::categoryJson)
                        .collect(Collectors.toList())))
                .build();
    }

    private static JsonObject articleSummaryJson(Article a) {
        return Json.object().put("id", a.id).put("title", a.title).put("category_id", a.categoryId)
                .put("hidden", false).put("order", 0).build();
    }

    private static JsonObject articleJson(SimRequest r, Article a) {
        String content = content(r, a.content);
        return Json.object().put("id", a.id).put("title", a.title).put("content", content)
                .put("html_content", "<p>" + content + "</p>").put("category_id", a.categoryId)
                .put("workspace_id", a.workspaceId).put("version_number", 1).put("public_version", 1)
                .put("latest_version", 1).put("hidden", false).put("status", 3)
                .put("slug", slug(a.title)).put("lang_code", r.query("lang_code").orElse("en")).build();
    }

    private static JsonObject categoryContentJson(SimRequest r, Category c) {
        String content = content(r, c.content);
        return Json.object().put("id", c.id).put("title", c.name).put("content", content)
                .put("html_content", "<p>" + content + "</p>").put("parent_category_id", c.parentId)
                .put("workspace_id", c.workspaceId).put("version_number", 1).put("status", 3).build();
    }

    /** The content as {@code content_mode} asks: raw keeps the snippet placeholders, display resolves them. */
    private static String content(SimRequest r, String raw) {
        return "display".equals(r.query("content_mode").orElse("raw")) && raw != null
                ? raw.replace("{{snippet:product}}", "Product Documentation") : raw;
    }

    /** The operation of one dialect: served when the simulator speaks it, else the 404 of an unknown route. */
    private SimResponse in(Dialect only, Supplier<SimResponse> operation) {
        return dialect == only ? operation.get() : notFound();
    }

    private SimResponse startExport(SimRequest r) {
        Optional<Project> project = project(r);
        if (project.isEmpty()) {
            return notFound();
        }
        JsonElement body = r.json();
        String field = dialect == Dialect.WORKSPACES ? "workspace_id" : "project_version_id";
        String foreign = dialect == Dialect.WORKSPACES ? "project_version_id" : "workspace_id";
        if (body != null && body.isJsonObject() && body.getAsJsonObject().has(foreign)) {
            return problem(400, "bad-request", "Bad Request.", "The request body contains a field this API does not"
                    + " accept.", "VALIDATION_ERROR", "The JSON property '" + foreign + "' could not be mapped to"
                    + " any member of ExportRequest.", foreign);
        }
        Optional<String> workspace = Json.string(body, field);
        if (workspace.isEmpty() && dialect == Dialect.WORKSPACES) {
            return problem(400, "validation-error", "Bad Request.", "One or more validation errors occurred.",
                    "VALIDATION_ERROR", "The workspace_id field is required.", "workspace_id");
        }
        if (workspace.isPresent() && !project.get().workspaceIds.contains(workspace.get())) {
            String what = dialect == Dialect.WORKSPACES ? "Workspace" : "Project version";
            return problem(422, "validation-error", "Unprocessable Entity.", "The " + what.toLowerCase()
                    + " is invalid.", "VALIDATION_ERROR", what + " " + workspace.get()
                    + " does not exist in the project.", field);
        }
        Export export = new Export();
        export.id = UUID.randomUUID().toString();
        export.projectId = project.get().id;
        export.workspaceId = workspace.orElse(project.get().workspaceIds.get(0));
        export.format = Json.string(body, "format").orElse("pdf");
        export.fails = failExports;
        exports.put(export.id, export);
        return envelope(202, exportJson(export));
    }

    private SimResponse getExport(SimRequest r) {
        Export export = exports.get(r.pathParam("exportId"));
        if (export == null || !export.projectId.equals(r.pathParam("projectId"))) {
            return notFound();
        }
        if ("Pending".equals(export.status) || "InProgress".equals(export.status)) {
            export.polls++;
            if (export.polls >= pollsUntilCompleted) {
                export.status = export.fails ? "Failed" : "Completed";
                export.completedAt = export.fails ? null : clock().instant();
            } else {
                export.status = "InProgress";
            }
        }
        Instant now = clock().instant();
        if ("Completed".equals(export.status)
                && (export.downloadUrl == null || !now.isBefore(export.downloadUrlExpiresAt))) {
            String key = "exports/" + export.id + "/export-" + export.completedAt.toString().substring(0, 10) + ".zip";
            storage().putObject(key, exportContent, "application/zip");
            export.downloadUrl = storage().presignGet(key, now, downloadUrlLifetime);
            export.downloadUrlExpiresAt = now.plus(downloadUrlLifetime);
        }
        return envelope(200, exportJson(export));
    }

    private Optional<Project> project(SimRequest r) {
        return Optional.ofNullable(projects.get(r.pathParam("projectId")));
    }

    private JsonObject projectJson(Project p) {
        return Json.object().put("id", p.id).put("name", p.name).put("description", null)
                .put("sub_domain_name", p.subDomain).put("created_at", "2025-01-15T10:30:00Z")
                .put("modified_at", "2025-08-20T16:00:00Z").put("status", 0).build();
    }

    /** A v3.1 workspace: the list item, or with {@code detail} the single answer (language and RTL too). */
    private static JsonObject workspaceJson(Project p, String workspaceId, boolean detail) {
        int order = p.workspaceIds.indexOf(workspaceId);
        String name = p.workspaceNames.get(workspaceId);
        Json.ObjectBuilder b = Json.object();
        if (detail) {
            b.put("language_code", "en").put("enable_rtl", false);
        }
        return b.put("id", workspaceId).put("name", name).put("slug", slug(name)).put("order", order)
                .put("is_default", order == 0).put("workspace_type", "KnowledgeBase")
                .put("created_at", "2025-01-15T10:30:00Z").put("modified_at", "2025-08-10T14:00:00Z").build();
    }

    /** An older server's project version (a workspace by its former name, with {@code version_type}). */
    private static JsonObject versionJson(Project p, String versionId) {
        int order = p.workspaceIds.indexOf(versionId);
        String name = p.workspaceNames.get(versionId);
        return Json.object().put("language_code", "en").put("enable_rtl", false).put("id", versionId)
                .put("name", name).put("slug", slug(name)).put("order", order)
                .put("is_default", order == 0).put("version_type", "KnowledgeBase")
                .put("created_at", "2025-01-15T10:30:00Z").put("modified_at", "2025-08-10T14:00:00Z").build();
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static JsonObject exportJson(Export e) {
        return Json.object().put("id", e.id).put("status", e.status)
                .put("download_url", "Completed".equals(e.status) ? e.downloadUrl : null)
                .put("completed_at", e.completedAt == null ? null : Json.isoSeconds(e.completedAt)).build();
    }

    private static SimResponse paged(SimRequest r, List<JsonObject> all) {
        int pageSize = r.query("page_size").map(Integer::parseInt).orElse(25);
        int offset = r.query("cursor").map(Document360Simulator::decodeCursor)
                .orElseGet(() -> (r.query("page").map(Integer::parseInt).orElse(1) - 1) * pageSize);
        List<JsonObject> items = all.stream().skip(offset).limit(pageSize).collect(Collectors.toList());
        boolean hasMore = offset + items.size() < all.size();
        Json.ObjectBuilder pagination = Json.object().put("page", offset / pageSize + 1).put("page_size", pageSize)
                .put("has_more", hasMore)
                .put("next_cursor", hasMore ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                        ("offset:" + (offset + items.size())).getBytes(StandardCharsets.UTF_8)) : null);
        if (r.query("include_total_count").map(Boolean::parseBoolean).orElse(false)) {
            pagination.put("total_count", all.size());
        }
        JsonObject body = wrap(Json.array(new ArrayList<>(items)));
        body.add("pagination", pagination.build());
        return SimResponse.json(200, body);
    }

    private static int decodeCursor(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return Integer.parseInt(decoded.substring("offset:".length()));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static SimResponse envelope(int status, JsonElement data) {
        return SimResponse.json(status, wrap(data));
    }

    private static JsonObject wrap(JsonElement data) {
        return Json.object().put("data", data).put("success", true).put("request_id", UUID.randomUUID().toString())
                .put("errors", new JsonArray()).put("warnings", new JsonArray()).build();
    }

    private static SimResponse notFound() {
        return problem(404, "not-found", "Not Found.", "The requested resource does not exist or has been deleted.",
                "RESOURCE_NOT_FOUND", "The requested resource was not found.", null);
    }

    private static SimResponse problem(int status, String type, String title, String detail, String code,
            String message, String field) {
        JsonObject error = Json.object().put("code", code).put("message", message).put("field", field)
                .put("details", null).build();
        return problem(status, type, title, detail, List.of(error));
    }

    private static SimResponse problem(int status, String type, String title, String detail, List<JsonObject> errors) {
        return SimResponse.json(status, Json.object().put("type", "https://developer.document360.com/errors/" + type)
                .put("title", title).put("status", status).put("detail", detail).put("instance", null)
                .put("trace_id", "req_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
                .put("errors", Json.array(errors)).put("warnings", null).build(),
                "application/problem+json; charset=utf-8");
    }

    @Override
    Optional<SimResponse> authenticate(SimRequest request) {
        Optional<String> credential = request.bearerToken().or(() -> request.header("X-API-Key"));
        return acceptsApiKey(credential) ? Optional.empty()
                : Optional.of(SimResponse.empty(401).header("WWW-Authenticate", credential.isEmpty() ? "Bearer"
                        : "Bearer error=\"invalid_token\", error_description=\"The token is invalid\""));
    }

    @Override
    SimResponse invalidRequest(SimRequest request, List<ContractViolation> violations) {
        List<JsonObject> errors = violations.stream().map(v -> Json.object().put("code", "VALIDATION_ERROR")
                .put("message", v.message()).put("field", v.field()).put("details", null).build())
                .collect(Collectors.toList());
        return problem(400, "validation-error", "Bad Request.", "One or more validation errors occurred.", errors);
    }

    @Override
    SimResponse unknownOperation(SimRequest request) {
        return notFound();
    }

    @Override
    SimResponse tooManyRequests(SimRequest request, long retryAfterSeconds) {
        String message = "Rate limit exceeded. Retry after the duration specified in the Retry-After header.";
        return problem(429, "too-many-requests", "Too Many Requests.", message, "TOO_MANY_REQUESTS", message, null);
    }

    @Override
    SimResponse serverError(int status) {
        return status == 503
                ? problem(503, "service-unavailable", "Service Unavailable.", "The service is temporarily unavailable.",
                        "SERVICE_UNAVAILABLE", "The service is temporarily unavailable.", null)
                : problem(500, "internal-error", "Internal Server Error.",
                        "An unexpected error occurred. Please try again or contact support.", "INTERNAL_SERVER_ERROR",
                        "An unexpected error occurred.", null);
    }
}
