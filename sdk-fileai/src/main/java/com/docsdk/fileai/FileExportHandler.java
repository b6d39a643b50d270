package com.docsdk.fileai;

import com.docsdk.fileai.model.FileInfo;

/**
 * Your side of a pull integration: exports one fileAI file into your system. Called by
 * {@link FileAiClient#syncExports(ExportCheckpointStore, FileExportHandler)} once per file that changed since the last
 * run, after the file was reported as {@code exporting}.
 *
 * <p>An exception (checked or not) is reported to fileAI as {@code error} with its message, and the run goes on with
 * the next file. A file can be handed over again after a crash between your export and the status report reaching
 * the checkpoint, so make the export idempotent (e.g. keyed by {@code file.getFileId()}).
 *
 * <pre>{@code
 * FileExportHandler toErp = file -> {
 *     String docNo = erp.importInvoice(file.getFileId(), client.fileValues(file.getFileId()).stream().toList());
 *     return ExportOutcome.completed("Imported to ERP as " + docNo);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface FileExportHandler {
    /**
     * Exports one file.
     *
     * @return what happened; {@code null} counts as a failure
     * @throws Exception any failure: reported as {@code error} with its message
     */
    ExportOutcome export(FileInfo file) throws Exception;
}
