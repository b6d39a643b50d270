package com.docsdk.document360;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.PagedIterable;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.Transport;
import com.docsdk.document360.generated.api.ProjectVersionsApi;
import com.docsdk.document360.generated.api.ProjectsApi;
import com.docsdk.document360.generated.invoker.ApiClient;
import com.docsdk.document360.generated.model.Project;
import com.docsdk.document360.generated.model.ProjectListResponse;
import com.docsdk.document360.generated.model.ProjectResponse;
import com.docsdk.document360.generated.model.ProjectVersion;
import com.docsdk.document360.generated.model.ProjectVersionListResponse;
import com.docsdk.document360.generated.model.ProjectVersionResponse;
import java.util.UUID;

/** Projects and (deprecated) project versions: the generated API classes sent through the transport. */
final class Projects {
    static final int MAX_PAGE_SIZE = 100;

    private final Transport transport;
    private final ProjectsApi projects;
    private final ProjectVersionsApi versions;

    Projects(Transport transport, ApiClient api) {
        this.transport = transport;
        this.projects = new ProjectsApi(api);
        this.versions = new ProjectVersionsApi(api);
    }

    PagedIterable<Project> list(int pageSize, RequestOptions options) {
        checkPageSize(pageSize);
        requireOptions(options);
        return ListPager.iterate(pageSize, (page, cursor, size) -> transport.execute(
                () -> projects.listProjectsCall(page, size, cursor, null, null), options,
                EnvelopeReader.of(ProjectListResponse.class, Envelope::of)).value());
    }

    Document360Response<Project> get(UUID projectId, RequestOptions options) {
        requireId("projectId", projectId);
        requireOptions(options);
        return Document360Response.single(transport.execute(() -> projects.getProjectCall(projectId, null),
                options, EnvelopeReader.of(ProjectResponse.class, Envelope::of)), "project " + projectId);
    }

    @SuppressWarnings("deprecation") // the deprecated operations, behind the deprecated facade methods
    PagedIterable<ProjectVersion> listVersions(UUID projectId, int pageSize, RequestOptions options) {
        requireId("projectId", projectId);
        checkPageSize(pageSize);
        requireOptions(options);
        return ListPager.iterate(pageSize, (page, cursor, size) -> transport.execute(
                () -> versions.listProjectVersionsCall(projectId, page, size, cursor, null, null), options,
                EnvelopeReader.of(ProjectVersionListResponse.class, Envelope::of)).value());
    }

    @SuppressWarnings("deprecation")
    Document360Response<ProjectVersion> getVersion(UUID projectId, UUID versionId, RequestOptions options) {
        requireId("projectId", projectId);
        requireId("projectVersionId", versionId);
        requireOptions(options);
        return Document360Response.single(transport.execute(
                () -> versions.getProjectVersionCall(projectId, versionId, null), options,
                EnvelopeReader.of(ProjectVersionResponse.class, Envelope::of)),
                "project version " + versionId + " of project " + projectId);
    }

    static UUID requireId(String field, UUID id) {
        return ClientValidationException.requireNonNull(field, id);
    }

    static RequestOptions requireOptions(RequestOptions options) {
        return ClientValidationException.requireNonNull("options", options);
    }

    static void checkPageSize(int pageSize) {
        ClientValidationException.require(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE, "pageSize",
                "must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
    }
}
