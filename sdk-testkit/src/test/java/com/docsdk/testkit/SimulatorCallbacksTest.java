package com.docsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulators' callbacks reach a plain loopback receiver, with retries and duplicates. */
class SimulatorCallbacksTest {
    private HttpServer receiver;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/", exchange -> {
            try (exchange) {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                boolean fail = failFirst.getAndDecrement() > 0;
                byte[] answer = (fail ? "try later" : "ok").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void fileAiPostsEveryStepWithRetriesAndDuplicates() {
        try (FileAiSimulator fileAi = FileAiSimulator.create().start()) {
            String api = fileAi.baseUrl();
            Http.Reply created = Http.json("POST", api + "/prod/v1/files/upload", "{\"fileName\":\"a.pdf\","
                    + "\"fileType\":\"application/pdf\",\"callbackURL\":\"" + url("/cb?tok=abc123") + "\"}", "x-api-key", "k");
            String uploadId = created.json().getAsJsonObject().get("uploadId").getAsString();
            String presigned = created.json().getAsJsonObject().get("presignedUploadURL").getAsString();
            assertThrows(IllegalStateException.class, () -> fileAi.processUpload(uploadId), "no bytes yet");
            assertThrows(IllegalStateException.class, () -> fileAi.processUpload("nope"));
            assertEquals(200, Http.put(presigned, new byte[] {1}, "application/pdf").status());
            failFirst.set(2);
            fileAi.callbacks().backoff(Duration.ofMillis(1)).duplicates(1).timeout(Duration.ofSeconds(20));
            fileAi.callbackFileIdsAsArray(true).processUpload(uploadId).processUpload(uploadId);
            fileAi.callbacks().awaitIdle(Duration.ofSeconds(30));
            List<CallbackSender.Delivery> d = fileAi.callbacks().deliveries();
            assertEquals(8 + 2 + 8, d.size(), "8 steps, 2 retries of the first, 8 duplicates");
            assertEquals(List.of(500, 500, 200, 200), d.subList(0, 4).stream().map(CallbackSender.Delivery::status)
                    .toList());
            assertEquals(3, d.get(2).attempt());
            assertTrue(d.get(3).duplicate());
            assertEquals("ok", d.get(3).responseBody());
            assertTrue(d.get(0).body().contains("\"step\":\"file_uploaded\""), d.get(0).body());
            assertTrue(d.get(d.size() - 1).body().contains("\"fileIds\":["), d.get(d.size() - 1).body());
            assertTrue(bodies.stream().allMatch(b -> b.contains(uploadId)));
            assertEquals("application/json", contentTypes.get(0));
            assertFalse(d.get(0).toString().contains("abc123"), d.get(0).toString());
            assertFalse(d.get(0).delivered());
            fileAi.reset();
            assertEquals(List.of(), fileAi.callbacks().deliveries());
        }
    }

    @Test
    void aReceiverThatNeverAnswersIsGivenUpAfterTheAttempts() {
        try (FileAiSimulator fileAi = FileAiSimulator.create().start()) {
            String api = fileAi.baseUrl();
            Http.Reply created = Http.json("POST", api + "/prod/v1/files/upload", "{\"fileName\":\"a.pdf\","
                    + "\"fileType\":\"application/pdf\",\"callbackURL\":\"http://127.0.0.1:1/cb\"}", "x-api-key", "k");
            String uploadId = created.json().getAsJsonObject().get("uploadId").getAsString();
            Http.put(created.json().getAsJsonObject().get("presignedUploadURL").getAsString(), new byte[] {1},
                    "application/pdf");
            fileAi.callbacks().attempts(2).backoff(Duration.ofMillis(1));
            fileAi.processUpload(uploadId);
            fileAi.callbacks().awaitIdle(Duration.ofSeconds(60));
            List<CallbackSender.Delivery> d = fileAi.callbacks().deliveries();
            assertEquals(16, d.size());
            assertTrue(d.stream().allMatch(x -> x.status() == -1));
            assertThrows(IllegalArgumentException.class, () -> fileAi.callbacks().attempts(0));
            assertThrows(IllegalArgumentException.class, () -> fileAi.callbacks().duplicates(-1));
        }
    }

    @Test
    void webAdmitPostsTheExportFormAndTheBatchJson() {
        try (WebAdmitSimulator webAdmit = WebAdmitSimulator.create().pollsUntilAvailable(1)
                .validateRequests(false).start()) {
            String api = webAdmit.baseUrl();
            String start = api + "/api/v1/user_identities/42/exports/29897/export_files?callback="
                    + java.net.URLEncoder.encode(url("/export"), StandardCharsets.UTF_8);
            long id = Http.noBody("POST", start, "x-api-key", "k").json().getAsJsonObject()
                    .getAsJsonObject("export_files").get("id").getAsLong();
            webAdmit.completeExportFile(id).completeExportFile(id);
            assertThrows(IllegalStateException.class, () -> webAdmit.completeExportFile(1));
            Http.Reply started = Http.json("POST", api + "/api/v1/user_identities/42/exports/29897/export_files",
                    "{\"callback\":\"" + url("/export-body") + "\"}", "x-api-key", "k");
            long second = started.json().getAsJsonObject().getAsJsonObject("export_files").get("id").getAsLong();
            Http.get(api + "/api/v1/exports/29897/export_files/" + second, "x-api-key", "k"); // completes by polling
            Http.Reply batch = Http.json("POST", api + "/api/v1/user_identities/42/pdf_manager_batches",
                    "{\"pdf_manager_batch\":{\"pdf_manager_template_id\":2,\"callback\":\"" + url("/pdf") + "\"}}",
                    "x-api-key", "k");
            long batchId = batch.json().getAsJsonObject().getAsJsonObject("pdf_manager_batch").get("id").getAsLong();
            webAdmit.completePdfManagerBatch(batchId).completePdfManagerBatch(batchId);
            assertThrows(IllegalStateException.class, () -> webAdmit.completePdfManagerBatch(999));
            webAdmit.callbacks().awaitIdle(Duration.ofSeconds(30));
            assertEquals(3, bodies.size(), bodies.toString());
            assertEquals("export_file[id]=" + id + "&export_file[export_id]=29897&export_file[status]=Available",
                    bodies.get(0));
            assertEquals("application/x-www-form-urlencoded", contentTypes.get(0));
            assertTrue(bodies.get(1).startsWith("export_file[id]=" + second), bodies.get(1));
            assertTrue(bodies.get(2).contains("\"pdf_manager_batch\"") && bodies.get(2).contains("\"download_hrefs\""),
                    bodies.get(2));
            assertTrue(bodies.get(2).contains("\"state\":\"available\""), bodies.get(2));
        }
    }

    /** The PDF Manager only calls https:// URLs (this receiver is plain HTTP, so validation is off). */
    @Test
    void aPolledPdfBatchCallsBackOnce() {
        try (WebAdmitSimulator webAdmit = WebAdmitSimulator.create().pollsUntilAvailable(2)
                .validateRequests(false).start()) {
            String api = webAdmit.baseUrl();
            Http.Reply batch = Http.json("POST", api + "/api/v1/user_identities/42/pdf_manager_batches",
                    "{\"pdf_manager_batch\":{\"pdf_manager_template_id\":2,\"callback\":\"" + url("/pdf") + "\"}}",
                    "x-api-key", "k");
            long batchId = batch.json().getAsJsonObject().getAsJsonObject("pdf_manager_batch").get("id").getAsLong();
            for (int i = 0; i < 3; i++) {
                Http.get(api + "/api/v1/user_identities/42/pdf_manager_batches/" + batchId, "x-api-key", "k");
            }
            webAdmit.callbacks().awaitIdle(Duration.ofSeconds(30));
            assertEquals(1, bodies.size(), bodies.toString());
        }
    }

    @Test
    void smartDocumentorReviewsPostEveryConfiguredWebhook() {
        try (SmartDocumentorSimulator sd = SmartDocumentorSimulator.create().start()) {
            long taskId = sd.addTask("erp-1", Instant.parse("2026-12-01T00:00:00Z"));
            assertThrows(IllegalStateException.class, () -> sd.reviewTask(taskId), "no webhook yet");
            for (SmartDocumentorSimulator.WebhookKind kind : SmartDocumentorSimulator.WebhookKind.values()) {
                sd.webhook(kind, url("/" + kind.name().toLowerCase()));
            }
            assertThrows(IllegalStateException.class, () -> sd.reviewTask(12345));
            failFirst.set(1);
            SmartDocumentorSimulator.Review first = sd.reviewTask(taskId);
            assertFalse(first.archived());
            assertEquals(500, first.status());
            assertEquals("try later", first.loggedBody());
            assertFalse(first.toString().contains("try later"), first.toString());
            assertEquals(4, bodies.size());
            assertTrue(bodies.get(0).contains("\"InvoiceNumber\""), bodies.get(0));
            assertTrue(bodies.get(1).contains("\"transcript\""), bodies.get(1));
            assertTrue(bodies.get(2).contains("exportedFileUrl") && !bodies.get(2).contains("totalPages"));
            assertTrue(bodies.get(3).contains("exportedFileUrl") && bodies.get(3).contains("totalPages"));
            assertTrue(bodies.stream().allMatch(b -> b.contains("\"taskId\":" + taskId) && b.contains("erp-1")));
            sd.callbacks().duplicates(1);
            SmartDocumentorSimulator.Review second = sd.reviewTask(taskId);
            assertTrue(second.archived());
            assertEquals(4 + 8, bodies.size());
            assertEquals(second, sd.lastReview(taskId).orElseThrow());
            assertTrue(sd.lastReview(1).isEmpty());
        }
    }
}
