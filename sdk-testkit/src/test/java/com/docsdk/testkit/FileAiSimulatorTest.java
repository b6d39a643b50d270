package com.docsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FileAiSimulatorTest {
    private static final TestClock CLOCK = TestClock.at(Instant.parse("2025-06-01T10:00:00Z"));
    private static final String KEY = "fileai-test-key";

    @RegisterExtension
    static FileAiSimulator fileAi = FileAiSimulator.create()
            .expectApiKey(KEY)
            .clock(CLOCK)
            .pollsUntilProcessed(2);

    private static String url(String path) {
        return fileAi.baseUrl() + path;
    }

    @Test
    void exportStatusesShowUpInTheFilteredPagedList() {
        String first = fileAi.addFile("a.pdf", "application/pdf");
        CLOCK.advance(Duration.ofMinutes(1));
        String second = fileAi.addFile("b.pdf", "application/pdf");
        Instant afterSeeding = CLOCK.advance(Duration.ofMinutes(1)).instant();
        CLOCK.advance(Duration.ofMinutes(1));

        Http.Reply patched = Http.json("PATCH", url("/prod/v1/files/" + first),
                "{\"integrationExportStatus\":\"completed\",\"integrationExportMessages\":[\"Synced to ERP\"]}",
                "x-api-key", KEY);
        assertEquals(200, patched.status(), patched.body());
        assertEquals("completed", patched.json().getAsJsonObject().getAsJsonObject("exportInfo")
                .get("integrationExportStatus").getAsString());
        assertEquals(Optional.of("completed"), fileAi.exportStatus(first));

        JsonObject changed = Http.get(url("/prod/v1/files?updatedAfter=" + afterSeeding), "x-api-key", KEY)
                .json().getAsJsonObject();
        assertEquals(1, changed.get("count").getAsInt());
        JsonObject item = changed.getAsJsonArray("files").get(0).getAsJsonObject();
        assertEquals(first, item.get("fileId").getAsString());
        assertEquals("completed", item.get("integrationExportStatus").getAsString());
        assertEquals("Synced to ERP", item.getAsJsonArray("integrationExportMessages").get(0).getAsString());

        JsonObject page2 = Http.get(url("/prod/v1/files?page=2&limit=1&sortOrder=ASC"), "x-api-key", KEY)
                .json().getAsJsonObject();
        assertEquals(2, page2.get("count").getAsInt());
        assertEquals(2, page2.get("currentPage").getAsInt());
        assertEquals(second, page2.getAsJsonArray("files").get(0).getAsJsonObject().get("fileId").getAsString());

        JsonObject byIds = Http.get(url("/prod/v1/files?fileIds=%5B%22" + second + "%22%5D"), "x-api-key", KEY)
                .json().getAsJsonObject();
        assertEquals(1, byIds.get("count").getAsInt());
    }

    @Test
    void unknownFileIsANestJs404() {
        Http.Reply reply = Http.json("PATCH", url("/prod/v1/files/nope"),
                "{\"integrationExportStatus\":\"error\"}", "x-api-key", KEY);
        assertEquals(404, reply.status());
        assertEquals("Not Found", reply.json().getAsJsonObject().get("error").getAsString());
        assertEquals(404, reply.json().getAsJsonObject().get("statusCode").getAsInt());
    }

    @Test
    void uploadGoesThroughThePresignedUrlAndIsProcessedAfterPolls() {
        Http.Reply created = Http.json("POST", url("/prod/v1/files/upload"),
                "{\"fileName\":\"invoice.pdf\",\"fileType\":\"application/pdf\"}", "x-api-key", KEY);
        assertEquals(201, created.status(), created.body());
        JsonObject upload = created.json().getAsJsonObject();
        String uploadId = upload.get("uploadId").getAsString();
        String presigned = upload.get("presignedUploadURL").getAsString();
        assertTrue(presigned.startsWith("http://localhost:" + fileAi.port() + "/_storage/fileai/"), presigned);

        byte[] pdf = "%PDF-1.7 simulated".getBytes(StandardCharsets.UTF_8);
        Http.Reply wrongType = Http.put(presigned, pdf, "application/octet-stream");
        assertEquals(403, wrongType.status());
        assertTrue(wrongType.body().contains("SignatureDoesNotMatch"), wrongType.body());
        Http.Reply tampered = Http.put(presigned.replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=bad"),
                pdf, "application/pdf");
        assertEquals(403, tampered.status());

        JsonObject waiting = Http.get(url("/prod/v1/uploads/" + uploadId), "x-api-key", KEY).json().getAsJsonObject();
        assertEquals("waiting", waiting.getAsJsonArray("statuses").get(0).getAsJsonObject().get("status").getAsString());

        assertEquals(200, Http.put(presigned, pdf, "application/pdf").status());
        assertArrayEquals(pdf, fileAi.uploadedBytes(uploadId).orElseThrow());

        JsonObject halfway = Http.get(url("/prod/v1/uploads/" + uploadId), "x-api-key", KEY).json().getAsJsonObject();
        assertEquals(0, halfway.getAsJsonArray("files").size());
        JsonObject done = Http.get(url("/prod/v1/uploads/" + uploadId), "x-api-key", KEY).json().getAsJsonObject();
        JsonArray steps = done.getAsJsonArray("statuses");
        assertEquals(8, steps.size());
        assertEquals("processing_finished", steps.get(7).getAsJsonObject().get("step").getAsString());
        JsonObject file = done.getAsJsonArray("files").get(0).getAsJsonObject();
        assertEquals("processed", file.get("status").getAsString());
        assertEquals(pdf.length, file.get("fileSize").getAsInt());

        JsonObject listed = Http.get(url("/prod/v1/files"), "x-api-key", KEY).json().getAsJsonObject();
        assertEquals(file.get("fileId"), listed.getAsJsonArray("files").get(0).getAsJsonObject().get("fileId"));
    }

    @Test
    void presignedUrlExpires() {
        JsonObject upload = Http.json("POST", url("/prod/v1/files/upload"),
                "{\"fileName\":\"a.png\",\"fileType\":\"image/png\"}", "x-api-key", KEY).json().getAsJsonObject();
        CLOCK.advance(Duration.ofSeconds(301));
        Http.Reply late = Http.put(upload.get("presignedUploadURL").getAsString(), new byte[] {1}, "image/png");
        assertEquals(403, late.status());
        assertTrue(late.body().contains("Request has expired"), late.body());
    }

    @Test
    void offSpecRequestsGetNestJsValidationErrors() {
        Http.Reply badEnum = Http.json("PATCH", url("/prod/v1/files/" + fileAi.addFile("x.pdf", "application/pdf")),
                "{\"integrationExportStatus\":\"done\"}", "x-api-key", KEY);
        assertEquals(422, badEnum.status(), badEnum.body());
        assertEquals("integrationExportStatus must be one of: error, completed, exporting, empty",
                badEnum.json().getAsJsonObject().get("message").getAsString());

        Http.Reply badQuery = Http.get(url("/prod/v1/files?limit=zero"), "x-api-key", KEY);
        assertEquals(400, badQuery.status(), badQuery.body());
        assertEquals("Bad Request", badQuery.json().getAsJsonObject().get("error").getAsString());
        assertTrue(badQuery.json().getAsJsonObject().get("message").getAsString().contains("limit"));

        Http.Reply unknown = Http.get(url("/prod/v1/documents"), "x-api-key", KEY);
        assertEquals(404, unknown.status());
        assertEquals("Cannot GET /prod/v1/documents", unknown.json().getAsJsonObject().get("message").getAsString());
    }

    @Test
    void wrongOrMissingApiKeyIs401() {
        Http.Reply wrong = Http.get(url("/prod/v1/files"), "x-api-key", "other");
        assertEquals(401, wrong.status());
        assertEquals("Invalid API key", wrong.json().getAsJsonObject().get("message").getAsString());
        Http.Reply missing = Http.get(url("/prod/v1/files"));
        assertEquals(401, missing.status());
        assertEquals("API key is missing", missing.json().getAsJsonObject().get("message").getAsString());
    }

    @Test
    void rateLimitAnswers429WithHeadersUntilTheWindowEnds() {
        fileAi.rateLimit(2, Duration.ofMinutes(1));
        try {
            assertEquals("1", Http.get(url("/prod/v1/files"), "x-api-key", KEY).header("X-RateLimit-Remaining"));
            assertEquals(200, Http.get(url("/prod/v1/files"), "x-api-key", KEY).status());
            Http.Reply limited = Http.get(url("/prod/v1/files"), "x-api-key", KEY);
            assertEquals(429, limited.status());
            assertEquals("60", limited.header("Retry-After"));
            assertEquals("2", limited.header("X-RateLimit-Limit"));
            assertEquals("0", limited.header("X-RateLimit-Remaining"));
            assertNotNull(limited.header("X-RateLimit-Reset"));
            assertEquals("Too Many Requests", limited.json().getAsJsonObject().get("message").getAsString());
            CLOCK.advance(Duration.ofMinutes(1));
            assertEquals(200, Http.get(url("/prod/v1/files"), "x-api-key", KEY).status());
        } finally {
            fileAi.noRateLimit();
        }
    }

    @Test
    void injectedFaultsHitTheNextRequestsOnly() {
        fileAi.injectFaults(SimulatedFault.CONNECTION_RESET, 1)
                .injectFaults(SimulatedFault.SERVICE_UNAVAILABLE, 2);
        assertThrows(UncheckedIOException.class, () -> Http.get(url("/prod/v1/files"), "x-api-key", KEY));
        assertEquals(503, Http.get(url("/prod/v1/files"), "x-api-key", KEY).status());
        assertEquals(503, Http.get(url("/prod/v1/files"), "x-api-key", KEY).status());
        assertEquals(200, Http.get(url("/prod/v1/files"), "x-api-key", KEY).status());
    }

    @Test
    void journalRequestsMatchTheSpec() {
        Http.get(url("/prod/v1/files?page=1&limit=10"), "x-api-key", KEY);
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests = fileAi.requests();
        assertEquals(1, requests.size());
        OpenApiContract.forVendor("fileai").assertRequestsMatch(requests, r -> true);
    }
}
