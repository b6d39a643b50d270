package com.docsdk.webadmit.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.callback.CallbackRequest;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.webadmit.ExportFileStatus;
import com.docsdk.webadmit.PdfManagerBatchState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WebAdmitCallbacksTest {

    private static CallbackRequest request(String contentType, String body) {
        return CallbackRequest.of("POST", "/x", contentType == null ? null
                : Map.of("Content-Type", List.of(contentType)), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDocumentedFormReads() {
        WebAdmitExportFileEvent e = WebAdmitCallbacks.parseExportFile(request("application/x-www-form-urlencoded",
                "export_file[id]=99752&export_file[export_id]=123316&export_file[status]=Available"));
        assertEquals(99752, e.exportFileId());
        assertEquals(123316, e.exportId());
        assertEquals("Available", e.statusText());
        assertEquals(ExportFileStatus.AVAILABLE, e.status());
        assertEquals("webadmit:export_file:99752:available", e.idempotencyKey());
        assertEquals("export_file", e.kind());
        assertEquals(Map.of(), e.unknownFields());
    }

    @Test
    void encodedBracketsJsonAndOtherCasingsRead() {
        WebAdmitExportFileEvent encoded = WebAdmitCallbacks.parseExportFile(request(null,
                "export_file%5Bid%5D=1&export_file%5Bexport_id%5D=2&export_file%5Bstatus%5D=Success+With+Errors"
                        + "&extra=1"));
        assertEquals(1, encoded.exportFileId());
        assertEquals(ExportFileStatus.SUCCESS_WITH_ERRORS, encoded.status());
        assertEquals("webadmit:export_file:1:success_with_errors", encoded.idempotencyKey());
        assertEquals(Map.of("extra", "1"), encoded.unknownFields());
        WebAdmitExportFileEvent json = WebAdmitCallbacks.parseExportFile(request("text/plain",
                " {\"Export_Files\":{\"ID\":5,\"exportId\":6,\"STATUS\":\"available\"}}"));
        assertEquals(5, json.exportFileId());
        assertEquals(6, json.exportId());
        WebAdmitExportFileEvent flat = WebAdmitCallbacks.parseExportFile(request("application/json",
                "{\"id\":\"7\",\"export_id\":8}"));
        assertEquals("webadmit:export_file:7:", flat.idempotencyKey());
        assertEquals(ExportFileStatus.UNKNOWN, flat.status());
    }

    @Test
    void badExportCallbacksNameTheField() {
        assertEquals("export_file[id]", assertThrows(ClientValidationException.class, () -> WebAdmitCallbacks
                .parseExportFile(request(null, "export_file[export_id]=2"))).field());
        assertEquals("export_file[id]", assertThrows(ClientValidationException.class, () -> WebAdmitCallbacks
                .parseExportFile(request(null, "export_file[id]=x&export_file[export_id]=2"))).field());
        assertEquals("export_file[id]", assertThrows(ClientValidationException.class, () -> WebAdmitCallbacks
                .parseExportFile(request(null, "export_file[id]=0&export_file[export_id]=2"))).field());
        assertEquals("export_file[export_id]", assertThrows(ClientValidationException.class, () ->
                WebAdmitCallbacks.parseExportFile(request(null, "export_file[id]=1"))).field());
        assertEquals("body", assertThrows(ClientValidationException.class, () -> WebAdmitCallbacks
                .parseExportFile(request(null, "export_file[id]=%G1"))).field());
        assertEquals("body", assertThrows(ClientValidationException.class, () -> WebAdmitCallbacks
                .parseExportFile(request("application/json", "export_file[id]=1"))).field());
        assertEquals("request", assertThrows(ClientValidationException.class,
                () -> WebAdmitCallbacks.parseExportFile(null)).field());
    }

    @Test
    void thePdfManagerBatchReadsInTheSchemaOfItsGet() {
        WebAdmitPdfManagerBatchEvent e = WebAdmitCallbacks.parsePdfManagerBatch(request("application/json",
                "{\"pdf_manager_batch\":{\"href\":\"/api/v1/user_identities/1/pdf_manager_batches/42\",\"id\":42,"
                        + "\"updated_at\":\"2016-01-05T16:51:00Z\",\"state\":\"success_with_errors\","
                        + "\"download_hrefs\":[\"/api/v1/user_identities/1/pdf_manager_zip_files/2/download\"],"
                        + "\"pdf_manager_template\":{\"href\":\"/x\",\"id\":2,\"name\":\"Full_Application\"}}}"));
        assertEquals(42, e.batchId());
        assertEquals(Optional.of(1L), e.userIdentityId());
        assertEquals(PdfManagerBatchState.SUCCESS_WITH_ERRORS, e.state());
        assertEquals("success_with_errors", e.stateText());
        assertEquals(List.of("/api/v1/user_identities/1/pdf_manager_zip_files/2/download"), e.downloadHrefs());
        assertEquals(Optional.of("Full_Application"), e.templateName());
        assertEquals("webadmit:pdf_manager_batch:42:success_with_errors", e.idempotencyKey());
        WebAdmitPdfManagerBatchEvent bare = WebAdmitCallbacks.parsePdfManagerBatch(request(null,
                "{\"ID\":\"9\",\"State\":\"Available\",\"other\":true}"));
        assertEquals(Optional.empty(), bare.userIdentityId());
        assertEquals("webadmit:pdf_manager_batch:9:available", bare.idempotencyKey());
        assertEquals("webadmit:pdf_manager_batch:9:brand_new", WebAdmitCallbacks.parsePdfManagerBatch(
                request(null, "{\"id\":9,\"state\":\"Brand_New\"}")).idempotencyKey());
        assertEquals("userIdentityId", assertThrows(ClientValidationException.class, () -> bare.fetch(null))
                .field());
        assertEquals("client", assertThrows(ClientValidationException.class, () -> e.fetch(null)).field());
        assertEquals(Optional.empty(), WebAdmitCallbacks.parsePdfManagerBatch(request(null,
                "{\"id\":9,\"href\":\"/api/v1/user_identities/99999999999999999999/pdf_manager_batches/9\"}"))
                .userIdentityId());
    }

    @Test
    void badBatchCallbacksNameTheField() {
        for (String body : new String[] {"{\"pdf_manager_batch\":{\"state\":\"available\"}}", "{\"id\":\"x\"}",
            "{\"id\":-1}", "{\"id\":1.5}"}) {
            assertEquals("pdf_manager_batch.id", assertThrows(ClientValidationException.class,
                    () -> WebAdmitCallbacks.parsePdfManagerBatch(request("application/json", body))).field(), body);
        }
        assertEquals("request", assertThrows(ClientValidationException.class,
                () -> WebAdmitCallbacks.parsePdfManagerBatch(null)).field());
        assertEquals(WebAdmitCallbacks.EXPORT_FILE_ROUTE, WebAdmitCallbacks.exportFile().route());
        assertEquals(WebAdmitCallbacks.PDF_MANAGER_ROUTE, WebAdmitCallbacks.pdfManagerBatch().route());
        assertEquals(200, WebAdmitCallbacks.exportFile().policy().successStatus());
        assertTrue(WebAdmitCallbacks.exportFileParser().parse(request(null,
                "export_file[id]=1&export_file[export_id]=2")) instanceof WebAdmitExportFileEvent);
        assertTrue(WebAdmitCallbacks.pdfManagerBatchParser().parse(request(null, "id=3"))
                instanceof WebAdmitPdfManagerBatchEvent);
    }

    @Test
    void randomBytesOnlyEverGiveAValidationError() {
        Random random = new Random(1901);
        String alphabet = "export_file[id]=&%5B%5D0123456789{}\":,pdf_manager_batchstate+ ";
        for (int i = 0; i < 4000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            if (i % 2 == 0) {
                random.nextBytes(bytes);
            } else {
                for (int j = 0; j < bytes.length; j++) {
                    bytes[j] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
            }
            String type = i % 3 == 0 ? "application/json" : i % 3 == 1 ? "application/x-www-form-urlencoded" : null;
            CallbackRequest r = CallbackRequest.of("POST", "/", type == null ? null : Map.of("Content-Type",
                    List.of(type)), bytes);
            try {
                WebAdmitCallbacks.parseExportFile(r);
            } catch (ClientValidationException expected) {
                // the only failure allowed
            }
            try {
                WebAdmitCallbacks.parsePdfManagerBatch(r);
            } catch (ClientValidationException expected) {
                // the only failure allowed
            }
        }
    }
}
