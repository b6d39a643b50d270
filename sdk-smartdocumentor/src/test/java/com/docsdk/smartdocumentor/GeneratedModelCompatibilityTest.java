package com.docsdk.smartdocumentor;

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

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkModule;
import com.docsdk.core.Transport;
import com.docsdk.core.service.ServiceContext;
import com.docsdk.smartdocumentor.internal.JSON;
import com.docsdk.smartdocumentor.model.TaskStatusResponse;
import com.docsdk.smartdocumentor.service.TasksService;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The services and models generated from {@code openapi/smartdocumentor.yaml}, on a bare core transport, read the documented
 * example and stays forward compatible (unknown fields, undocumented status codes, missing "required" fields),
 * while error statuses surface as the core's exceptions.
 *
 * <p>The statuses are no enum: the vendor's {@code TaskStatus} and {@code IntegrationStatus} are integer codes whose
 * table is incomplete, modelled as open integers "to be preserved, never rejected". The unknown-value case is
 * therefore an undocumented code that must come through unchanged.
 */
class GeneratedModelCompatibilityTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String STATUS_PATH = "/api/v1.0/external/sdtask/status";

    /** The documented example of {@code TaskStatusResponse} (GET .../sdtask/status). */
    private static final String TASK_STATUS_EXAMPLE = """
            {
              "taskId": 49,
              "workspaceId": 1,
              "batchId": null,
              "taskNumber": null,
              "externalId": null,
              "displayName": "Task display name",
              "description": "Task description",
              "createdOn": "2022-03-28T14:28:56Z",
              "taskStatus": 4,
              "integrationStatus": 0,
              "totalPages": 1
            }
            """;

    private Transport transport;
    private TasksService tasks;

    @BeforeEach
    void setUp() {
        transport = Transport.builder(SdkModule.CORE)
                .baseUrl(wm.baseUrl())
                .credentials(Credentials.bearerToken("test-access-token"))
                .build();
        tasks = new TasksService(ServiceContext.builder(transport, JSON.getGson()).build());
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @Test
    void documentedExampleParses() throws Exception {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson(TASK_STATUS_EXAMPLE)));

        TaskStatusResponse status = tasks.get(Fixtures.byId(49), RequestOptions.none());

        assertEquals(49L, status.getTaskId());
        assertEquals(1L, status.getWorkspaceId());
        assertNull(status.getBatchId());
        assertEquals("Task display name", status.getDisplayName());
        assertEquals(OffsetDateTime.parse("2022-03-28T14:28:56Z"), status.getCreatedOn());
        assertEquals(4, status.getTaskStatus());
        assertEquals(0, status.getIntegrationStatus());
        assertEquals(1, status.getTotalPages());
        wm.verify(getRequestedFor(urlPathEqualTo(STATUS_PATH))
                .withQueryParam("taskId", equalTo("49"))
                .withHeader("Authorization", equalTo("Bearer test-access-token")));
        OpenApiContract.assertRequestsMatchSpec(wm, "smartdocumentor");
    }

    @Test
    void unknownFieldsUndocumentedCodesAndMissingRequiredFieldsStillParse() throws Exception {
        // workspaceId, displayName and totalPages are required by the spec and absent; 77 is no documented code.
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(okJson("""
                {
                  "taskId": 49,
                  "taskStatus": 77,
                  "taskStatusText": "AwaitingSignature",
                  "integrationStatus": 0,
                  "documentClass": "Invoice",
                  "confidence": {"overall": 0.93}
                }
                """)));

        TaskStatusResponse status = tasks.get(Fixtures.byId(49), RequestOptions.none());

        assertEquals(49L, status.getTaskId());
        assertNull(status.getWorkspaceId());
        assertNull(status.getDisplayName());
        assertNull(status.getTotalPages());
        assertEquals(77, status.getTaskStatus());
        assertEquals("AwaitingSignature", status.getTaskStatusText());
        assertEquals("Invoice", status.getAdditionalProperty("documentClass"));
        assertEquals(0.93, ((Number) ((java.util.Map<?, ?>) status.getAdditionalProperty("confidence"))
                .get("overall")).doubleValue());
    }

    @Test
    void errorStatusSurfacesAsTheCoreTypedException() {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(aResponse().withStatus(404)));

        NotFoundException e = assertThrows(NotFoundException.class, () -> tasks.get(Fixtures.byExternalId("nope"), RequestOptions.none()));

        assertEquals(404, e.statusCode());
        assertEquals("GET", e.method());
    }
}
