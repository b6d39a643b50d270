package com.docsdk.webadmit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.SdkModule;
import com.docsdk.core.Transport;
import com.docsdk.core.service.ServiceContext;
import com.docsdk.webadmit.internal.JSON;
import com.docsdk.webadmit.model.ExportFile;
import com.docsdk.webadmit.model.UserIdentity;
import com.docsdk.webadmit.model.UserIdentityType;
import com.docsdk.webadmit.service.ExportFilesService;
import com.docsdk.webadmit.service.UserIdentitiesService;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The services and models generated from {@code openapi/webadmit.yaml}, on a bare core transport, read the documented examples
 * and stays forward compatible (unknown fields, unknown enum values, missing "required" fields), while error
 * statuses surface as the core's exceptions.
 */
class GeneratedModelCompatibilityTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String EXPORT_FILE_PATH = "/api/v1/exports/86446/export_files/74780";
    private static final String DOWNLOAD_URL = "https://webadmit-production.s3.amazonaws.com/export_files/reports/000/"
            + "074/780/d19d6c0a34b7062c4496530f3d5dbfb_original.txt?AWSAccessKeyId=AKIAIT7746URBGHSHEA"
            + "&Expires=1425359248&Signature=y2jwr78kbVt44xz%2BfaEnp5dXKU%3D";

    /** The documented example "available" of {@code GET /api/v1/exports/{export_id}/export_files/{id}}. */
    private static final String EXPORT_FILE_EXAMPLE = """
            {
              "export_files": {
                "id": 74780,
                "href": "/api/v1/exports/86466/export_files/74780",
                "export_id": 86446,
                "status": "Available",
                "download_url": "%s"
              }
            }
            """.formatted(DOWNLOAD_URL);

    /** The documented example of {@code UserIdentityList}. */
    private static final String USER_IDENTITIES_EXAMPLE = """
            {
              "href": "/api/v1/user_identities",
              "user_identities": [
                {
                  "id": 42,
                  "type": "Admissions User",
                  "association": "SOPHAS",
                  "institution": "Demo University",
                  "organization": "Demo University School of Public Health",
                  "cycle": "2014 - 2015"
                }
              ]
            }
            """;

    private Transport transport;
    private ExportFilesService exportFiles;
    private UserIdentitiesService userIdentities;

    @BeforeEach
    void setUp() {
        transport = Transport.builder(SdkModule.CORE)
                .baseUrl(wm.baseUrl())
                .credentials(Credentials.apiKey("x-api-key", "0123456789abcdef0123456789abcdef"))
                .build();
        ServiceContext context = ServiceContext.builder(transport, JSON.getGson()).build();
        exportFiles = new ExportFilesService(context);
        userIdentities = new UserIdentitiesService(context);
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @Test
    void documentedExampleParses() {
        wm.stubFor(get(urlPathEqualTo(EXPORT_FILE_PATH)).willReturn(okJson(EXPORT_FILE_EXAMPLE)));

        ExportFile file = exportFiles.get(86446L, 74780L);

        assertEquals(74780L, file.getId());
        assertEquals("/api/v1/exports/86466/export_files/74780", file.getHref());
        assertEquals(86446L, file.getExportId());
        assertEquals("Available", file.getStatus());
        assertEquals(DOWNLOAD_URL, file.getDownloadUrl());
        wm.verify(getRequestedFor(urlPathEqualTo(EXPORT_FILE_PATH))
                .withHeader("x-api-key", equalTo("0123456789abcdef0123456789abcdef")));
        OpenApiContract.assertRequestsMatchSpec(wm, "webadmit");
    }

    @Test
    void documentedEnumExampleParses() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities")).willReturn(okJson(USER_IDENTITIES_EXAMPLE)));

        UserIdentity identity = userIdentities.list().get(0);

        assertEquals(42L, identity.getId());
        assertEquals(UserIdentityType.ADMISSIONS_USER, identity.getType());
        assertEquals("2014 - 2015", identity.getCycle());
    }

    @Test
    void unknownFieldAndMissingRequiredFieldsStillParse() {
        // "href" and "export_id" are required by the spec; "retention_days" is unknown; the status is not Title Case.
        wm.stubFor(get(urlPathEqualTo(EXPORT_FILE_PATH)).willReturn(okJson("""
                {"export_files": {"id": 74780, "status": "processing", "retention_days": 7}, "meta": {"v": 2}}
                """)));

        ExportFile file = exportFiles.get(86446L, 74780L);

        assertEquals(74780L, file.getId());
        assertNull(file.getHref());
        assertNull(file.getExportId());
        assertEquals("processing", file.getStatus());
        assertNull(file.getDownloadUrl());
        assertEquals(7, ((Number) file.getAdditionalProperty("retention_days")).intValue());
    }

    @Test
    void unknownEnumValueParsesAsUnknownDefault() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities")).willReturn(okJson(
                USER_IDENTITIES_EXAMPLE.replace("Admissions User", "Reviewer User"))));

        UserIdentity identity = userIdentities.list().get(0);

        assertEquals(UserIdentityType.UNKNOWN, identity.getType());
        assertEquals("SOPHAS", identity.getAssociation());
    }

    @Test
    void errorStatusSurfacesAsTheCoreTypedException() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/exports/1/export_files/2")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\": \"Not Found\"}")));

        NotFoundException e = assertThrows(NotFoundException.class, () -> exportFiles.get(1L, 2L));

        assertEquals(404, e.statusCode());
        assertEquals(List.of("Not Found"), e.messages());
        assertTrue(e.url().endsWith("/api/v1/exports/1/export_files/2"), e.url());
    }
}
