package com.docsdk.document360;

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
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkModule;
import com.docsdk.core.Transport;
import com.docsdk.core.service.ServiceContext;
import com.docsdk.document360.internal.JSON;
import com.docsdk.document360.model.Project;
import com.docsdk.document360.model.ProjectListResponse;
import com.docsdk.document360.model.ProjectStatus;
import com.docsdk.document360.service.ProjectsService;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The services and models generated from {@code openapi/document360.yaml}, on a bare core transport (no facade, the
 * default reader), read the documented examples and stay forward compatible (unknown fields, unknown enum values,
 * missing "required" fields), while error statuses surface as the core's exceptions.
 */
class GeneratedModelCompatibilityTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final UUID PROJECT_ID = UUID.fromString("d7a8b9c0-1e2f-3a4b-5c6d-7e8f9a0b1c2d");
    private static final String PROJECT_PATH = "/v3/projects/" + PROJECT_ID;

    private Transport transport;
    private ProjectsService projects;

    @BeforeEach
    void setUp() {
        transport = Transport.builder(SdkModule.CORE)
                .baseUrl(wm.baseUrl())
                .credentials(Credentials.bearerToken("portal-api-token"))
                .build();
        projects = new ProjectsService(ServiceContext.builder(transport, JSON.getGson()).build());
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @Test
    void documentedExamplesParse() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson(VendorExamples.PROJECT)));
        wm.stubFor(get(urlPathEqualTo("/v3/projects")).willReturn(okJson(VendorExamples.PROJECT_LIST)));

        Project project = projects.get(PROJECT_ID);
        ProjectListResponse page = projects.listPage(ProjectsService.ListParams.none(), RequestOptions.none());

        assertEquals(PROJECT_ID, project.getId());
        assertEquals("Product Documentation", project.getName());
        assertEquals("docs-product", project.getSubDomainName());
        assertEquals(OffsetDateTime.parse("2025-08-20T16:00:00Z"), project.getModifiedAt());
        assertEquals(ProjectStatus.ACTIVE, project.getStatus());
        assertEquals("a1b2c3d4-e5f6-7890-abcd-ef1234567890", page.getRequestId());
        assertEquals(Boolean.TRUE, page.getSuccess());
        assertTrue(page.getErrors().isEmpty());
        assertEquals(project, page.getData().get(0));
        wm.verify(getRequestedFor(urlPathEqualTo(PROJECT_PATH))
                .withHeader("Authorization", equalTo("Bearer portal-api-token")));
        OpenApiContract.assertRequestsMatchSpec(wm, "document360");
    }

    @Test
    void unknownFieldsUnknownEnumValueAndMissingRequiredFieldStillParse() {
        // request_id is required and absent; status 2 is no documented ProjectStatus; two fields are unknown.
        wm.stubFor(get(urlPathEqualTo("/v3/projects")).willReturn(okJson("""
                {
                  "data": [{"id": "d7a8b9c0-1e2f-3a4b-5c6d-7e8f9a0b1c2d", "name": "Docs", "status": 2,
                            "region": "eu-west"}],
                  "success": true,
                  "rate_limit": {"remaining": 59}
                }
                """)));

        ProjectListResponse page = projects.listPage(ProjectsService.ListParams.none(), RequestOptions.none());

        assertNull(page.getRequestId());
        Project project = page.getData().get(0);
        assertEquals(ProjectStatus.UNKNOWN, project.getStatus());
        assertEquals("Docs", project.getName());
        assertEquals("eu-west", project.getAdditionalProperty("region"));
        assertTrue(page.getAdditionalProperties().containsKey("rate_limit"));
    }

    @Test
    void errorStatusSurfacesAsTheCoreTypedException() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(VendorExamples.NOT_FOUND)));

        NotFoundException e = assertThrows(NotFoundException.class, () -> projects.get(PROJECT_ID));

        assertEquals(404, e.statusCode());
        assertEquals("req_abc123def456", e.requestId().orElseThrow());
        assertTrue(e.messages().contains("Not Found."), e.messages().toString());
    }
}
