package com.docsdk.dcycle;

import static com.docsdk.dcycle.DcycleTesting.API_KEY;
import static com.docsdk.dcycle.DcycleTesting.FACILITY_1;
import static com.docsdk.dcycle.DcycleTesting.FACILITY_2;
import static com.docsdk.dcycle.DcycleTesting.FILE_ID;
import static com.docsdk.dcycle.DcycleTesting.READING_ID;
import static com.docsdk.dcycle.DcycleTesting.READING_ITEM;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.error.PermissionDeniedException;
import com.docsdk.core.RequestOptions;
import com.docsdk.dcycle.model.Facility;
import com.docsdk.dcycle.model.FileReadingListItem;
import com.docsdk.dcycle.model.Invoice;
import com.docsdk.dcycle.model.Project;
import com.docsdk.dcycle.model.Waste;
import com.docsdk.dcycle.service.FacilitiesService;
import com.docsdk.dcycle.service.InvoicesService;
import com.docsdk.dcycle.service.WastesService;
import com.google.gson.JsonParser;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Facilities, invoices, wastes and projects (issue 18) against WireMock serving the documented examples, and the
 * records flow naming facilities by id or by name; every request is checked against {@code openapi/dcycle.yaml}.
 */
class DcycleRecordsTest {
    @RegisterExtension
    static WireMockExtension wm = DcycleTesting.wireMock();

    static final String MADRID = """
            {"id": "%s", "name": "Madrid Office", "type": "office", "country": "ES",
             "address": "Calle Gran Vía 1, Madrid", "status": "active", "co2e": 1250.5, "co2e_biomass": 0.0,
             "logistic_factor": 0.8, "categories": ["heat", "electricity", "water"],
             "cups_list": ["ES0021000000000001AA"], "facility_purpose_type": "facilities",
             "created_at": "2024-11-24T10:30:00Z", "updated_at": "2024-11-24T10:30:00Z"}""".formatted(FACILITY_1);
    static final String MADRID_ANNEX = """
            {"id": "b0000000-0000-4000-8000-000000000001", "name": "Madrid Office Annex", "type": "office",
             "country": "ES", "status": "active"}""";
    static final String INVOICE = """
            {"id": "550e8400-e29b-41d4-a716-446655440000", "type": "water", "status": "uploaded", "quantity": 19.26,
             "base_quantity": 32.1, "percentage": 0.6, "start_date": "2024-03-01T00:00:00",
             "end_date": "2024-03-31T23:59:59", "invoice_id": "WTR-2024-03", "facility_id": "%s",
             "file_id": "%s", "file_url": "https://storage.dcycle.io/invoices/wtr.pdf", "enabled": true,
             "created_at": "2024-04-01T10:30:00Z", "facility_fuel_id": null}""".formatted(FACILITY_1, FILE_ID);
    static final String OTHER_INVOICE = """
            {"id": "660e8400-e29b-41d4-a716-446655440000", "type": "water", "status": "active", "quantity": 10,
             "facility_id": "%s", "file_id": "ffffffff-0000-4000-8000-000000000000"}""".formatted(FACILITY_2);

    private DcycleClient dcycle;

    @BeforeEach
    void setUp() {
        dcycle = DcycleTesting.client(wm).build();
    }

    @AfterEach
    void tearDown() {
        dcycle.close();
        DcycleTesting.CONTRACT.assertRequestsMatch(wm.getRuntimeInfo().getWireMock());
    }

    @Test
    void listsAndGetsFacilitiesWithTheDocumentedFilters() {
        wm.stubFor(get(urlPathEqualTo("/v1/facilities")).willReturn(okJson(DcycleTesting.page(1, 50, 1, 1, MADRID))));
        wm.stubFor(get(urlPathEqualTo("/v1/facilities/" + FACILITY_1)).willReturn(okJson(MADRID)));

        List<Facility> found = dcycle.facilities().list(FacilitiesService.ListParams.builder().name("Madrid")
                .country("ES").status(List.of("active")).build(), RequestOptions.none()).stream().toList();
        Facility one = dcycle.facilities().get(FACILITY_1);

        assertEquals(List.of("Madrid Office"), found.stream().map(Facility::getName).toList());
        assertEquals(List.of("heat", "electricity", "water"), one.getCategories());
        assertEquals(1250.5, one.getCo2e());
        wm.verify(getRequestedFor(urlPathEqualTo("/v1/facilities")).withQueryParam("name", equalTo("Madrid"))
                .withQueryParam("country", equalTo("ES")).withQueryParam("status[]", equalTo("active"))
                .withQueryParam("page", equalTo("1")).withHeader("x-api-key", equalTo(API_KEY)));
    }

