package com.docsdk.document360;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.document360.model.StartExportRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What to export: the format ({@code "pdf"}, {@code "html"}, {@code "markdown"}...; required), the language and the
 * workspace. Values are checked when set, before any request. Immutable.
 *
 * <pre>{@code
 * ExportRequest pdf = ExportRequest.builder()
 *         .format("pdf")
 *         .languageCode("en")
 *         .workspaceId(UUID.fromString("1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6"))  // or .workspace(WorkspaceRef.byName("v2.0"))
 *         .build();
 * }</pre>
 *
 * <p><b>Workspace.</b> One notion, the workspace, whichever server the export goes to. The client sends it in the
 * field that server expects, and only that one: {@code workspace_id} to a v3.1 server, {@code project_version_id} to
 * an older one that still speaks project versions (see {@link WorkspaceDialect}). {@link Builder#projectVersionId(UUID)}
 * is a deprecated alias of {@link Builder#workspaceId(UUID)}. A workspace given by id is sent as given; one given by
 * name, or none given (the project's default workspace), is looked up first (one listing of the project's
 * workspaces), so the start always names exactly one workspace.
 */
public final class ExportRequest {
    /** Formats are open-ended words such as {@code pdf}, {@code html}, {@code markdown}. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    /** A language tag such as {@code en}, {@code fr}, {@code pt-BR}, {@code zh-Hant}. */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final WorkspaceRef workspace;
    private final String languageCode;
    private final String format;

    private ExportRequest(Builder b) {
        this.workspace = b.workspace;
        this.languageCode = b.languageCode;
        this.format = b.format;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An export in {@code format} of the project's default workspace, in the project's default language. */
    public static ExportRequest ofFormat(String format) {
        return builder().format(format).build();
    }

    /** The workspace to export: by id, by name or {@link WorkspaceRef#defaultWorkspace()} (when none was set). */
    public WorkspaceRef workspace() {
        return workspace;
    }

    /**
     * The workspace id, when the workspace was given by id.
     *
     * @deprecated project versions are workspaces since v3.1: use {@link #workspace()}
     */
    @Deprecated
    public Optional<UUID> projectVersionId() {
        return workspace.id();
    }

    public Optional<String> languageCode() {
        return Optional.ofNullable(languageCode);
    }

    /** The export file format; always set. */
    public String format() {
        return format;
    }

    /**
     * The wire body for a server of {@code dialect}: the workspace id in that server's field, never in both.
     *
     * @param workspaceId the resolved workspace to export
     */
    @SuppressWarnings("deprecation") // project_version_id is deprecated in the spec, and older servers need it
    StartExportRequest toBody(WorkspaceDialect dialect, UUID workspaceId) {
        StartExportRequest body = new StartExportRequest().langCode(languageCode).format(format);
        return dialect == WorkspaceDialect.WORKSPACES ? body.workspaceId(workspaceId.toString())
                : body.projectVersionId(workspaceId);
    }

    @Override
    public String toString() {
        return "ExportRequest{format=" + format + ", languageCode=" + languageCode + ", workspace=" + workspace + '}';
    }

    /** Builds an {@link ExportRequest}; each setter rejects a bad value at once, {@link #build()} a missing format. */
    public static final class Builder {
        private WorkspaceRef workspace = WorkspaceRef.defaultWorkspace();
        private String languageCode;
        private String format;

        private Builder() {
        }

        /** The workspace to export: by id, by name, or the default one (the default when not set). */
        public Builder workspace(WorkspaceRef workspace) {
            this.workspace = ClientValidationException.requireNonNull("workspace", workspace);
            return this;
        }

        /** The workspace to export, as listed by {@link Document360Client#listWorkspaces(UUID)}. */
        public Builder workspace(Workspace workspace) {
            ClientValidationException.requireNonNull("workspace", workspace);
            UUID id = workspace.id().orElseThrow(() -> new ClientValidationException("workspace",
                    "has no id (the server listed it without one): " + workspace));
            return workspace(WorkspaceRef.byId(id));
        }

        /** The workspace with this id (from {@link Document360Client#listWorkspaces(UUID)}). */
        public Builder workspaceId(UUID workspaceId) {
            return workspace(WorkspaceRef.byId(workspaceId));
        }

        /**
         * The workspace with this id, as text.
         *
         * @throws ClientValidationException naming {@code workspaceId} unless it is a UUID (every workspace id the API
         *     hands out is one, and an older server's {@code project_version_id} must be one)
         */
        public Builder workspaceId(String workspaceId) {
            return workspace(WorkspaceRef.byId(workspaceId));
        }

        /**
         * The project version to export: the same as {@link #workspaceId(UUID)}, which is sent as
         * {@code project_version_id} only to a server that speaks project versions.
         *
         * @deprecated the v3.1 API renamed project versions to workspaces: use {@link #workspaceId(UUID)}
         */
        @Deprecated
        public Builder projectVersionId(UUID projectVersionId) {
            return workspace(WorkspaceRef.byId(ClientValidationException.requireNonNull("projectVersionId",
                    projectVersionId)));
        }

        /** The language to export, e.g. {@code "en"}, {@code "fr"}, {@code "pt-BR"}. */
        public Builder languageCode(String languageCode) {
            ClientValidationException.requireNonBlank("languageCode", languageCode);
            ClientValidationException.require(LANGUAGE.matcher(languageCode).matches(), "languageCode",
                    "must be a language code such as \"en\" or \"pt-BR\", was \"" + languageCode + "\"");
            this.languageCode = languageCode;
            return this;
        }

        /**
         * The export file format, e.g. {@code "pdf"}, {@code "html"}, {@code "markdown"} (the vendor publishes no
         * closed list): letters, digits, {@code . _ -}, at most 32 characters. Required.
         */
        public Builder format(String format) {
            ClientValidationException.requireNonBlank("format", format);
            ClientValidationException.require(FORMAT.matcher(format).matches(), "format",
                    "must be a format name such as \"pdf\", \"html\" or \"markdown\" (letters, digits, '.', '_', '-';"
                            + " at most 32 characters), was \"" + format + "\"");
            this.format = format;
            return this;
        }

        /**
         * The request.
         *
         * @throws ClientValidationException naming {@code format} when none was set (the API requires one)
         */
        public ExportRequest build() {
            ClientValidationException.require(format != null, "format",
                    "required: the export file format, e.g. \"pdf\", \"html\" or \"markdown\"");
            return new ExportRequest(this);
        }
    }
}
