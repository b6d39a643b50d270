package com.docsdk.dcycle;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.dcycle.model.CreateRecordsRequest;
import com.docsdk.dcycle.model.FacilityAllocation;
import com.docsdk.dcycle.model.FileReadingReference;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** Shared fixtures: documented example values, clients pointed at WireMock, request bodies. */
final class DcycleTesting {
    /**
     * The request contract of {@code openapi/dcycle.yaml}, parsed once. Only the Dcycle API server's journal is
     * checked against it: the presigned storage URLs live on a second WireMock server, as they would on S3.
     */
    static final OpenApiContract CONTRACT = OpenApiContract.forVendor("dcycle");

    static final String API_KEY = "test-key";
    static final String ORG_ID = "7d1e5a2b-0c3f-4e8a-9b6d-2f4c8e1a3b5d";
    static final String FILE_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    static final String FILE_ID_2 = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    static final String READING_ID = "7b1e2d3c-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
    static final String FACILITY_1 = "a8315ef3-dd50-43f8-b7ce-d839e68d51fa";
    static final String FACILITY_2 = "1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    static final String FOLDER_ID = "5f1b8c2e-7a4d-4e3b-9c1a-2d6f8e9a0b1c";
    static final String PROJECT_ID = "0e8f7d6c-5b4a-4392-8170-6f5e4d3c2b1a";

    /** The documented item of {@code content.items} (update-reading page). */
    static final String WATER_ITEM = """
            {"invoice_number": "WTR-2024-03", "quantity": 32.1, "unit": "cubic_metre_(m3)",
             "start_date": "2024-03-01", "end_date": "2024-03-31"}""";

    /** A file reading list item in the documented shape (readings page). */
    static final String READING_ITEM = """
            {"id": "%s", "name": "water-invoice-2024-03", "tags": ["invoice::water"], "category": "water",
             "reading": {"id": "%s", "status": "success", "content": {"items": [%s]}}, "linked": false}"""
            .formatted(FILE_ID, READING_ID, WATER_ITEM);

    private DcycleTesting() {
    }

    static WireMockExtension wireMock() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    }

    /** A client for the API on {@code api}: current auth, no retries, never really waits. */
    static DcycleClient.Builder client(WireMockExtension api) {
        return DcycleClient.builder().apiKey(API_KEY).organizationId(ORG_ID).baseUrl(api.baseUrl())
                .retryPolicy(RetryPolicy.none()).sleeper(d -> { });
    }

    /** The body of {@code fileReadings().createRecords}: one reading, these facility shares. */
    static CreateRecordsRequest records(String readingId, FacilityAllocation... shares) {
        CreateRecordsRequest body = new CreateRecordsRequest().addFileReadingsItem(new FileReadingReference()
                .id(readingId));
        for (FacilityAllocation share : shares) {
            body.addFacilitiesItem(share);
        }
        return body;
    }

    /** A facility's share of the records created from a reading (0.6 for 60%). */
    static FacilityAllocation share(String facilityId, Double percentage) {
        return new FacilityAllocation().id(facilityId).percentage(percentage);
    }

    /** A page envelope as fastapi-pagination sends it. */
    static String page(int page, int size, int pages, long total, String... items) {
        return "{\"items\": [" + String.join(", ", items) + "], \"total\": " + total + ", \"page\": " + page
                + ", \"size\": " + size + ", \"pages\": " + pages + "}";
    }
}
