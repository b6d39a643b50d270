package com.docsdk.document360;

import com.docsdk.core.ClientValidationException;
import com.docsdk.document360.generated.model.StartExportRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What to export: the format ({@code "pdf"}, {@code "html"}, {@code "markdown"}...), the language and the project
 * version. Every field is optional, as in the vendor's API; values are checked when set, before any request.
 * Immutable.
 *
 * <pre>{@code
 * ExportRequest pdf = ExportRequest.builder()
 *         .format("pdf")
 *         .languageCode("en")
 *         .projectVersionId(UUID.fromString("1c2d3e4f-5a6b-7c8d-9e0f-a1b2c3d4e5f6"))
 *         .build();
 * }</pre>
 */
public final class ExportRequest {
    /** Formats are open-ended words such as {@code pdf}, {@code html}, {@code markdown}. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    /** A language tag such as {@code en}, {@code fr}, {@code pt-BR}, {@code zh-Hant}. */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final UUID projectVersionId;
    private final String languageCode;
    private final String format;

    private ExportRequest(Builder b) {
        this.projectVersionId = b.projectVersionId;
        this.languageCode = b.languageCode;
        this.format = b.format;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An export in {@code format} with the project's defaults for language and version. */
    public static ExportRequest ofFormat(String format) {
        return builder().format(format).build();
    }

    public Optional<UUID> projectVersionId() {
        return Optional.ofNullable(projectVersionId);
    }

    public Optional<String> languageCode() {
        return Optional.ofNullable(languageCode);
    }

    public Optional<String> format() {
        return Optional.ofNullable(format);
    }

    StartExportRequest toGenerated() {
        return new StartExportRequest().projectVersionId(projectVersionId).langCode(languageCode).format(format);
    }

    @Override
    public String toString() {
        return "ExportRequest{format=" + format + ", languageCode=" + languageCode + ", projectVersionId="
                + projectVersionId + '}';
    }

    /** Builds an {@link ExportRequest}; each setter rejects a bad value at once. */
    public static final class Builder {
        private UUID projectVersionId;
        private String languageCode;
        private String format;

        private Builder() {
        }

        /** The project version to export (from {@code listProjectVersions}); default: the vendor's choice. */
        public Builder projectVersionId(UUID projectVersionId) {
            this.projectVersionId = ClientValidationException.requireNonNull("projectVersionId", projectVersionId);
            return this;
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
         * closed list): letters, digits, {@code . _ -}, at most 32 characters.
         */
        public Builder format(String format) {
            ClientValidationException.requireNonBlank("format", format);
            ClientValidationException.require(FORMAT.matcher(format).matches(), "format",
                    "must be a format name such as \"pdf\", \"html\" or \"markdown\" (letters, digits, '.', '_', '-';"
                            + " at most 32 characters), was \"" + format + "\"");
            this.format = format;
            return this;
        }

        public ExportRequest build() {
            return new ExportRequest(this);
        }
    }
}
