package com.docsdk.document360;

import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.paging.PagedIterable;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.SdkException;
import com.docsdk.document360.service.ProjectVersionsService;
import com.docsdk.document360.service.WorkspacesService;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Workspaces in whichever dialect the server speaks, on the generated {@code workspaces()} and (deprecated)
 * {@code projectVersions()} services. The dialect is found out once per client, on first use: a
 * {@code GET .../workspaces?page=1&page_size=1} that answers means {@link WorkspaceDialect#WORKSPACES}; a 404 there
 * while {@code GET .../project-versions?page=1&page_size=1} answers means {@link WorkspaceDialect#PROJECT_VERSIONS};
 * a 404 on both is the project's {@link NotFoundException} (nothing is cached then, nor after any other failure).
 * Concurrent first uses wait for one detection.
 */
@SuppressWarnings("deprecation") // the project-versions operations, on purpose: an older server has nothing else
final class Workspaces {
    private final WorkspacesService workspaces;
    private final ProjectVersionsService versions;
    private final String server;
    private final Object detection = new Object();
    private volatile WorkspaceDialect dialect;

    Workspaces(WorkspacesService workspaces, ProjectVersionsService versions, String server,
            WorkspaceDialect pinned) {
        this.workspaces = workspaces;
        this.versions = versions;
        this.server = server;
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
            workspaces.listPage(projectId, WorkspacesService.ListParams.builder().page(1).pageSize(1).build(),
                    options);
            return WorkspaceDialect.WORKSPACES;
        } catch (NotFoundException onWorkspaces) {
            try {
                versions.listPage(projectId, ProjectVersionsService.ListParams.builder().page(1).pageSize(1)
                        .build(), options);
            } catch (NotFoundException onVersions) {
                onWorkspaces.addSuppressed(onVersions);
                throw onWorkspaces;
            }
            EnvelopeReader.LOG.info("Document360 at {} answers 404 on /workspaces but serves /project-versions: this"
                    + " client speaks project versions (the API before v3.1)", server);
            return WorkspaceDialect.PROJECT_VERSIONS;
        }
    }

    /**
     * The project's workspaces from the dialect's list operation, {@code pageSize} a page. Both operations check
     * their inputs now; the dialect is detected when iteration starts.
     */
    PagedIterable<Workspace> list(UUID projectId, int pageSize, RequestOptions options) {
        PagedIterable<Workspace> v31 = workspaces.list(projectId,
                WorkspacesService.ListParams.builder().pageSize(pageSize).build(), options).map(Workspace::of);
        PagedIterable<Workspace> older = versions.list(projectId,
                ProjectVersionsService.ListParams.builder().pageSize(pageSize).build(), options).map(Workspace::of);
        return PagedIterable.defer(() -> dialect(projectId, options) == WorkspaceDialect.WORKSPACES ? v31 : older);
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
                Workspace w = dialect(projectId, options) == WorkspaceDialect.WORKSPACES
                        ? Workspace.of(workspaces.get(projectId, id, options))
                        : Workspace.of(versions.get(projectId, id, options));
                if (w == null) {
                    throw new SdkException("Document360 answered without data for workspace " + id + " of project "
                            + projectId);
                }
                return w;
            } catch (NotFoundException e) {
                throw new WorkspaceNotFoundException(projectId, ref, "no workspace with id " + id
                        + " in Document360 project " + projectId + " (the server answered 404)", e);
            }
        }
        List<Workspace> all = list(projectId, Document360Client.MAX_PAGE_SIZE, options).stream().toList();
        List<Workspace> matches = all.stream().filter(ref::matches).toList();
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

    private static String names(List<Workspace> all) {
        return all.isEmpty() ? "none" : all.stream().map(w -> w.name().map(n -> n + (w.isDefault() ? " (default)"
                : "")).orElse("<unnamed>")).collect(Collectors.joining(", "));
    }
}
