package com.docsdk.document360;

/**
 * Which of the two names for a project's workspaces a Document360 server speaks. The v3.1 API renamed project
 * versions to workspaces; production (as seen in 2026-10) and the vendor's v3.1 reference speak
 * {@link #WORKSPACES}, an older server (an April 2026 copy of the API) speaks {@link #PROJECT_VERSIONS}.
 *
 * <p>{@link Document360Client} finds out once per client ({@code GET .../workspaces}; a 404 there while
 * {@code GET .../project-versions} answers means {@link #PROJECT_VERSIONS}) and then uses only that server's paths and
 * export field. {@link Document360Client.Builder#workspaceDialect(WorkspaceDialect)} pins it instead.
 *
 * <pre>{@code
 * WorkspaceDialect dialect = d360.workspaceDialect(projectId);   // WORKSPACES against production
 * }</pre>
 */
public enum WorkspaceDialect {
    /**
     * v3.1: {@code GET /v3/projects/{project_id}/workspaces[/{workspace_id}]}, {@code workspace_type}, and a start
     * export naming the workspace in {@code workspace_id} (required; the server refuses unknown fields, so
     * {@code project_version_id} is a 400).
     */
    WORKSPACES,

    /**
     * Before v3.1 (deprecated): {@code GET /v3/projects/{project_id}/project-versions[/{project_version_id}]},
     * {@code version_type}, and a start export naming the version in {@code project_version_id}.
     */
    PROJECT_VERSIONS
}
