package com.docsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Facilities, records made from readings, invoices, wastes and projects of the Dcycle simulator, over raw HTTP. */
class DcycleRecordsSimulatorTest {
    private static final String KEY = "dcycle-records-key";
    private static final String[] AUTH = {"x-api-key", KEY, "x-organization-id", "7d1e5a2b-0c3f-4e8a-9b6d-2f4c8e1a3b5d"};

    @RegisterExtension
    static DcycleSimulator dcycle = DcycleSimulator.create().expectApiKey(KEY).pollsUntilRead(1);

    private static String url(String path) {
        return dcycle.baseUrl() + path;
    }

    /** Uploads and confirms a file, polls its reading once; answers {file id, reading id}. */
    private static String[] readFile(String name) {
        JsonObject item = Http.json("POST", url("/v1/files/presigned-urls"), "[{\"name\":\"" + name
                + "\",\"extension\":\"pdf\",\"mime_type\":\"application/pdf\",\"size_kb\":1}]", AUTH)
                .json().getAsJsonArray().get(0).getAsJsonObject();
        String fileId = item.get("id").getAsString();
        assertEquals(200, Http.put(item.get("presigned_url").getAsString(), "%PDF".getBytes(StandardCharsets.UTF_8),
                "application/pdf").status());
        Http.json("PATCH", url("/v1/files/batch-update"), "{\"file_ids\":[\"" + fileId + "\"],\"status\":\"uploaded\"}",
                AUTH);
        JsonObject reading = Http.get(url("/v1/files/readings?file_id=" + fileId), AUTH).json().getAsJsonObject()
                .getAsJsonArray("items").get(0).getAsJsonObject();
        return new String[] {fileId, reading.getAsJsonObject("reading").get("id").getAsString(),
                reading.get("category").getAsString()};
    }

    private static Http.Reply createRecords(String readingId, String facilities) {
        return Http.json("POST", url("/v1/files/readings"), "{\"file_readings\":[{\"id\":\"" + readingId
                + "\"}],\"facilities\":" + facilities + "}", AUTH);
    }

    @Test
    void facilitiesAreFilteredAndInvoicesCarryTheFile() {
        String porto = dcycle.addFacility("Porto Factory", "PT", "factory");
        JsonArray pt = Http.get(url("/v1/facilities?country=PT&status[]=active"), AUTH).json().getAsJsonObject()
                .getAsJsonArray("items");
        assertEquals(2, pt.size());
        assertEquals(1, Http.get(url("/v1/facilities?name=madrid&type=office"), AUTH).json().getAsJsonObject()
                .getAsJsonArray("items").size());
        assertEquals("Porto Factory", Http.get(url("/v1/facilities/" + porto), AUTH).json().getAsJsonObject()
                .get("name").getAsString());
        assertEquals(404, Http.get(url("/v1/facilities/nope"), AUTH).status());

        String[] file = readFile("water-2024-03");
        assertEquals("water", file[2]);
        assertEquals(201, createRecords(file[1], "[{\"id\":\"" + DcycleSimulator.MADRID_FACILITY_ID
                + "\",\"percentage\":0.5},{\"id\":\"" + porto + "\",\"percentage\":0.5}]").status());
        assertEquals(2, dcycle.invoiceCount());
        JsonArray madrid = Http.get(url("/v1/invoices?facility_id[]=" + DcycleSimulator.MADRID_FACILITY_ID
                + "&type[]=water&status[]=uploaded"), AUTH).json().getAsJsonObject().getAsJsonArray("items");
        assertEquals(1, madrid.size());
        JsonObject invoice = madrid.get(0).getAsJsonObject();
        assertEquals(file[0], invoice.get("file_id").getAsString());
        assertEquals(32.1 * 0.5, invoice.get("quantity").getAsDouble(), 1e-9);
        assertEquals(200, Http.get(url("/v1/invoices/" + invoice.get("id").getAsString()), AUTH).status());
        assertEquals(404, Http.get(url("/v1/invoices/nope"), AUTH).status());
        JsonObject project = Http.get(url("/v1/projects/extended"), AUTH).json().getAsJsonArray().get(0)
                .getAsJsonObject();
        assertEquals(DcycleSimulator.PROJECT_ID, project.get("id").getAsString());
    }

    @Test
    void aWastesReadingMakesWastesAndStrictFacilitiesRefuseUnknownOnes() {
        dcycle.readingCategory("wastes");
        try {
            String[] file = readFile("wastes-2024-q1");
            assertEquals("wastes", file[2]);
            dcycle.strictFacilities(true);
            Http.Reply unknown = createRecords(file[1], "[{\"id\":\"f-unknown\",\"percentage\":1}]");
            assertEquals(404, unknown.status());
            assertTrue(unknown.body().contains("FACILITY_NOT_FOUND"), unknown.body());
            assertEquals(201, createRecords(file[1], "[{\"id\":\"" + DcycleSimulator.LISBON_FACILITY_ID
                    + "\",\"percentage\":1}]").status());
            assertEquals(1, dcycle.wasteCount());
            JsonObject page = Http.get(url("/v1/wastes?facility_id=" + DcycleSimulator.LISBON_FACILITY_ID
                    + "&file_id[]=" + file[0] + "&status[]=uploaded"), AUTH).json().getAsJsonObject();
            assertEquals(file[0], page.getAsJsonArray("items").get(0).getAsJsonObject().get("file_id").getAsString());
            assertTrue(!page.has("pages"), "the documented wastes envelope has no pages");
            assertEquals(0, Http.get(url("/v1/wastes?facility_id=" + DcycleSimulator.MADRID_FACILITY_ID), AUTH)
                    .json().getAsJsonObject().getAsJsonArray("items").size());
        } finally {
            dcycle.readingCategory("water").strictFacilities(false);
        }
    }
}
