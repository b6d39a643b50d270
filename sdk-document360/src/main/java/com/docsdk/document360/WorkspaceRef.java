package com.docsdk.document360;

import com.docsdk.core.error.ClientValidationException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which workspace of a project: by id, by name, or the project's default one. Invalid references are rejected here,
 * before any request. Immutable.
 *
 * <pre>{@code
 * Workspace v2 = d360.getWorkspace(projectId, WorkspaceRef.byName("v2.0"));
 * d360.startExport(projectId, ExportRequest.builder().format("pdf").workspace(WorkspaceRef.defaultWorkspace()).build());
 * }</pre>
 *
 * <p>Ids are UUIDs, as the API types a workspace's {@code id} and the {@code workspace_id} path parameter (an older
 * server's {@code project_version_id} too). Names are compared exactly ({@code "v2.0"}).
 */
public final class WorkspaceRef {
    private static final WorkspaceRef DEFAULT = new WorkspaceRef(null, null);

    private final UUID id;
    private final String name;

    private WorkspaceRef(UUID id, String name) {
        this.id = id;
        this.name = name;
    }

    /** The workspace with this id. */
    public static WorkspaceRef byId(UUID workspaceId) {
        return new WorkspaceRef(ClientValidationException.requireNonNull("workspaceId", workspaceId), null);
    }

    /**
     * The workspace with this id, given as text (e.g. from configuration).
     *
     * @throws ClientValidationException naming {@code workspaceId} unless it is a UUID
     */
    public static WorkspaceRef byId(String workspaceId) {
        ClientValidationException.requireNonBlank("workspaceId", workspaceId);
        try {
            UUID parsed = UUID.fromString(workspaceId);
            ClientValidationException.require(parsed.toString().equalsIgnoreCase(workspaceId), "workspaceId",
                    "must be a workspace id, a UUID such as 4d5e6f7a-8b9c-0d1e-2f3a-4b5c6d7e8f9a");
            return new WorkspaceRef(parsed, null);
        } catch (IllegalArgumentException e) {
            throw new ClientValidationException("workspaceId",
                    "must be a workspace id, a UUID such as 4d5e6f7a-8b9c-0d1e-2f3a-4b5c6d7e8f9a");
        }
    }

    /** The workspace with exactly this name ({@code "v2.0"}); the project's workspaces are listed to find it. */
    public static WorkspaceRef byName(String name) {
        return new WorkspaceRef(null, ClientValidationException.requireNonBlank("workspaceName", name));
    }

    /** The project's default workspace ({@code is_default: true}); the project's workspaces are listed to find it. */
    public static WorkspaceRef defaultWorkspace() {
        return DEFAULT;
    }

    /** The id, when this reference is by id. */
    public Optional<UUID> id() {
        return Optional.ofNullable(id);
    }

    /** The name, when this reference is by name. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** Whether this is the project's default workspace. */
    public boolean isDefaultWorkspace() {
        return id == null && name == null;
    }

    /** Whether {@code workspace} is the one this reference names (by id, by exact name, or flagged default). */
    boolean matches(Workspace workspace) {
        if (id != null) {
            return workspace.id().filter(id::equals).isPresent();
        }
        if (name != null) {
            return workspace.name().filter(name::equals).isPresent();
        }
        return workspace.isDefault();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkspaceRef other && Objects.equals(id, other.id) && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name);
    }

    /** {@code workspace id ...}, {@code workspace named '...'} or {@code the default workspace}. */
    @Override
    public String toString() {
        if (id != null) {
            return "workspace id " + id;
        }
        return name != null ? "workspace named '" + name + "'" : "the default workspace";
    }
}
