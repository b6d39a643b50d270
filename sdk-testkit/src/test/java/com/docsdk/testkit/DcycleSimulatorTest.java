package com.docsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DcycleSimulatorTest {
    private static final String KEY = "dcycle-key";
    private static final String ORG = "7d1e5a2b-0c3f-4e8a-9b6d-2f4c8e1a3b5d";

    @RegisterExtension
    static DcycleSimulator dcycle = DcycleSimulator.create().expectApiKey(KEY).expectOrganizationId(ORG)
            .pollsUntilRead(2);

    private static String url(String path) {
        return dcycle.baseUrl() + path;
    }

    private static final String[] AUTH = {"x-api-key", KEY, "x-organization-id", ORG};

    @Test
    void presignedUploadConfirmationReadingsAndSoftDelete() {
        Http.Reply presigned = Http.json("POST", url("/v1/files/presigned-urls"),
                "[{\"name\":\"water-2024-03\",\"extension\":\"pdf\",\"mime_type\":\"application/pdf\",\"size_kb\":1}]",
                AUTH);
        assertEquals(201, presigned.status(), presigned.body());
        JsonObject item = presigned.json().getAsJsonArray().get(0).getAsJsonObject();
        String fileId = item.get("id").getAsString();
        assertEquals("pending", item.get("status").getAsString());
        String putUrl = item.get("presigned_url").getAsString();

        byte[] pdf = "%PDF".getBytes(StandardCharsets.UTF_8);
        assertEquals(403, Http.put(putUrl, pdf, "image/png").status());
        assertEquals(200, Http.put(putUrl, pdf, "application/pdf").status());

        assertEquals(200, Http.json("PATCH", url("/v1/files/batch-update"),
                "{\"file_ids\":[\"" + fileId + "\"],\"status\":\"uploaded\"}", AUTH).status());
        assertEquals(Optional.of("uploaded"), dcycle.fileStatus(fileId));

        String readings = url("/v1/files/readings?file_id=" + fileId);
        assertEquals(0, Http.get(readings, AUTH).json().getAsJsonObject().getAsJsonArray("items").size());
        JsonArray items = Http.get(readings, AUTH).json().getAsJsonObject().getAsJsonArray("items");
        assertEquals(1, items.size());
        JsonObject reading = items.get(0).getAsJsonObject().getAsJsonObject("reading");
        assertEquals("success", reading.get("status").getAsString());

        Http.Reply records = Http.json("POST", url("/v1/files/readings"), "{\"file_readings\":[{\"id\":\""
                + reading.get("id").getAsString() + "\"}],\"facilities\":[{\"id\":\"f1\",\"percentage\":1.0}]}", AUTH);
        assertEquals(201, records.status(), records.body());
        assertTrue(dcycle.isLinked(fileId));

        assertEquals(204, Http.noBody("DELETE", url("/v1/files/" + fileId), AUTH).status());
        assertEquals("deleted", Http.get(url("/v1/files/" + fileId), AUTH).json().getAsJsonObject().get("status")
                .getAsString());
        assertEquals(0, Http.get(url("/v1/files"), AUTH).json().getAsJsonObject().get("total").getAsInt());
        assertEquals(200, Http.noBody("PUT", url("/v1/files/" + fileId + "/recover"), AUTH).status());
        assertEquals(1, Http.get(url("/v1/files"), AUTH).json().getAsJsonObject().get("total").getAsInt());
    }

    @Test
    void offSpecBodyIsAFastApi422() {
        Http.Reply reply = Http.json("POST", url("/v1/files/presigned-urls"),
                "[{\"name\":\"a\",\"extension\":\"pdf\",\"size_kb\":1}]", AUTH);
        assertEquals(422, reply.status(), reply.body());
        JsonObject detail = reply.json().getAsJsonObject().getAsJsonArray("detail").get(0).getAsJsonObject();
        assertEquals("body", detail.getAsJsonArray("loc").get(0).getAsString());
        assertTrue(detail.has("msg") && detail.has("type"), reply.body());

        Http.Reply two = Http.json("POST", url("/v1/files/readings"),
                "{\"file_readings\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"facilities\":[{\"id\":\"f\",\"percentage\":1}]}",
                AUTH);
        assertEquals(400, two.status(), two.body());
        assertEquals("MULTIPLE_FILES_NOT_SUPPORTED", two.json().getAsJsonObject().get("code").getAsString());
    }

    @Test
    void credentialsAndOrganization() {
        Http.Reply wrong = Http.get(url("/v1/files"), "x-api-key", "nope", "x-organization-id", ORG);
        assertEquals(401, wrong.status());
        assertEquals("UNAUTHORIZED", wrong.json().getAsJsonObject().get("code").getAsString());
        assertEquals(403, Http.get(url("/v1/files"), "x-api-key", KEY, "x-organization-id", "other").status());
        assertEquals(200, Http.get(url("/v1/files"), "Authorization", "Bearer " + KEY, "x-organization-id", ORG)
                .status());
    }

    @Test
    void rateLimitAndConnectionReset() {
        dcycle.rateLimit(1, java.time.Duration.ofMinutes(1));
        try {
            assertEquals(200, Http.get(url("/v1/files"), AUTH).status());
            Http.Reply limited = Http.get(url("/v1/files"), AUTH);
            assertEquals(429, limited.status());
            assertEquals("RATE_LIMIT_EXCEEDED", limited.json().getAsJsonObject().get("code").getAsString());
        } finally {
            dcycle.noRateLimit();
        }
        dcycle.injectFaults(SimulatedFault.EMPTY_RESPONSE, 1);
        assertThrows(UncheckedIOException.class, () -> Http.get(url("/v1/files"), AUTH));
        assertEquals(200, Http.get(url("/v1/files"), AUTH).status());
    }
}
