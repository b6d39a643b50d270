package com.docsdk.document360;

import com.docsdk.core.Redactor;
import com.docsdk.document360.model.ProjectVersion;
import com.docsdk.document360.model.WorkspaceDetail;
import com.docsdk.document360.model.WorkspaceSummary;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A workspace of a Document360 project, whichever API answered: a v3.1 server's workspace
 * ({@code GET .../workspaces}) or an older server's project version ({@code GET .../project-versions}, where
 * {@code version_type} is this {@link #workspaceType()}). {@link #dialect()} says which. Immutable; equal when every
 * field is.
 *
 * <pre>{@code
 * for (Workspace w : d360.listWorkspaces(projectId)) {
 *     System.out.println(w.id().orElseThrow() + " " + w.name().orElse("?") + (w.isDefault() ? " (default)" : ""));
 * }
 * }</pre>
 *
 * <p>The API marks {@code id} and {@code name} required but nullable; they are {@link Optional} here so that a
 * workspace the server describes incompletely is still listed. {@link #languageCode()} and {@link #rtlEnabled()}
 * come only with a single workspace ({@code getWorkspace} by id) or from an older server.
 */
public final class Workspace {
    private final UUID id;
    private final String name;
    private final String slug;
    private final Integer order;
    private final boolean isDefault;
    private final String workspaceType;
    private final String languageCode;
    private final Boolean rtlEnabled;
    private final OffsetDateTime createdAt;
    private final OffsetDateTime modifiedAt;
    private final WorkspaceDialect dialect;

    private Workspace(UUID id, String name, String slug, Integer order, Boolean isDefault, String workspaceType,
            String languageCode, Boolean rtlEnabled, OffsetDateTime createdAt, OffsetDateTime modifiedAt,
            WorkspaceDialect dialect) {
        this.id = id;
        this.name = name;
        this.slug = slug;
        this.order = order;
        this.isDefault = Boolean.TRUE.equals(isDefault);
        this.workspaceType = workspaceType;
        this.languageCode = languageCode;
        this.rtlEnabled = rtlEnabled;
        this.createdAt = createdAt;
        this.modifiedAt = modifiedAt;
        this.dialect = dialect;
    }

    /** The SDK's view of a v3.1 list item ({@code null} for {@code null}). */
    static Workspace of(WorkspaceSummary w) {
        return w == null ? null : new Workspace(w.getId(), w.getName(), w.getSlug(), w.getOrder(), w.getIsDefault(),
                w.getWorkspaceType(), null, null, w.getCreatedAt(), w.getModifiedAt(), WorkspaceDialect.WORKSPACES);
    }

    static Workspace of(WorkspaceDetail w) {
        return w == null ? null : new Workspace(w.getId(), w.getName(), w.getSlug(), w.getOrder(), w.getIsDefault(),
                w.getWorkspaceType(), w.getLanguageCode(), w.getEnableRtl(), w.getCreatedAt(), w.getModifiedAt(),
                WorkspaceDialect.WORKSPACES);
    }

    static Workspace of(ProjectVersion v) {
        return v == null ? null : new Workspace(v.getId(), v.getName(), v.getSlug(), v.getOrder(), v.getIsDefault(),
                v.getVersionType(), v.getLanguageCode(), v.getEnableRtl(), v.getCreatedAt(), v.getModifiedAt(),
                WorkspaceDialect.PROJECT_VERSIONS);
    }

    /** The workspace id: a v3.1 {@code workspace_id}, or an older server's {@code project_version_id}. */
    public Optional<UUID> id() {
        return Optional.ofNullable(id);
    }

    /** The display name, e.g. {@code "v2.0"}. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The URL-friendly slug, e.g. {@code "v2-0"}. */
    public Optional<String> slug() {
        return Optional.ofNullable(slug);
    }

    /** The sort order. */
    public Optional<Integer> order() {
        return Optional.ofNullable(order);
    }

    /** Whether this is the project's default workspace ({@code is_default}); false when the server did not say. */
    public boolean isDefault() {
        return isDefault;
    }

    /** {@code KnowledgeBase}, {@code ApiDocumentation} or another value ({@code workspace_type}, or {@code version_type}). */
    public Optional<String> workspaceType() {
        return Optional.ofNullable(workspaceType);
    }

    /** The workspace's default language, e.g. {@code "en"}; only in single-workspace answers and older servers' lists. */
    public Optional<String> languageCode() {
        return Optional.ofNullable(languageCode);
    }

    /** Whether right-to-left layout is enabled ({@code enable_rtl}); as {@link #languageCode()}. */
    public Optional<Boolean> rtlEnabled() {
        return Optional.ofNullable(rtlEnabled);
    }

    public Optional<OffsetDateTime> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    public Optional<OffsetDateTime> modifiedAt() {
        return Optional.ofNullable(modifiedAt);
    }

    /** Which API answered: {@link WorkspaceDialect#WORKSPACES} (v3.1) or {@link WorkspaceDialect#PROJECT_VERSIONS}. */
    public WorkspaceDialect dialect() {
        return dialect;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Workspace w && isDefault == w.isDefault && Objects.equals(id, w.id)
                && Objects.equals(name, w.name) && Objects.equals(slug, w.slug) && Objects.equals(order, w.order)
                && Objects.equals(workspaceType, w.workspaceType) && Objects.equals(languageCode, w.languageCode)
                && Objects.equals(rtlEnabled, w.rtlEnabled) && Objects.equals(createdAt, w.createdAt)
                && Objects.equals(modifiedAt, w.modifiedAt) && dialect == w.dialect;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, slug, order, isDefault, workspaceType, languageCode, rtlEnabled, createdAt,
                modifiedAt, dialect);
    }

    @Override
    public String toString() {
        return "Workspace{id=" + id + ", name=" + Redactor.field("name", name) + ", default=" + isDefault + ", type="
                + Redactor.field("workspaceType", workspaceType)
                + ", dialect=" + dialect + '}';
    }
}
