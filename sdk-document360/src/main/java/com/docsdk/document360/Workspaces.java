package com.docsdk.document360;

import com.docsdk.core.NotFoundException;
import com.docsdk.core.PagedIterable;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkException;
import com.docsdk.core.Transport;
import com.docsdk.document360.generated.api.ProjectVersionsApi;
import com.docsdk.document360.generated.api.WorkspacesApi;
import com.docsdk.document360.generated.invoker.ApiClient;
import com.docsdk.document360.generated.invoker.ApiException;
import com.docsdk.document360.generated.model.ProjectVersion;
import com.docsdk.document360.generated.model.ProjectVersionListResponse;
import com.docsdk.document360.generated.model.ProjectVersionResponse;
import com.docsdk.document360.generated.model.WorkspaceListResponse;
import com.docsdk.document360.generated.model.WorkspaceResponse;
import com.docsdk.document360.generated.model.WorkspaceSummary;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Workspaces in whichever dialect the server speaks. The dialect is found out once per client, on first use: a
 * {@code GET .../workspaces?page=1&page_size=1} that answers means {@link WorkspaceDialect#WORKSPACES}; a 404 there
 * while {@code GET .../project-versions?page=1&page_size=1} answers means {@link WorkspaceDialect#PROJECT_VERSIONS};
 * a 404 on both is the project's {@link NotFoundException} (nothing is cached then, nor after any other failure).
 * Concurrent first uses wait for one detection.
 */
final class Workspaces {
    private final Transport transport;
    private final WorkspacesApi workspaces;
    private final ProjectVersionsApi versions;
    private final Object detection = new Object();
    private volatile WorkspaceDialect dialect;

    Workspaces(Transport transport, ApiClient api, WorkspaceDialect pinned) {
        this.transport = transport;
        this.workspaces = new WorkspacesApi(api);
        this.versions = new ProjectVersionsApi(api);
        this.dialect = pinned;
    }

    /** The server's dialect: pinned, cached, or detected now with {@code projectId}. */
    WorkspaceDialect dialect(UUID projectId, RequestOptions options) {
        WorkspaceDialect known = dialect;
        if (known != null) {
            return known;
        }
        synchronized (detection) {
            if (dialect == null) {
                dialect = detect(projectId, options);
            }
            return dialect;
        }
    }

    private WorkspaceDialect detect(UUID projectId, RequestOptions options) {
        try {
            workspacePage(projectId, 1, null, 1, options);
            return WorkspaceDialect.WORKSPACES;
        } catch (NotFoundException onWorkspaces) {
            try {
                versionPage(projectId, 1, null, 1, options);
            } catch (NotFoundException onVersions) {
                onWorkspaces.addSuppressed(onVersions);
                throw onWorkspaces;
            }
            EnvelopeReader.LOG.info("Document360 at {} answers 404 on /workspaces but serves /project-versions: this"
                    + " client speaks project versions (the API before v3.1)", transport.baseUrl());
            return WorkspaceDialect.PROJECT_VERSIONS;
        }
    }

    PagedIterable<Workspace> list(UUID projectId, int pageSize, RequestOptions options) {
        return ListPager.iterate(pageSize, (page, cursor, size) ->
                dialect(projectId, options) == WorkspaceDialect.WORKSPACES
                        ? workspacePage(projectId, page, cursor, size, options)
                        : versionPage(projectId, page, cursor, size, options));
    }

    /**
     * The workspace {@code ref} names: by id with one {@code GET} of it, by name or the default by listing them all.
     *
     * @throws WorkspaceNotFoundException when none matches
     */
    Workspace get(UUID projectId, WorkspaceRef ref, RequestOptions options) {
        if (ref.id().isPresent()) {
            UUID id = ref.id().get();
            try {
                return byId(projectId, id, options);
            } catch (NotFoundException e) {
                throw new WorkspaceNotFoundException(projectId, ref, "no workspace with id " + id
                        + " in Document360 project " + projectId + " (the server answered 404)", e);
            }
        }
        List<Workspace> all = list(projectId, Projects.MAX_PAGE_SIZE, options).stream().collect(Collectors.toList());
        List<Workspace> matches = all.stream().filter(ref::matches).collect(Collectors.toList());
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String what = ref.name().map(n -> "named '" + n + "'").orElse("flagged default (is_default)");
        if (matches.isEmpty()) {
            throw new WorkspaceNotFoundException(projectId, ref, "no workspace " + what + " in Document360 project "
                    + projectId + " (its workspaces: " + names(all) + ")", null);
        }
        throw new SdkException(matches.size() + " workspaces of Document360 project " + projectId + " are " + what
                + ": choose one by id (" + matches.stream().map(w -> String.valueOf(w.id().orElse(null)))
                        .collect(Collectors.joining(", ")) + ")");
    }

    /** The id to export: the reference's own id (no request), else the id of the workspace it names. */
    UUID exportId(UUID projectId, WorkspaceRef ref, RequestOptions options) {
        if (ref.id().isPresent()) {
            return ref.id().get();
        }
        Workspace w = get(projectId, ref, options);
        return w.id().orElseThrow(() -> new SdkException("Document360 listed " + w + " of project " + projectId
                + " without an id: it cannot be exported by name; give its id"));
    }

    private Workspace byId(UUID projectId, UUID id, RequestOptions options) {
        String what = "workspace " + id + " of project " + projectId;
        if (dialect(projectId, options) == WorkspaceDialect.WORKSPACES) {
            return Workspace.of(Document360Response.single(transport.execute(
                    () -> workspaces.getWorkspaceCall(projectId, id, null), options,
                    EnvelopeReader.of(WorkspaceResponse.class, Envelope::of)), what).value());
        }
        return Workspace.of(Document360Response.single(transport.execute(() -> getVersionCall(projectId, id),
                options, EnvelopeReader.of(ProjectVersionResponse.class, Envelope::of)), what).value());
    }

    private Envelope<List<Workspace>> workspacePage(UUID projectId, Integer page, String cursor, int size,
            RequestOptions options) {
        Envelope<List<WorkspaceSummary>> e = transport.execute(
                () -> workspaces.listWorkspacesCall(projectId, page, size, cursor, null, null), options,
                EnvelopeReader.of(WorkspaceListResponse.class, Envelope::of)).value();
        return e.withData(e.data() == null ? null
                : e.data().stream().filter(Objects::nonNull).map(Workspace::of).collect(Collectors.toList()));
    }

    private Envelope<List<Workspace>> versionPage(UUID projectId, Integer page, String cursor, int size,
            RequestOptions options) {
        Envelope<List<ProjectVersion>> e = transport.execute(
                () -> listVersionsCall(projectId, page, size, cursor), options,
                EnvelopeReader.of(ProjectVersionListResponse.class, Envelope::of)).value();
        return e.withData(e.data() == null ? null
                : e.data().stream().filter(Objects::nonNull).map(Workspace::of).collect(Collectors.toList()));
    }

    /** The deprecated operation, on purpose: an older server has nothing else. */
    @SuppressWarnings("deprecation")
    private okhttp3.Call listVersionsCall(UUID projectId, Integer page, int size, String cursor)
            throws ApiException {
        return versions.listProjectVersionsCall(projectId, page, size, cursor, null, null);
    }

    @SuppressWarnings("deprecation")
    private okhttp3.Call getVersionCall(UUID projectId, UUID id)
            throws ApiException {
        return versions.getProjectVersionCall(projectId, id, null);
    }

    private static String names(List<Workspace> all) {
        return all.isEmpty() ? "none" : all.stream().map(w -> w.name().map(n -> n + (w.isDefault() ? " (default)"
                : "")).orElse("<unnamed>")).collect(Collectors.joining(", "));
    }
}
