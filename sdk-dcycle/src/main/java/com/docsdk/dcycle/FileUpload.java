package com.docsdk.dcycle;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.Redactor;
import com.docsdk.dcycle.model.PresignedUrlRequestItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.MediaType;

/**
 * One file to upload with {@link DcycleClient#uploadFiles(java.util.List)}. Everything Dcycle asks for is derived
 * from the file and checked when the value is built, before any request: the name (file name without the
 * extension), the extension, the MIME type (from the extension; the presigned PUT is sent with exactly this type)
 * and the size in kilobytes (rounded up). Each can be set explicitly instead.
 *
 * <pre>{@code
 * FileUpload invoice = FileUpload.of(Path.of("water-invoice-2024-03.pdf"));   // name, pdf, application/pdf, size
 * FileUpload report = FileUpload.builder(Path.of("exports/q1.bin"))
 *         .name("waste-report-q1").extension("xlsx")                       // MIME type from "xlsx"
 *         .folderId("5f1b8c2e-7a4d-4e3b-9c1a-2d6f8e9a0b1c")
 *         .build();
 * }</pre>
 */
public final class FileUpload {
    /** The longest name accepted (without the extension). */
    public static final int MAX_NAME_LENGTH = 255;

    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,16}");

    private final Path file;
    private final String name;
    private final String extension;
    private final String mimeType;
    private final int sizeKb;
    private final long sizeBytes;
    private final String folderId;

    private FileUpload(Path file, String name, String extension, String mimeType, long sizeBytes, String folderId) {
        this.file = file;
        this.name = name;
        this.extension = extension;
        this.mimeType = mimeType;
        this.sizeBytes = sizeBytes;
        this.sizeKb = (int) ((sizeBytes + 1023) / 1024);
        this.folderId = folderId;
    }

    /**
     * The file with everything derived from it, uploaded at the root level.
     *
     * @throws ClientValidationException when the file is missing, unreadable or empty, has no extension, or has an
     *     extension whose MIME type is not known (use {@link #builder(Path)} and set it)
     */
    public static FileUpload of(Path file) {
        return builder(file).build();
    }

    /** A builder for {@code file}, to override the derived values or upload into a folder. */
    public static Builder builder(Path file) {
        return new Builder(ClientValidationException.requireNonNull("file", file));
    }

    /** The file whose bytes are uploaded. */
    public Path file() {
        return file;
    }

    /** The name sent to Dcycle, without the extension. */
    public String name() {
        return name;
    }

    /** The extension sent to Dcycle, without the dot. */
    public String extension() {
        return extension;
    }

    /** The MIME type sent to Dcycle and on the presigned PUT. */
    public String mimeType() {
        return mimeType;
    }

    /** The size sent to Dcycle, in kilobytes rounded up. */
    public int sizeKb() {
        return sizeKb;
    }

    /** The size in bytes when the value was built. */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** The folder to upload into; empty for the root level. */
    public Optional<String> folderId() {
        return Optional.ofNullable(folderId);
    }

    PresignedUrlRequestItem toRequestItem() {
        return new PresignedUrlRequestItem().name(name).extension(extension).mimeType(mimeType).sizeKb(sizeKb)
                .folderId(folderId);
    }

    @Override
    public String toString() {
        return "FileUpload{file=" + Redactor.field("file", file) + ", name=" + Redactor.field("name", name)
                + ", extension=" + Redactor.field("extension", extension) + ", mimeType="
                + Redactor.field("mimeType", mimeType) + ", sizeKb=" + sizeKb
                + (folderId == null ? "" : ", folderId=" + Redactor.field("folderId", folderId)) + '}';
    }

    /** Builds a {@link FileUpload}; unset values are derived from the file. */
    public static final class Builder {
        private final Path file;
        private String name;
        private String extension;
        private String mimeType;
        private String folderId;

        private Builder(Path file) {
            this.file = file;
        }

        /** The name to send (without the extension); default the file name up to its last dot. */
        public Builder name(String name) {
            this.name = ClientValidationException.requireNonBlank("name", name);
            return this;
        }

        /** The extension to send (without the dot); default the file name after its last dot. */
        public Builder extension(String extension) {
            this.extension = ClientValidationException.requireNonBlank("extension", extension);
            return this;
        }

        /** The MIME type to send and to upload with; default derived from the extension. */
        public Builder mimeType(String mimeType) {
            this.mimeType = ClientValidationException.requireNonBlank("mimeType", mimeType);
            return this;
        }

        /** The folder to upload into; default the root level. */
        public Builder folderId(String folderId) {
            this.folderId = DcycleClient.requireId("folderId", folderId);
            return this;
        }

        /**
         * Checks the file and derives what was not set.
         *
         * @throws ClientValidationException naming the problem ({@code file}, {@code name}, {@code extension},
         *     {@code mimeType})
         */
        public FileUpload build() {
            ClientValidationException.require(Files.isRegularFile(file), "file", "not a regular file: " + file);
            ClientValidationException.require(Files.isReadable(file), "file", "not readable: " + file);
            long size = size(file);
            ClientValidationException.require(size > 0, "file", "is empty: " + file);
            ClientValidationException.require(size <= (long) Integer.MAX_VALUE * 1024, "file",
                    "is too large for Dcycle's size_kb: " + file);

            String fileName = file.getFileName().toString();
            int dot = fileName.lastIndexOf('.');
            String derivedName = dot >= 0 ? fileName.substring(0, dot) : fileName;
            String derivedExtension = dot >= 0 && dot < fileName.length() - 1 ? fileName.substring(dot + 1) : null;

            String n = name != null ? name : derivedName;
            ClientValidationException.require(!n.isBlank(), "name", "the file name has no name before its extension: "
                    + fileName + "; set name(...)");
            ClientValidationException.require(n.length() <= MAX_NAME_LENGTH, "name",
                    "must be at most " + MAX_NAME_LENGTH + " characters");
            ClientValidationException.require(n.indexOf('/') < 0 && n.indexOf('\\') < 0, "name",
                    "must not contain a path separator");

            String ext = extension != null ? extension : derivedExtension;
            ClientValidationException.require(ext != null, "extension",
                    "the file name has no extension: " + fileName + "; set extension(...)");
            ClientValidationException.require(EXTENSION.matcher(ext).matches(), "extension",
                    "must be 1 to 16 letters or digits without the dot, was '" + ext + "'");

            String type = mimeType != null ? mimeType : MimeTypes.forExtension(ext).orElseThrow(() ->
                    new ClientValidationException("mimeType", "no MIME type is known for extension '" + ext
                            + "'; set mimeType(...)"));
            MediaType parsed = MediaType.parse(type);
            ClientValidationException.require(parsed != null && type.equals(type.strip()), "mimeType",
                    "not a MIME type: '" + type + "'");
            return new FileUpload(file, n, ext, type, size, folderId);
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new ClientValidationException("file", "cannot read the size of " + file + ": " + e.getMessage());
            }
        }
    }
}
