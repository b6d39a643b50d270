package com.docsdk.document360;

import com.docsdk.core.error.SdkException;
import java.util.UUID;

/**
 * No workspace of the project matches a {@link WorkspaceRef}: no workspace has that id (the server answered 404,
 * the {@linkplain #getCause() cause}) or that name, or none is flagged default. Thrown by
 * {@link Document360Client#getWorkspace(UUID, WorkspaceRef)} and by an export naming its workspace that way.
 *
 * <pre>{@code
 * try {
 *     d360.getWorkspace(projectId, WorkspaceRef.byName("v9.0"));
 * } catch (WorkspaceNotFoundException e) {
 *     System.err.println(e.getMessage()); // no workspace named 'v9.0' in Document360 project ... (its workspaces: v1.0, v2.0)
 * }
 * }</pre>
 */
public class WorkspaceNotFoundException extends SdkException {
    private static final long serialVersionUID = 1L;

    private final UUID projectId;
    private final transient WorkspaceRef workspace;

    WorkspaceNotFoundException(UUID projectId, WorkspaceRef workspace, String message, Throwable cause) {
        super(message, cause);
        this.projectId = projectId;
        this.workspace = workspace;
    }

    /** The project that was searched. */
    public UUID projectId() {
        return projectId;
    }

    /** What was looked for. */
    public WorkspaceRef workspace() {
        return workspace;
    }
}
