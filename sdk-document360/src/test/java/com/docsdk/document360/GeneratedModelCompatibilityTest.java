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

import com.docsdk.core.Credentials;
import com.docsdk.core.NotFoundException;
import com.docsdk.core.SdkModule;
import com.docsdk.core.Transport;
import com.docsdk.document360.generated.api.ProjectsApi;
import com.docsdk.document360.generated.invoker.ApiClient;
import com.docsdk.document360.generated.model.Project;
import com.docsdk.document360.generated.model.ProjectResponse;
import com.docsdk.document360.generated.model.ProjectStatus;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The code generated from {@code openapi/document360.yaml}, wired to the core transport, reads the documented
 * example and stays forward compatible (unknown fields, unknown enum values, missing "required" fields), while
 * error statuses surface as the core's exceptions.
 */
class GeneratedModelCompatibilityTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final UUID PROJECT_ID = UUID.fromString("d7a8b9c0-1e2f-3a4b-5c6d-7e8f9a0b1c2d");
    private static final String PROJECT_PATH = "/v3/projects/" + PROJECT_ID;

    private Transport transport;
    private ProjectsApi projects;

    @BeforeEach
    void setUp() {
        transport = Transport.builder(SdkModule.CORE)
                .baseUrl(wm.baseUrl())
                .credentials(Credentials.bearerToken("portal-api-token"))
                .build();
        ApiClient client = new ApiClient(transport.okHttpClient());
        client.setBasePath(wm.baseUrl());
        projects = new ProjectsApi(client);
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @Test
    void documentedExampleParses() throws Exception {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson(VendorExamples.PROJECT)));

        ProjectResponse response = projects.getProject(PROJECT_ID);

        assertEquals("b2c3d4e5-f6a7-8901-bcde-f12345678901", response.getRequestId());
        assertEquals(Boolean.TRUE, response.getSuccess());
        assertTrue(response.getErrors().isEmpty());
        Project project = response.getData();
        assertEquals(PROJECT_ID, project.getId());
        assertEquals("Product Documentation", project.getName());
        assertEquals("docs-product", project.getSubDomainName());
        assertEquals(OffsetDateTime.parse("2025-08-20T16:00:00Z"), project.getModifiedAt());
        assertEquals(ProjectStatus.ACTIVE, project.getStatus());
        wm.verify(getRequestedFor(urlPathEqualTo(PROJECT_PATH))
                .withHeader("Authorization", equalTo("Bearer portal-api-token")));
        OpenApiContract.assertRequestsMatchSpec(wm, "document360");
    }

    @Test
    void unknownFieldsUnknownEnumValueAndMissingRequiredFieldStillParse() throws Exception {
        // request_id is required and absent; status 2 is no documented ProjectStatus; two fields are unknown.
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(okJson("""
                {
                  "data": {"id": "d7a8b9c0-1e2f-3a4b-5c6d-7e8f9a0b1c2d", "name": "Docs", "status": 2,
                           "region": "eu-west"},
                  "success": true,
                  "rate_limit": {"remaining": 59}
                }
                """)));

        ProjectResponse response = projects.getProject(PROJECT_ID);

        assertNull(response.getRequestId());
        assertEquals(ProjectStatus.NUMBER_unknown_default_open_api, response.getData().getStatus());
        assertEquals("Docs", response.getData().getName());
        assertEquals("eu-west", response.getData().getAdditionalProperty("region"));
        assertTrue(response.getAdditionalProperties().containsKey("rate_limit"));
    }

    @Test
    void errorStatusSurfacesAsTheCoreTypedException() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("""
                        {"type": "https://developer.document360.com/errors/not-found", "title": "Not Found.",
                         "status": 404, "detail": "The requested resource does not exist or has been deleted.",
                         "instance": null, "trace_id": "req_abc123def456",
                         "errors": [{"code": "RESOURCE_NOT_FOUND", "message": "The requested resource was not found.",
                                     "field": null, "details": null}],
                         "warnings": null}
                        """)));

        NotFoundException e = assertThrows(NotFoundException.class, () -> projects.getProject(PROJECT_ID));

        assertEquals(404, e.statusCode());
        assertEquals("req_abc123def456", e.requestId().orElseThrow());
        assertTrue(e.messages().contains("Not Found."), e.messages().toString());
    }
}
