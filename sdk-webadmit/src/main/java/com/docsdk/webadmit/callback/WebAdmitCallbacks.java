package com.docsdk.webadmit.callback;

import com.docsdk.core.callback.CallbackEndpoint;
import com.docsdk.core.callback.CallbackFields;
import com.docsdk.core.callback.CallbackParser;
import com.docsdk.core.callback.CallbackPolicy;
import com.docsdk.core.callback.CallbackRequest;
import com.docsdk.core.error.ClientValidationException;
import java.util.Map;

/**
 * WebAdMIT's two callbacks, their parsers and endpoints for a {@link com.docsdk.core.callback.CallbackDispatcher}.
 *
 * <pre>{@code
 * CallbackDispatcher callbacks = CallbackDispatcher.builder(urls)
 *         .on(WebAdmitCallbacks.exportFile(), event -> {
 *             ExportFile file = event.fetch(webAdmit);              // authoritative, with its download URL
 *             if (ExportFileStatus.of(file).hasFile()) download(file);
 *         })
 *         .on(WebAdmitCallbacks.pdfManagerBatch(), event -> queue.publish(event.fetch(webAdmit)))
 *         .build();
 * // callback URLs: urls.url(WebAdmitCallbacks.EXPORT_FILE_ROUTE), urls.url(WebAdmitCallbacks.PDF_MANAGER_ROUTE)
 * }</pre>
 *
 * <p>WebAdMIT documents no retry and no expected answer; both endpoints answer 200 after the handler, 500 with its
 * message when it fails. The PDF Manager only calls {@code https://} URLs.
 */
public final class WebAdmitCallbacks {
    /** The default route of the export-file callback. */
    public static final String EXPORT_FILE_ROUTE = "webadmit-export";
    /** The default route of the PDF Manager batch callback. */
    public static final String PDF_MANAGER_ROUTE = "webadmit-pdf";

    private WebAdmitCallbacks() {
    }

    /** The export-file callback on {@link #EXPORT_FILE_ROUTE}. */
    public static CallbackEndpoint<WebAdmitExportFileEvent> exportFile() {
        return new CallbackEndpoint<>(EXPORT_FILE_ROUTE, exportFileParser(), CallbackPolicy.synchronous());
    }

    /** The PDF Manager batch callback on {@link #PDF_MANAGER_ROUTE}. */
    public static CallbackEndpoint<WebAdmitPdfManagerBatchEvent> pdfManagerBatch() {
        return new CallbackEndpoint<>(PDF_MANAGER_ROUTE, pdfManagerBatchParser(), CallbackPolicy.synchronous());
    }

    /** The export-file parser. */
    public static CallbackParser<WebAdmitExportFileEvent> exportFileParser() {
        return WebAdmitCallbacks::parseExportFile;
    }

    /** The PDF Manager batch parser. */
    public static CallbackParser<WebAdmitPdfManagerBatchEvent> pdfManagerBatchParser() {
        return WebAdmitCallbacks::parsePdfManagerBatch;
    }

    /**
     * Parses an export-file callback: a form ({@code export_file[id]=...}, as WebAdMIT sends it) or JSON (when the
     * body starts with <code>{</code> or the content type says JSON).
     *
     * @throws ClientValidationException naming the body or the missing field for anything else
     */
    public static WebAdmitExportFileEvent parseExportFile(CallbackRequest request) {
        ClientValidationException.requireNonNull("request", request);
        return new WebAdmitExportFileEvent(fields(request));
    }

    /**
     * Parses a PDF Manager batch callback (JSON; a form is read too).
     *
     * @throws ClientValidationException naming the body or the missing field for anything else
     */
    public static WebAdmitPdfManagerBatchEvent parsePdfManagerBatch(CallbackRequest request) {
        ClientValidationException.requireNonNull("request", request);
        return new WebAdmitPdfManagerBatchEvent(fields(request));
    }

    private static Map<String, Object> fields(CallbackRequest request) {
        byte[] body = request.body();
        boolean json = request.mediaType().map(t -> t.endsWith("json")).orElse(false) || startsWithBrace(body);
        return json ? CallbackFields.jsonObject(body) : CallbackFields.form(body);
    }

    private static boolean startsWithBrace(byte[] body) {
        for (byte b : body) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return false;
    }
}
