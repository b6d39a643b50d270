package com.docsdk.fileai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.SdkModule;
import com.docsdk.core.Transport;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.service.ServiceContext;
import com.docsdk.fileai.internal.JSON;
import com.docsdk.fileai.model.FileExportStatusUpdate;
import com.docsdk.fileai.model.FileExportStatusUpdateResult;
import com.docsdk.fileai.model.FileInfo;
import com.docsdk.fileai.model.FileList;
import com.docsdk.fileai.model.IntegrationExportStatus;
import com.docsdk.fileai.service.FilesService;
import com.docsdk.fileai.service.UploadsService;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The services and models generated from {@code openapi/fileai.yaml}, on a bare core transport, reads the documented example
 * and stays forward compatible (unknown fields, unknown enum values, missing "required" fields), while error
 * statuses surface as the core's exceptions.
 */
class GeneratedModelCompatibilityTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Transport transport;
    private FilesService files;
    private UploadsService uploads;

    @BeforeEach
    void setUp() {
        transport = Transport.builder(SdkModule.CORE)
                .baseUrl(wm.baseUrl())
                .credentials(Credentials.apiKey("x-api-key", "test-key"))
                .build();
        ServiceContext context = ServiceContext.builder(transport, JSON.getGson()).build();
        files = new FilesService(context);
        uploads = new UploadsService(context);
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @Test
    void documentedExampleParses() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson(Examples.LIST_FILES)));

        FileList list = files.listPage(FilesService.ListParams.builder().page(1).limit(100).build(), RequestOptions.none());

        assertEquals(1L, list.getCount());
        assertEquals(1, list.getCurrentPage());
        FileInfo file = list.getFiles().get(0);
        assertEquals("53d6a0b1-2a8d-4ed9-9e6a-ceaef7ca3908", file.getFileId());
        assertEquals("file1.jpg", file.getFileName());
        assertEquals(261928L, file.getFileSize());
        assertEquals("processed", file.getStatus());
        assertNull(file.getDuplicateToFileId());
        assertFalse(file.getIsDuplicate());
        assertEquals(OffsetDateTime.parse("2025-05-27T12:14:24.258Z"), file.getCreatedAt());
        assertNull(file.getIntegrationExportStatus());
        wm.verify(getRequestedFor(urlPathEqualTo("/prod/v1/files"))
                .withHeader("x-api-key", equalTo("test-key"))
                .withQueryParam("page", equalTo("1"))
                .withQueryParam("limit", equalTo("100")));
        OpenApiContract.assertRequestsMatchSpec(wm, "fileai");
    }

    @Test
    void unknownFieldsAndUnknownEnumValuesStillParse() throws Exception {
        String body = Examples.LIST_FILES
                .replace("\"currentPage\": 1", "\"currentPage\": 1, \"nextCursor\": \"abc\"")
                .replace("\"summary\": \"Example file\",",
                        "\"summary\": \"Example file\", \"integrationExportStatus\": \"archived\", \"pageCount\": 3,");
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(okJson(body)));

        FileList list = files.listPage(FilesService.ListParams.none(), RequestOptions.none());

        assertEquals("abc", list.getAdditionalProperty("nextCursor"));
        FileInfo file = list.getFiles().get(0);
        assertEquals(IntegrationExportStatus.UNKNOWN, file.getIntegrationExportStatus());
        assertEquals(3, ((Number) file.getAdditionalProperty("pageCount")).intValue());
        assertEquals("file1.jpg", file.getFileName());
    }

    /**
     * No GET response of fileAI marks a field required; the PATCH result (the seed's vendor schema) does:
     * {@code exportInfo.integrationExportUpdatedAt} is required, and is left out here.
     */
    @Test
    void missingRequiredFieldStillParses() throws Exception {
        wm.stubFor(patch(urlPathEqualTo("/prod/v1/files/53d6a0b1-2a8d-4ed9-9e6a-ceaef7ca3908")).willReturn(okJson("""
                {
                  "fileId": "53d6a0b1-2a8d-4ed9-9e6a-ceaef7ca3908",
                  "exportInfo": {
                    "integrationExportStatus": "synced",
                    "integrationExportMessages": ["Successfully synced to ERP system"],
                    "exportedBy": "erp-connector"
                  }
                }
                """)));

        FileExportStatusUpdateResult result = files.updateExportStatus("53d6a0b1-2a8d-4ed9-9e6a-ceaef7ca3908",
                new FileExportStatusUpdate().integrationExportStatus(IntegrationExportStatus.COMPLETED)
                        .integrationExportMessages(List.of("Successfully synced to ERP system")));

        assertEquals("53d6a0b1-2a8d-4ed9-9e6a-ceaef7ca3908", result.getFileId());
        assertNull(result.getExportInfo().getIntegrationExportUpdatedAt());
        assertEquals(IntegrationExportStatus.UNKNOWN,
                result.getExportInfo().getIntegrationExportStatus());
        assertEquals(List.of("Successfully synced to ERP system"),
                result.getExportInfo().getIntegrationExportMessages());
        OpenApiContract.assertRequestsMatchSpec(wm, "fileai"); // the generated PATCH body conforms too
    }

    @Test
    void errorStatusSurfacesAsTheCoreTypedException() {
        wm.stubFor(get(urlPathEqualTo("/prod/v1/files")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Invalid API key | API key is missing\",\"error\":\"Unauthorized\","
                        + "\"statusCode\":401}")));
        wm.stubFor(get(urlPathEqualTo("/prod/v1/uploads/missing")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"File with id missing not found\",\"error\":\"Not Found\","
                        + "\"statusCode\":404}")));

        AuthenticationException unauthorized = assertThrows(AuthenticationException.class,
                () -> files.listPage(FilesService.ListParams.none(), RequestOptions.none()));
        assertEquals(401, unauthorized.statusCode());
        assertEquals(List.of("Invalid API key | API key is missing"), unauthorized.messages());

        NotFoundException notFound = assertThrows(NotFoundException.class,
                () -> uploads.get("missing"));
        assertEquals(404, notFound.statusCode());
        assertEquals("GET", notFound.method());
    }

}
