package com.docsdk.fileai;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.Redactor;
import com.docsdk.core.transfer.TransferProgress;
import com.docsdk.fileai.model.FileUploadRequest;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;

/**
 * A document to upload with {@link FileAiClient#upload(FileUpload)}: its bytes (a file, or a stream that can be
 * reopened), its name and MIME type, and fileAI's processing options. Everything is validated by
 * {@link Builder#build()}, before any request is sent. Immutable.
 *
 * <pre>{@code
 * FileUpload invoice = FileUpload.file(Path.of("invoice.pdf"))      // name and type from the file
 *         .callbackUrl("https://erp.example.com/fileai-callback")
 *         .apiRequestId("batch-2025-06-11")
 *         .build();
 * FileUpload zip = FileUpload.stream("scans.zip", () -> openZip(), zipLength)
 *         .build();                                                 // application/zip: each entry becomes a document
 * }</pre>
 */
public final class FileUpload {
    static final String ZIP = "application/zip";

    /** MIME types guessed from common extensions when {@code fileType} is not given. */
    private static final Map<String, String> TYPES_BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("gif", "image/gif"),
            Map.entry("bmp", "image/bmp"),
            Map.entry("webp", "image/webp"),
            Map.entry("heic", "image/heic"),
            Map.entry("zip", ZIP),
            Map.entry("csv", "text/csv"),
            Map.entry("txt", "text/plain"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));

    private final Path file;
    private final Supplier<InputStream> stream;
    private final long length;
    private final String fileName;
    private final String fileType;
    private final Boolean split;
    private final Boolean splitExcel;
    private final String callbackUrl;
    private final String ocrModel;
    private final Boolean schemaLocking;
    private final String directoryId;
    private final Boolean ephemeral;
    private final Integer pageCount;
    private final String apiRequestId;
    private final TransferProgress progress;

    private FileUpload(Builder b, String fileType) {
        this.file = b.file;
        this.stream = b.stream;
        this.length = b.length;
        this.fileName = b.fileName;
        this.fileType = fileType;
        this.split = b.split;
        this.splitExcel = b.splitExcel;
        this.callbackUrl = b.callbackUrl;
        this.ocrModel = b.ocrModel;
        this.schemaLocking = b.schemaLocking;
        this.directoryId = b.directoryId;
        this.ephemeral = b.ephemeral;
        this.pageCount = b.pageCount;
        this.apiRequestId = b.apiRequestId;
        this.progress = b.progress;
    }

    /** An upload of a file on disk (streamed, never held in memory); name and type default from the path. */
    public static Builder file(Path file) {
        ClientValidationException.requireNonNull("file", file);
        return new Builder(file, null, -1, file.getFileName() == null ? null : file.getFileName().toString());
    }

    /**
     * An upload of {@code length} bytes read from streams {@code opener} returns (called again if the PUT is retried,
     * so it must return a fresh stream over the same bytes).
     */
    public static Builder stream(String fileName, Supplier<InputStream> opener, long length) {
        ClientValidationException.requireNonNull("opener", opener);
        ClientValidationException.require(length >= 0, "length", "must not be negative, got " + length);
        return new Builder(null, opener, length, fileName);
    }

    public String fileName() {
        return fileName;
    }

    /** The MIME type declared to fileAI; the bytes are PUT with exactly this {@code Content-Type}. */
    public String fileType() {
        return fileType;
    }

    /** Whether this is a ZIP archive (each contained file becomes a document). */
    public boolean isZip() {
        return ZIP.equals(fileType);
    }

    /** The file uploaded, unless the bytes come from a stream. */
    public Optional<Path> path() {
        return Optional.ofNullable(file);
    }

    Supplier<InputStream> stream() {
        return stream;
    }

    long length() {
        return length;
    }

    TransferProgress progress() {
        return progress;
    }

    /** The body of {@code POST /prod/v1/files/upload}; options left unset are not sent. */
    FileUploadRequest toRequest() {
        return new FileUploadRequest().fileName(fileName).fileType(fileType).isSplit(split).isSplitExcel(splitExcel)
                .callbackURL(callbackUrl).ocrModel(ocrModel).schemaLocking(schemaLocking).directoryId(directoryId)
                .isEphemeral(ephemeral).pageCount(pageCount).apiRequestId(apiRequestId);
    }

    @Override
    public String toString() {
        return "FileUpload{" + (file != null ? "file=" + Redactor.field("file", file) : "stream, length=" + length)
                + ", fileName=" + Redactor.field("fileName", fileName) + ", fileType="
                + Redactor.field("fileType", fileType) + '}';
    }

    static Optional<String> guessType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(TYPES_BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** Builds a {@link FileUpload}. */
    public static final class Builder {
        private final Path file;
        private final Supplier<InputStream> stream;
        private final long length;
        private String fileName;
        private String fileType;
        private Boolean split;
        private Boolean splitExcel;
        private String callbackUrl;
        private String ocrModel;
        private Boolean schemaLocking;
        private String directoryId;
        private Boolean ephemeral;
        private Integer pageCount;
        private String apiRequestId;
        private TransferProgress progress = TransferProgress.NONE;

        private Builder(Path file, Supplier<InputStream> stream, long length, String fileName) {
            this.file = file;
            this.stream = stream;
            this.length = length;
            this.fileName = fileName;
        }

        /** The document's name in fileAI, e.g. {@code invoice.pdf}; a ZIP archive's must end in {@code .zip}. */
        public Builder fileName(String fileName) {
            this.fileName = ClientValidationException.requireNonBlank("fileName", fileName);
            return this;
        }

        /** The MIME type, e.g. {@code application/pdf}; {@code application/zip} for an archive. */
        public Builder fileType(String fileType) {
            this.fileType = ClientValidationException.requireNonBlank("fileType", fileType).trim();
            return this;
        }

        /** Process the file as separate pages/sections. */
        public Builder split(boolean split) {
            this.split = split;
            return this;
        }

        /** Split an Excel workbook by worksheet. */
        public Builder splitExcel(boolean splitExcel) {
            this.splitExcel = splitExcel;
            return this;
        }

        /** Where fileAI POSTs processing events; must be an HTTPS URL. */
        public Builder callbackUrl(String url) {
            this.callbackUrl = ClientValidationException.requireNonBlank("callbackUrl", url).trim();
            return this;
        }

        /** The OCR model, e.g. {@code Beethoven_ENG_O5.6} (the list changes over time; any name is passed on). */
        public Builder ocrModel(String model) {
            this.ocrModel = ClientValidationException.requireNonBlank("ocrModel", model).trim();
            return this;
        }

        /** Lock the schema after the upload. */
        public Builder schemaLocking(boolean locking) {
            this.schemaLocking = locking;
            return this;
        }

        /** The directory to upload into. */
        public Builder directoryId(String directoryId) {
            this.directoryId = ClientValidationException.requireNonBlank("directoryId", directoryId).trim();
            return this;
        }

        /** Have fileAI delete the file and its data automatically 24 hours after the upload. */
        public Builder ephemeral(boolean ephemeral) {
            this.ephemeral = ephemeral;
            return this;
        }

        /** The page count, for early validation against page limits (not for ZIP archives); at least 1. */
        public Builder pageCount(int pageCount) {
            ClientValidationException.require(pageCount >= 1, "pageCount", "must be at least 1, got " + pageCount);
            this.pageCount = pageCount;
            return this;
        }

        /** Your correlation id, shared by every file of a ZIP archive. */
        public Builder apiRequestId(String apiRequestId) {
            this.apiRequestId = ClientValidationException.requireNonBlank("apiRequestId", apiRequestId);
            return this;
        }

        /** Progress of the PUT of the bytes. */
        public Builder progress(TransferProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * Validates everything: a readable source, a file name, a parseable MIME type (guessed from the name's
         * extension when not given), an HTTPS callback URL, a {@code .zip} name and no page count for archives.
         */
        public FileUpload build() {
            if (file != null) {
                ClientValidationException.require(Files.isRegularFile(file), "file", "not a file: " + file);
                ClientValidationException.require(Files.isReadable(file), "file", "not readable: " + file);
            }
            ClientValidationException.requireNonBlank("fileName", fileName);
            ClientValidationException.require(fileName.indexOf('/') < 0 && fileName.indexOf('\\') < 0, "fileName",
                    "must be a name, not a path: " + fileName);
            String type = fileType != null ? fileType : guessType(fileName).orElseThrow(() ->
                    new ClientValidationException("fileType", "cannot tell the MIME type of '" + fileName
                            + "' from its extension; set fileType(...)"));
            ClientValidationException.require(MediaType.parse(type) != null, "fileType", "not a MIME type: " + type);
            if (ZIP.equals(type)) {
                ClientValidationException.require(fileName.toLowerCase(Locale.ROOT).endsWith(".zip"), "fileName",
                        "a ZIP archive's name must end in .zip, got " + fileName);
                ClientValidationException.require(pageCount == null, "pageCount",
                        "does not apply to ZIP archives");
            }
            if (callbackUrl != null) {
                HttpUrl url = HttpUrl.parse(callbackUrl);
                ClientValidationException.require(url != null && url.isHttps(), "callbackUrl",
                        "must be a valid HTTPS URL, got " + com.docsdk.core.Redactor.url(callbackUrl));
            }
            return new FileUpload(this, type);
        }
    }
}