    @Test
    void theDocumented403And404OfAFacility() {
        wm.stubFor(get(urlPathEqualTo("/v1/facilities/" + FACILITY_2)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"detail\": \"Facility doesn't belong to organization\"}")));
        wm.stubFor(get(urlPathEqualTo("/v1/facilities/" + FACILITY_1)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": \"NOT_FOUND\", \"detail\": \"Facility with id=UUID('x') not found\"}")));

        PermissionDeniedException denied = assertThrows(PermissionDeniedException.class,
                () -> dcycle.facilities().get(FACILITY_2));
        NotFoundException missing = assertThrows(NotFoundException.class, () -> dcycle.facilities().get(FACILITY_1));

        assertTrue(denied.getMessage().contains("doesn't belong to organization"), denied.getMessage());
        assertEquals("NOT_FOUND", missing.errorCode().orElseThrow());
    }

    @Test
    void listsInvoicesWastesAndProjects() {
        wm.stubFor(get(urlPathEqualTo("/v1/invoices")).willReturn(okJson(DcycleTesting.page(1, 50, 1, 1, INVOICE))));
        wm.stubFor(get(urlPathEqualTo("/v1/invoices/550e8400-e29b-41d4-a716-446655440000")).willReturn(okJson(INVOICE)));
        wm.stubFor(get(urlPathEqualTo("/v1/wastes")).willReturn(okJson("""
                {"items": [{"id": "w1", "identification_name": "RSU-2024-001", "status": "active",
                 "facility_id": "%s", "base_quantity": 1500.0, "quantity": 900.0, "percentage": 0.6,
                 "file_id": "%s", "file_name": "wastes-2024-q1", "file_url": "https://x/y.pdf",
                 "unit": {"id": "u", "name": "kg", "type": "mass"}}],
                 "total": 7, "total2": 0, "total_general": 7, "page": 1, "size": 50, "filter_hash": "3f2a"}"""
                .formatted(FACILITY_1, FILE_ID))));
        wm.stubFor(get(urlPathEqualTo("/v1/projects/extended")).willReturn(okJson("""
                [{"id": "p1", "organization_id": "o", "name": "Carbon footprint 2024", "project_type": "carbon_footprint",
                  "extended": {"number_of_files": 3, "number_of_widgets": 0, "number_of_tasks": 2,
                  "number_of_tasks_completed": 1}, "responsible_user": {"id": "u", "email": "a@b.c"}}]""")));

        List<Invoice> invoices = dcycle.invoices().list(InvoicesService.ListParams.builder()
                .type(List.of("water")).facilityId(List.of(FACILITY_1)).build(), RequestOptions.none()).stream().toList();
        Invoice invoice = dcycle.invoices().get("550e8400-e29b-41d4-a716-446655440000");
        List<Waste> wastes = dcycle.wastes().list(FACILITY_1, WastesService.ListParams.builder()
                .fileId(List.of(FILE_ID)).build(), RequestOptions.none()).stream().toList();
        List<Project> projects = dcycle.projects().list();

        assertEquals(FILE_ID, invoices.get(0).getFileId());
        assertEquals(0.6, invoice.getPercentage());
        assertTrue(invoice.getAdditionalProperties().containsKey("facility_fuel_id"), "type-specific fields kept");
        assertEquals(1, wastes.size(), "a short page is the last even though total says 7 (not the filtered count)");
        assertEquals("wastes-2024-q1", wastes.get(0).getFileName());
        assertEquals(3, projects.get(0).getExtended().getNumberOfFiles());
        wm.verify(1, getRequestedFor(urlPathEqualTo("/v1/wastes")).withQueryParam("facility_id", equalTo(FACILITY_1))
                .withQueryParam("file_id[]", equalTo(FILE_ID)));
        wm.verify(getRequestedFor(urlPathEqualTo("/v1/invoices")).withQueryParam("type[]", equalTo("water"))
                .withQueryParam("facility_id[]", equalTo(FACILITY_1)));
    }

    @Test
    void createRecordsResolvesANameThenCreatesAndReadsBackTheFilesInvoices() {
        wm.stubFor(get(urlPathEqualTo("/v1/facilities")).withQueryParam("name", equalTo("madrid office"))
                .willReturn(okJson(DcycleTesting.page(1, 100, 1, 2, MADRID_ANNEX, MADRID))));
        wm.stubFor(post(urlPathEqualTo("/v1/files/readings")).willReturn(aResponse().withStatus(201)));
        wm.stubFor(get(urlPathEqualTo("/v1/invoices")).willReturn(okJson(DcycleTesting.page(1, 100, 1, 2, INVOICE,
                OTHER_INVOICE))));
        FileReadingListItem item = com.docsdk.dcycle.internal.JSON.getGson().fromJson(READING_ITEM,
                FileReadingListItem.class);

        RecordsResult done = dcycle.records().createRecords(RecordsRequest.forReading(item)
                .facility(FacilityShare.byName("madrid office", 0.6))
                .facility(FacilityShare.byId(FACILITY_2, 0.4)).build());

        assertEquals(List.of(FACILITY_1, FACILITY_2), done.facilityIds(), "the exact name, not the annex");
        assertEquals(List.of("550e8400-e29b-41d4-a716-446655440000"), done.invoices().stream().map(Invoice::getId)
                .toList(), "only the invoices of this file");
        assertEquals(List.of(), done.wastes(), "a water reading makes no wastes: none asked for");
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1/files/readings")).withRequestBody(equalToJson("""
                {"file_readings": [{"id": "%s"}],
                 "facilities": [{"id": "%s", "percentage": 0.6}, {"id": "%s", "percentage": 0.4}]}"""
                .formatted(READING_ID, FACILITY_1, FACILITY_2))));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/v1/wastes")));
    }

    @Test
    void anUnknownOrAmbiguousNameCreatesNothing() {
        wm.stubFor(get(urlPathEqualTo("/v1/facilities")).withQueryParam("name", equalTo("Lisbon"))
                .willReturn(okJson(DcycleTesting.page(1, 100, 1, 0))));
        wm.stubFor(get(urlPathEqualTo("/v1/facilities")).withQueryParam("name", equalTo("Madrid Office"))
                .willReturn(okJson(DcycleTesting.page(1, 100, 1, 2, MADRID, MADRID.replace(FACILITY_1, FACILITY_2)))));

        FacilityNotFoundException none = assertThrows(FacilityNotFoundException.class, () -> dcycle.records()
                .createRecords(RecordsRequest.forReading(FILE_ID, READING_ID)
                        .facility(FacilityShare.byName("Lisbon", 1.0)).build()));
        FacilityNotFoundException two = assertThrows(FacilityNotFoundException.class, () -> dcycle.records()
                .createRecords(RecordsRequest.forReading(FILE_ID, READING_ID)
                        .facility(FacilityShare.byName("Madrid Office", 1.0)).build()));

        assertEquals("Lisbon", none.facilityName());
        assertTrue(two.getMessage().contains(FACILITY_2), two.getMessage());
        wm.verify(0, postRequestedFor(urlPathEqualTo("/v1/files/readings")));
    }

    @Test
    void badInputIsRefusedBeforeAnyRequestNamingTheParameter() {
        assertField("facilities", () -> RecordsRequest.forReading(FILE_ID, READING_ID)
                .facility(FacilityShare.byName("Madrid Office", 0.7)).facility(FacilityShare.byId(FACILITY_2, 0.4))
                .build());
        assertField("facilities", () -> RecordsRequest.forReading(FILE_ID, READING_ID).build());
        assertField("share", () -> FacilityShare.byId(FACILITY_1, 1.5));
        assertField("facilityName", () -> FacilityShare.byName(" ", 0.5));
        assertField("facilityId", () -> FacilityShare.byId("a b", 0.5));
        assertField("fileReadingId", () -> RecordsRequest.forReading(FILE_ID, ""));
        assertField("country", () -> dcycle.facilities().list(FacilitiesService.ListParams.builder().country("Spain")
                .build(), RequestOptions.none()).iterator().hasNext());
        assertField("status", () -> dcycle.facilities().list(FacilitiesService.ListParams.builder()
                .status(List.of("deleted")).build(), RequestOptions.none()).iterator().hasNext());
        assertField("facilityId", () -> dcycle.wastes().list(" ").iterator().hasNext());
        assertField("size", () -> dcycle.invoices().list(InvoicesService.ListParams.builder().size(101).build(),
                RequestOptions.none()).iterator().hasNext());
        assertField("facilityId", () -> dcycle.facilities().get(null));

        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    private static void assertField(String field, org.junit.jupiter.api.function.Executable call) {
        ClientValidationException e = assertThrows(ClientValidationException.class, call);
        assertTrue(e.field().equals(field) || e.field().startsWith(field + "["), e.field() + ": " + e.getMessage());
    }

    static String json(String s) {
        return JsonParser.parseString(s).toString();
    }
}
