package com.docsdk.smartdocumentor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.docsdk.core.RequestOptions;
import com.docsdk.smartdocumentor.model.PatchExternalIntegrationStatusRequest;
import com.docsdk.smartdocumentor.service.TasksService;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;

/** Shared test material: the vendor's documented bodies, a client on WireMock, the spec contract, a test clock. */
final class Fixtures {
    static final String TOKEN_PATH = "/connect/token";
    static final String PROCESS_PATH = "/api/v1.0/external/sdtask/process";
    static final String STATUS_PATH = "/api/v1.0/external/sdtask/status";
    static final String STATUS_LIST_PATH = "/api/v1.0/external/sdtask/statuslist";
    static final String STATUS_PAGE_PATH = "/api/v1.0/external/sdtask/statuslistpaginated";
    static final String EXTERNAL_STATUS_PATH = "/api/v1.0/external/sdtask/externalIntegrationStatus";
    static final String REPROCESS_PATH = "/api/v1.0/external/sdtask/restartprocessing";
    static final String EXPORT_PATH_PREFIX = "/api/v1.0/external/sdtask/GetExportData/";

    static final String STATIC_TOKEN = "test-access-token";

    /** The documented task status example (get-task-status / get-task-status-list pages). */
    static final String TASK_STATUS_EXAMPLE = """
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

    /** The documented access token response (post-client-credentials-access-token page). */
    static final String TOKEN_EXAMPLE = """
            { "access_token": "your access token", "expires_in": 3600, "token_type": "Bearer", "scope": "WebAPI" }
            """;

    /** The documented export data example (get-get-export-data page, as far as it was captured). */
    static final String EXPORT_DATA_EXAMPLE = """
            {
              "taskId": 0,
              "originalFileUrl": "string",
              "workspaceId": 0,
              "batchId": 0,
              "taskNumber": 0,
              "externalId": "string",
              "displayName": "string",
              "description": "string",
              "totalPages": 0,
              "lastCheckoutByUserName": "string",
              "lastCheckedOutBy": 0,
              "lastCheckedOutUntil": "2025-12-31T09:57:08.824Z",
              "chunks": [
                {
                  "entities": [
                    {
                      "type": "string",
                      "category": "string",
                      "groupName": "string",
                      "pageNumber": 0,
                      "chunkNumber": 0,
                      "customFormValues": "string",
                      "qrCode": {
                        "boundingBox": {"height": 0, "width": 0, "left": 0, "bottom": 0, "x": 0, "y": 0, "right": 0,
                                        "top": 0},
                        "points": []
                      }
                    }
                  ]
                }
              ]
            }
            """;

    /** The documented body of PATCH External Integration Status. */
    static final String PATCH_BODY_EXAMPLE = "{\"externalIntegrationStatus\": \"my-custom-status\"}";

    private static OpenApiContract contract;

    private Fixtures() {
    }

    /** The spec contract, parsed once per test run. */
    static synchronized OpenApiContract contract() {
        if (contract == null) {
            contract = OpenApiContract.forVendor("smartdocumentor");
        }
        return contract;
    }

    /** A client on WireMock with a static bearer token and a sleeper that never waits. */
    static SmartDocumentorClient client(WireMockExtension wm) {
        return builder(wm).accessToken(STATIC_TOKEN).build();
    }

    /** A builder on WireMock that never waits. */
    static SmartDocumentorClient.Builder builder(WireMockExtension wm) {
        return SmartDocumentorClient.builder().baseUrl(wm.baseUrl()).sleeper(d -> { });
    }

    /** A status object with the given id, code and external integration status. */
    static String task(long id, int taskStatus, String externalStatus) {
        return "{\"taskId\": " + id + ", \"workspaceId\": 1, \"displayName\": \"Task " + id + "\", \"createdOn\":"
                + " \"2022-03-28T14:28:56Z\", \"taskStatus\": " + taskStatus + ", \"integrationStatus\": 0,"
                + " \"totalPages\": 1, \"externalIntegrationStatus\": \"" + externalStatus + "\"}";
    }

    static String tasks(long fromId, int count) {
        List<String> list = new ArrayList<>();
        for (long id = fromId; id < fromId + count; id++) {
            list.add(task(id, 34, "never"));
        }
        return "[" + String.join(",", list) + "]";
    }

    /** The task with this id, as {@code tasks().get} names it. */
    static TasksService.GetParams byId(long id) {
        return TasksService.GetParams.builder().taskId(id).build();
    }

    /** The task with this external id, as {@code tasks().get} names it. */
    static TasksService.GetParams byExternalId(String externalId) {
        return TasksService.GetParams.builder().externalId(externalId).build();
    }

    /** Sets the external integration status of the task with this id. */
    static void mark(SmartDocumentorClient client, long id, String status) {
        client.tasks().updateExternalIntegrationStatus(
                new PatchExternalIntegrationStatusRequest().externalIntegrationStatus(status),
                TasksService.UpdateExternalIntegrationStatusParams.builder().taskId(id).build(), RequestOptions.none());
    }

    static void assertNoRequests(WireMockExtension wm) {
        assertEquals(0, wm.getAllServeEvents().size(), "no request may reach the server");
    }
}
