package com.docsdk.document360;

import static com.docsdk.document360.VendorExamples.PROJECTS_PATH;
import static com.docsdk.document360.VendorExamples.PROJECT_ID;
import static com.docsdk.document360.VendorExamples.VERSIONS_PATH;
import static com.docsdk.document360.VendorExamples.WORKSPACES_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.docsdk.core.paging.PagedIterable;
import com.docsdk.core.RequestOptions;
import com.docsdk.document360.model.Project;
import com.docsdk.document360.model.ProjectVersion;
import com.docsdk.document360.service.ProjectsService;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paginators of the Document360 module (projects, workspaces, project versions) against a page shorter than
 * {@code page_size} whose {@code pagination} announces more ({@code has_more: true}, a {@code total_count} above the
 * items read, or a {@code next_cursor}; see {@code x-docsdk-paging} in openapi/document360.yaml): the later page is
 * requested and its items are returned.
 */
class ShortPagePagingTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("document360");

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Document360Client client;

    @BeforeEach
    void setUp() {
        client = TestSupport.builder(wm, TestSupport.time()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        CONTRACT.assertRequestsMatch(wm.getRuntimeInfo().getWireMock());
    }

    private static String page(List<String> names, String pagination) {
        String items = names.stream().map(n -> "{\"id\": \"" + UUID.nameUUIDFromBytes(n.getBytes(
                StandardCharsets.UTF_8)) + "\", \"name\": \"" + n + "\", \"status\": 0}")
                .collect(Collectors.joining(", "));
        return "{\"data\": [" + items + "], \"pagination\": {" + pagination + "}, \"success\": true,"
                + " \"request_id\": \"req-1\", \"errors\": [], \"warnings\": []}";
    }

    private static ProjectsService.ListParams pageSize(int size) {
        return ProjectsService.ListParams.builder().pageSize(size).build();
    }

    private static void stubPage(String path, int number, String body) {
        wm.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo(String.valueOf(number)))
                .willReturn(okJson(body)));
    }

    @Test
    void projectsFollowHasMoreAfterAShortPage() {
        stubPage(PROJECTS_PATH, 1, page(List.of("Alpha"), "\"page\": 1, \"page_size\": 25, \"has_more\": true"));
        stubPage(PROJECTS_PATH, 2, page(List.of("Beta"), "\"page\": 2, \"page_size\": 25, \"has_more\": false"));

        List<String> names = client.projects().list(pageSize(25), RequestOptions.none()).stream().map(Project::getName).toList();

        assertEquals(List.of("Alpha", "Beta"), names);
        wm.verify(1, getRequestedFor(urlPathEqualTo(PROJECTS_PATH)).withQueryParam("page", equalTo("2"))
                .withQueryParam("page_size", equalTo("25")));
    }

    @Test
    void projectsFollowATotalCountAboveTheItemsReadAfterAShortPage() {
        stubPage(PROJECTS_PATH, 1, page(List.of("Alpha", "Beta"), "\"page\": 1, \"page_size\": 25,"
                + " \"total_count\": 3"));
        stubPage(PROJECTS_PATH, 2, page(List.of("Gamma"), "\"page\": 2, \"page_size\": 25, \"total_count\": 3"));

        PagedIterable<Project> projects = client.projects().list(pageSize(25), RequestOptions.none());
        List<String> names = projects.stream().map(Project::getName).toList();

        assertEquals(List.of("Alpha", "Beta", "Gamma"), names);
        assertEquals(OptionalLong.of(3), projects.totalItems());
        wm.verify(2, getRequestedFor(urlPathEqualTo(PROJECTS_PATH)));
    }

    @Test
    void workspacesFollowHasMoreAfterAShortPage() {
        // page 1 also answers the client's one-item dialect detection (GET .../workspaces?page=1&page_size=1)
        stubPage(WORKSPACES_PATH, 1, page(List.of("v1.0"), "\"page\": 1, \"page_size\": 100, \"has_more\": true"));
        stubPage(WORKSPACES_PATH, 2, page(List.of("v2.0"), "\"page\": 2, \"page_size\": 100, \"has_more\": false"));

        List<String> names = client.listWorkspaces(PROJECT_ID).stream().map(w -> w.name().orElseThrow()).toList();

        assertEquals(List.of("v1.0", "v2.0"), names);
        wm.verify(1, getRequestedFor(urlPathEqualTo(WORKSPACES_PATH)).withQueryParam("page", equalTo("2"))
                .withQueryParam("page_size", equalTo("100")));
    }

    @Test
    void workspacesOfAnOlderServerFollowATotalCountAboveTheItemsReadAfterAShortPage() {
        try (Document360Client older = TestSupport.builder(wm, TestSupport.time())
                .workspaceDialect(WorkspaceDialect.PROJECT_VERSIONS).build()) {
            stubPage(VERSIONS_PATH, 1, page(List.of("v1.0"), "\"page\": 1, \"page_size\": 100, \"total_count\": 2"));
            stubPage(VERSIONS_PATH, 2, page(List.of("v2.0"), "\"page\": 2, \"page_size\": 100, \"total_count\": 2"));

            PagedIterable<Workspace> workspaces = older.listWorkspaces(PROJECT_ID);
            List<String> names = workspaces.stream().map(w -> w.name().orElseThrow()).toList();

            assertEquals(List.of("v1.0", "v2.0"), names);
            assertEquals(OptionalLong.of(2), workspaces.totalItems());
            wm.verify(2, getRequestedFor(urlPathEqualTo(VERSIONS_PATH)));
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void projectVersionsFollowHasMoreAfterAShortPage() {
        stubPage(VERSIONS_PATH, 1, page(List.of("v1.0"), "\"page\": 1, \"page_size\": 100, \"has_more\": true"));
        stubPage(VERSIONS_PATH, 2, page(List.of("v2.0"), "\"page\": 2, \"page_size\": 100, \"has_more\": false"));

        List<String> names = client.projectVersions().list(PROJECT_ID).stream().map(ProjectVersion::getName)
                .toList();

        assertEquals(List.of("v1.0", "v2.0"), names);
        wm.verify(2, getRequestedFor(urlPathEqualTo(VERSIONS_PATH)));
    }

    @Test
    @SuppressWarnings("deprecation")
    void projectVersionsFollowTheNextCursorOfAShortPage() {
        wm.stubFor(get(urlPathEqualTo(VERSIONS_PATH)).withQueryParam("cursor", absent())
                .willReturn(okJson(page(List.of("v1.0"), "\"page\": 1, \"page_size\": 100, \"has_more\": true,"
                        + " \"next_cursor\": \"c2\""))));
        wm.stubFor(get(urlPathEqualTo(VERSIONS_PATH)).withQueryParam("cursor", equalTo("c2"))
                .willReturn(okJson(page(List.of("v2.0"), "\"page\": 0, \"page_size\": 100, \"has_more\": false,"
                        + " \"next_cursor\": null"))));

        List<String> names = client.projectVersions().list(PROJECT_ID).stream().map(ProjectVersion::getName)
                .toList();

        assertEquals(List.of("v1.0", "v2.0"), names);
        wm.verify(1, getRequestedFor(urlPathEqualTo(VERSIONS_PATH)).withQueryParam("cursor", equalTo("c2")));
    }
}
