package com.docsdk.webadmit;

import static com.docsdk.webadmit.WebAdmitExamples.API_KEY;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.testkit.OpenApiContract;
import com.docsdk.webadmit.model.Export;
import com.docsdk.webadmit.model.ExportFile;
import com.docsdk.webadmit.model.UserIdentity;
import com.docsdk.webadmit.model.UserIdentityType;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Fields and endpoints may be added to responses without notice at any time" (WebAdMIT v1 docs): responses with
 * unknown fields, unknown enum values, unknown statuses and missing "required" fields still parse through the facade.
 */
class ForwardCompatibilityTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("webadmit");

    private WebAdmitClient client;

    @BeforeEach
    void setUp() {
        client = WebAdmitClient.builder().apiKey(API_KEY).baseUrl(wm.baseUrl()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        CONTRACT.assertRequestsMatch(wm);
    }

    @Test
    void unknownFieldsAndAnUnknownIdentityTypeParse() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities")).willReturn(okJson("""
                { "href": "/api/v1/user_identities", "total": 2, "links": {"self": "x"},
                  "user_identities": [
                    { "id": 42, "type": "Reviewer User", "association": null, "institution": null,
                      "organization": null, "cycle": "2025 - 2026", "permissions": ["API Access"] },
                    { "id": 43, "type": "Institution User", "sso": true } ] }
                """)));

        List<UserIdentity> identities = client.userIdentities().list();

        assertEquals(2, identities.size());
        assertEquals(UserIdentityType.UNKNOWN, identities.get(0).getType());
        assertNull(identities.get(0).getAssociation());
        assertEquals("2025 - 2026", identities.get(0).getCycle());
        assertEquals(List.of("API Access"), identities.get(0).getAdditionalProperty("permissions"));
        assertEquals(UserIdentityType.INSTITUTION_USER, identities.get(1).getType());
        assertNull(identities.get(1).getCycle());
    }

    @Test
    void unknownFormatsListTypesAndMissingRequiredFieldsParse() {
        // list_type null and a new value, a format and MIME type not in the docs, "name" and "mime_type" missing.
        wm.stubFor(get(urlPathEqualTo("/api/v1/exports")).willReturn(okJson("""
                { "href": "/api/v1/exports", "exports": [
                    { "id": 1, "name": "A", "list_type": null, "format": "JSON Lines",
                      "mime_type": "application/x-ndjson", "owner": "me" },
                    { "id": 2, "list_type": "saved_query", "format": "Microsoft Excel" } ] }
                """)));

        List<Export> exports = client.exports().list();

        assertEquals(2, exports.size());
        assertNull(exports.get(0).getListType());
        assertEquals("JSON Lines", exports.get(0).getFormat());
        assertEquals("application/x-ndjson", exports.get(0).getMimeType());
        assertEquals("saved_query", exports.get(1).getListType());
        assertNull(exports.get(1).getName());
        assertNull(exports.get(1).getMimeType());
    }

    @Test
    void anUnknownStatusAndExtraFieldsOnAnExportFileParse() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/exports/86446/export_files/74780")).willReturn(okJson("""
                { "export_files": { "id": 74780, "status": "Archived", "expires_at": "2030-01-01T00:00:00Z",
                                    "download_url": null }, "meta": {"version": 3} }
                """)));

        ExportFile file = client.exportFiles().get(86446L, 74780L);

        assertEquals("Archived", file.getStatus());
        assertEquals(ExportFileStatus.UNKNOWN, ExportFileStatus.of(file));
        assertNull(file.getHref());
        assertNull(file.getExportId());
        assertNull(file.getDownloadUrl());
        assertEquals("2030-01-01T00:00:00Z", file.getAdditionalProperty("expires_at"));
    }

    @Test
    void aMissingListIsAnEmptyList() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities/1/export_files"))
                .willReturn(okJson("{\"href\": \"/api/v1/user_identities/1/export_files\"}")));

        assertTrue(client.exportFiles().list(1L).isEmpty());
        assertTrue(client.exportFiles().withRawResponse().list(1L).value().isEmpty());
    }
}
