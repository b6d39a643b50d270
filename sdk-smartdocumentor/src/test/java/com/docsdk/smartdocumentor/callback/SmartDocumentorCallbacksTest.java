package com.docsdk.smartdocumentor.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.callback.CallbackRequest;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.smartdocumentor.callback.SmartDocumentorWebhookEvent.Kind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmartDocumentorCallbacksTest {
    private static final String SAS = "https://acct.blob.core.windows.net/c/f.pdf?sv=2024&se=2026&sig=SASSECRET";

    private static CallbackRequest json(String body) {
        return CallbackRequest.of("POST", "/x", Map.of("Content-Type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachKindReadsItsDocumentedFields() {
        SmartDocumentorWebhookEvent e = SmartDocumentorCallbacks.parse(Kind.URL_TO_FILE_ANONYMIZATION, json(
                "{\"taskId\":49,\"totalPages\":3,\"taskNumber\":7,\"workspaceId\":1,\"displayName\":\"Invoice\","
                        + "\"exportedFileUrl\":\"" + SAS + "\"}"));
        assertEquals(49, e.taskId());
        assertEquals(Kind.URL_TO_FILE_ANONYMIZATION, e.webhookKind());
        assertEquals(Optional.of(7L), e.taskNumber());
        assertEquals(Optional.of(1L), e.workspaceId());
        assertEquals(Optional.of("Invoice"), e.displayName());
        assertEquals(Optional.of(SAS), e.exportedFileUrl());
        assertEquals(Optional.empty(), e.externalId());
        assertEquals("smartdocumentor:url_to_file_anonymization:49", e.idempotencyKey());
        assertFalse(e.toString().contains("SASSECRET"), e.toString());
        SmartDocumentorWebhookEvent text = SmartDocumentorCallbacks.parse(Kind.TEXT_DOCUMENTS, json(
                "{\"TaskID\":\"50\",\"externalId\":\"erp-1\",\"restartCount\":2,\"fields\":{\"Total\":\"10\"},"
                        + "\"taskNumber\":\"x\"}"));
        assertEquals("smartdocumentor:text_documents:50:2", text.idempotencyKey());
        assertEquals(Optional.of("erp-1"), text.externalId());
        assertEquals(Optional.empty(), text.taskNumber());
        assertEquals(Map.of("fields", Map.of("Total", "10")), text.unknownFields());
        assertEquals("text_documents", text.kind());
    }

    @Test
    void theKindIsToldFromTheBodyWhenOneRouteTakesAll() {
        assertEquals(Kind.URL_TO_FILE_ANONYMIZATION, SmartDocumentorCallbacks.parse(json(
                "{\"taskId\":1,\"totalPages\":1,\"exportedFileUrl\":\"x\"}")).webhookKind());
        assertEquals(Kind.URL_TO_FILE_TRANSCRIPTS, SmartDocumentorCallbacks.parse(json(
                "{\"taskId\":1,\"exportedFileUrl\":\"x\"}")).webhookKind());
        for (String f : new String[] {"transcript", "Transcription", "speakers", "segments"}) {
            assertEquals(Kind.TRANSCRIPTS, SmartDocumentorCallbacks.parse(json("{\"taskId\":1,\"" + f
                    + "\":[]}")).webhookKind(), f);
        }
        assertEquals(Kind.TEXT_DOCUMENTS, SmartDocumentorCallbacks.parse(json("{\"taskId\":1}")).webhookKind());
        assertEquals("smartdocumentor-url_to_file_transcripts",
                SmartDocumentorCallbacks.webhook(Kind.URL_TO_FILE_TRANSCRIPTS).route());
        assertEquals("smartdocumentor", SmartDocumentorCallbacks.anyWebhook().route());
        assertEquals(500, SmartDocumentorCallbacks.anyWebhook().policy().failureStatus());
        assertEquals(Kind.TRANSCRIPTS, SmartDocumentorCallbacks.webhook(Kind.TRANSCRIPTS).parser()
                .parse(json("{\"taskId\":1}")).webhookKind());
    }

    @Test
    void badWebhooksNameTheField() {
        for (String body : new String[] {"{}", "{\"taskId\":\"abc\"}", "{\"taskId\":0}", "{\"taskId\":null}",
            "{\"taskId\":[1]}"}) {
            assertEquals("taskId", assertThrows(ClientValidationException.class,
                    () -> SmartDocumentorCallbacks.parse(json(body))).field(), body);
        }
        assertEquals("body", assertThrows(ClientValidationException.class,
                () -> SmartDocumentorCallbacks.parse(Kind.TEXT_DOCUMENTS, json("nope"))).field());
        assertEquals("kind", assertThrows(ClientValidationException.class,
                () -> SmartDocumentorCallbacks.webhook(null)).field());
        assertEquals("kind", assertThrows(ClientValidationException.class,
                () -> SmartDocumentorCallbacks.parser(null)).field());
        assertEquals("kind", assertThrows(ClientValidationException.class,
                () -> SmartDocumentorCallbacks.parse(null, json("{}"))).field());
        assertEquals("request", assertThrows(ClientValidationException.class,
                () -> SmartDocumentorCallbacks.parse(Kind.TRANSCRIPTS, null)).field());
        assertEquals("request", assertThrows(ClientValidationException.class,
                () -> SmartDocumentorCallbacks.parse(null)).field());
        assertEquals("fields", assertThrows(ClientValidationException.class,
                () -> SmartDocumentorCallbacks.guessKind(null)).field());
        assertEquals("client", assertThrows(ClientValidationException.class,
                () -> SmartDocumentorCallbacks.parse(json("{\"taskId\":1}")).fetch(null)).field());
    }

    @Test
    void randomBytesOnlyEverGiveAValidationError() {
        Random random = new Random(2002);
        String alphabet = "{}[]\":,taskIdexportedFileUrl0123456789 -.e";
        for (int i = 0; i < 4000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            if (i % 2 == 0) {
                random.nextBytes(bytes);
            } else {
                for (int j = 0; j < bytes.length; j++) {
                    bytes[j] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
            }
            try {
                SmartDocumentorCallbacks.parse(CallbackRequest.of("POST", "/", null, bytes));
            } catch (ClientValidationException expected) {
                // the only failure allowed
            }
        }
    }
}
