package com.docsdk.fileai.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.callback.CallbackRequest;
import com.docsdk.core.error.ClientValidationException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FileAiCallbacksTest {

    private static FileAiCallbackEvent parse(String json) {
        return FileAiCallbacks.parse(CallbackRequest.of("POST", "/fileai", Map.of("Content-Type",
                List.of("application/json")), json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theDocumentedPayloadReads() {
        FileAiCallbackEvent e = parse("{\"status\":\"completed\",\"step\":\"processing_finished\","
                + "\"uploadId\":\"e9818d17\",\"timestamp\":\"2025-06-11T10:30:00Z\",\"fileIds\":\"b765bd00\"}");
        assertEquals("e9818d17", e.uploadId());
        assertEquals("processing_finished", e.step());
        assertEquals("completed", e.status());
        assertEquals(List.of("b765bd00"), e.fileIds());
        assertEquals(Optional.of(OffsetDateTime.parse("2025-06-11T10:30:00Z")), e.timestamp());
        assertTrue(e.isFinished());
        assertFalse(e.isFailed());
        assertEquals("fileai:upload:e9818d17:processing_finished:completed", e.idempotencyKey());
        assertEquals("fileai", e.vendor());
        assertEquals("processing", e.kind());
        assertEquals(Map.of(), e.unknownFields());
    }

    @Test
    void anyCasingArraysAndUnknownFieldsAreTolerated() {
        FileAiCallbackEvent e = parse("{\"Status\":\"FAILED\",\"STEP\":\"Beethoven_OCR\",\"upload_id\":\"u1\","
                + "\"fileIds\":[\"f1\",\"f2\"],\"timestamp\":\"yesterday\",\"newField\":{\"a\":1}}");
        assertEquals("beethoven_ocr", e.step());
        assertEquals("failed", e.status());
        assertTrue(e.isFailed());
        assertFalse(e.isFinished());
        assertEquals(List.of("f1", "f2"), e.fileIds());
        assertEquals(Optional.empty(), e.timestamp());
        assertEquals(Map.of("newField", Map.of("a", "1")), e.unknownFields());
        assertEquals(List.of("f3", "f4"), parse("{\"uploadId\":\"u\",\"step\":\"s\",\"fileId\":\"f3,f4\"}").fileIds());
        assertEquals(List.of(), parse("{\"uploadId\":\"u\",\"status\":\"waiting\"}").fileIds());
        assertEquals("fileai:upload:u::waiting", parse("{\"uploadId\":\"u\",\"status\":\"waiting\"}")
                .idempotencyKey());
        assertFalse(parse("{\"uploadId\":\"u\",\"step\":\"processing_finished\",\"status\":\"waiting\"}")
                .isFinished());
    }

    @Test
    void badPayloadsAreValidationErrorsNamingTheField() {
        assertEquals("uploadId", assertThrows(ClientValidationException.class,
                () -> parse("{\"status\":\"completed\",\"step\":\"x\"}")).field());
        assertEquals("step", assertThrows(ClientValidationException.class, () -> parse("{\"uploadId\":\"u\"}"))
                .field());
        assertEquals("body", assertThrows(ClientValidationException.class, () -> parse("[]")).field());
        assertEquals("body", assertThrows(ClientValidationException.class, () -> parse("{")).field());
        assertEquals("request", assertThrows(ClientValidationException.class,
                () -> FileAiCallbacks.parse((CallbackRequest) null)).field());
        assertEquals("client", assertThrows(ClientValidationException.class,
                () -> parse("{\"uploadId\":\"u\",\"step\":\"s\"}").fetch(null)).field());
        assertEquals(FileAiCallbacks.ROUTE, FileAiCallbacks.processing().route());
        assertEquals(Optional.of(FileAiCallbacks.ACKNOWLEDGE_WITHIN),
                FileAiCallbacks.processing().policy().acknowledgeAfter());
        assertTrue(FileAiCallbacks.parser().parse(CallbackRequest.of("POST", "/", null,
                "{\"uploadId\":\"u\",\"step\":\"s\"}".getBytes())) instanceof FileAiCallbackEvent);
    }

    @Test
    void randomBytesOnlyEverGiveAValidationError() {
        Random random = new Random(2026);
        String alphabet = "{}[]\":, uploadIdstepstatusfileIds0123456789truenull\\";
        int parsed = 0;
        for (int i = 0; i < 4000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            if (i % 2 == 0) {
                random.nextBytes(bytes);
            } else {
                for (int j = 0; j < bytes.length; j++) {
                    bytes[j] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
            }
            if (i % 10 == 0) {
                bytes = ("{\"uploadId\":\"u\",\"step\":" + new String(bytes, StandardCharsets.ISO_8859_1) + "}")
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            try {
                FileAiCallbacks.parse(bytes);
                parsed++;
            } catch (ClientValidationException expected) {
                // the only failure allowed
            }
        }
        assertTrue(parsed < 4000);
    }
}
