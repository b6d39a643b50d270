package com.docsdk.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenApiContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String FILE_ID = "53d6a0b1-2a8d-4ed9-9e6a-ceaef7ca3908";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Built once: parsing a spec takes a moment. */
    private static OpenApiContract fileAi;

    @BeforeAll
    static void loadSpecs() {
        fileAi = OpenApiContract.forVendor("fileai");
    }

    @BeforeEach
    void answerEverything() {
        wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void conformingRequestsPass() throws Exception {
        send("GET", "/prod/v1/files?page=2&limit=50&sortOrder=DESC&updatedAfter=2025-01-01T00:00:00.000Z",
                null, "x-api-key", "key");
        send("PATCH", "/prod/v1/files/" + FILE_ID,
                "{\"integrationExportStatus\":\"completed\",\"integrationExportMessages\":[\"Synced\"]}",
                "x-api-key", "key");
        send("POST", "/prod/v1/files/upload", "{\"fileName\":\"invoice.pdf\",\"fileType\":\"application/pdf\"}",
                "x-api-key", "key");

        assertDoesNotThrow(() -> fileAi.assertRequestsMatch(wm));
    }

    @Test
    void eachVendorsCredentialHeadersSatisfyItsSecurityRequirements() throws Exception {
        send("GET", "/api/v1/exports/86446/export_files/74780", null, "x-api-key", "k");
        assertDoesNotThrow(() -> OpenApiContract.assertRequestsMatchSpec(wm, "webadmit"));
        wm.resetRequests();

        send("GET", "/api/v1.0/external/sdtask/status?taskId=49", null, "Authorization", "Bearer token");
        assertDoesNotThrow(() -> OpenApiContract.assertRequestsMatchSpec(wm, "smartdocumentor"));
        wm.resetRequests();

        send("GET", "/v1/files/3c90c3cc-0d44-4b50-8888-8dd25736052a", null,
                "x-api-key", "k", "x-organization-id", "7d1e5a2b-0c3f-4e8a-9b6d-2f4c8e1a3b5d");
        assertDoesNotThrow(() -> OpenApiContract.assertRequestsMatchSpec(wm, "dcycle"));
        wm.resetRequests();

        send("GET", "/v3/projects/d7a8b9c0-1e2f-3a4b-5c6d-7e8f9a0b1c2d", null, "Authorization", "Bearer token");
        send("GET", "/v3/projects/d7a8b9c0-1e2f-3a4b-5c6d-7e8f9a0b1c2d", null, "X-API-Key", "k");
        assertDoesNotThrow(() -> OpenApiContract.assertRequestsMatchSpec(wm, "document360"));
    }

    @Test
    void unknownPathFails() throws Exception {
        send("GET", "/prod/v1/documents", null, "x-api-key", "key");

        AssertionError e = assertThrows(AssertionError.class, () -> fileAi.assertRequestsMatch(wm));

        assertTrue(e.getMessage().contains("GET /prod/v1/documents"), e.getMessage());
        assertTrue(e.getMessage().contains("validation.request.path.missing"), e.getMessage());
    }

    @Test
    void wrongQueryParameterTypeFails() throws Exception {
        send("GET", "/prod/v1/files?page=first", null, "x-api-key", "key");

        AssertionError e = assertThrows(AssertionError.class, () -> fileAi.assertRequestsMatch(wm));

        assertTrue(e.getMessage().contains("[validation.request.parameter.schema.type] query parameter 'page'"),
                e.getMessage());
    }

    @Test
    void missingRequiredBodyFieldFails() throws Exception {
        send("PATCH", "/prod/v1/files/" + FILE_ID, "{\"integrationExportMessages\":[\"Synced\"]}",
                "x-api-key", "key");

        AssertionError e = assertThrows(AssertionError.class, () -> fileAi.assertRequestsMatch(wm));

        assertTrue(e.getMessage().contains("validation.request.body.schema.required"), e.getMessage());
        assertTrue(e.getMessage().contains("integrationExportStatus"), e.getMessage());
    }

    @Test
    void missingCredentialHeadersFail() throws Exception {
        send("GET", "/prod/v1/files", null);
        // Dcycle wants x-organization-id with either credential.
        send("GET", "/v1/files/3c90c3cc-0d44-4b50-8888-8dd25736052a", null, "x-api-key", "k");

        AssertionError fileAiError = assertThrows(AssertionError.class, () -> fileAi.assertRequestsMatch(wm,
                request -> request.getUrl().startsWith("/prod/")));
        AssertionError dcycleError = assertThrows(AssertionError.class,
                () -> OpenApiContract.forVendor("dcycle").assertRequestsMatch(wm,
                        request -> request.getUrl().startsWith("/v1/")));

        assertTrue(fileAiError.getMessage().contains("validation.request.security"), fileAiError.getMessage());
        assertTrue(dcycleError.getMessage().contains("validation.request.security"), dcycleError.getMessage());
    }

    @Test
    void oauth2OrBearerOperationsNeedAnAuthorizationHeader() throws Exception {
        send("GET", "/api/v1.0/external/sdtask/status?taskId=49", null);
        // The token endpoint declares `security: []`: it is called without credentials.
        sendForm("/connect/token", "grant_type=client_credentials&scope=WebAPI&client_id=id&client_secret=secret");

        AssertionError e = assertThrows(AssertionError.class,
                () -> OpenApiContract.assertRequestsMatchSpec(wm, "smartdocumentor"));

        assertTrue(e.getMessage().startsWith("1 of 2 request(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("GET /api/v1.0/external/sdtask/status?taskId=49"), e.getMessage());
        assertTrue(e.getMessage().contains("validation.request.security.missing"), e.getMessage());
    }

    @Test
    void everyViolationOfEveryRequestIsListed() throws Exception {
        send("GET", "/prod/v1/files?limit=many", null, "x-api-key", "key");
        send("GET", "/prod/v1/files", null, "x-api-key", "key");
        send("PATCH", "/prod/v1/files/" + FILE_ID, "{\"integrationExportStatus\":\"archived\"}");

        AssertionError e = assertThrows(AssertionError.class, () -> fileAi.assertRequestsMatch(wm));

        assertTrue(e.getMessage().startsWith("2 of 3 request(s) do not match the fileai OpenAPI spec"),
                e.getMessage());
        assertTrue(e.getMessage().contains("query parameter 'limit'"), e.getMessage());
        assertTrue(e.getMessage().contains("archived"), e.getMessage());
        assertTrue(e.getMessage().contains("validation.request.security"), e.getMessage());
    }

    @Test
    void requestsLeftOutByThePredicateAreNotChecked() throws Exception {
        send("GET", "/export_files/reports/000/074/780/report.csv?X-Amz-Signature=abc", null);
        send("GET", "/prod/v1/files", null, "x-api-key", "key");

        assertDoesNotThrow(() -> fileAi.assertRequestsMatch(wm, request -> !request.getUrl().startsWith("/export_")));
        assertThrows(AssertionError.class, () -> fileAi.assertRequestsMatch(wm));
    }

    @Test
    void serverPathPrefixMayBeSentOrLeftOut() throws Exception {
        OpenApiContract contract = OpenApiContract.forSpecification("example", """
                openapi: 3.0.3
                info: {title: Example, version: '1'}
                servers:
                  - url: https://api.example.com/v2
                paths:
                  /files:
                    get:
                      parameters:
                        - {name: page, in: query, schema: {type: integer}}
                      responses:
                        '200': {description: ok}
                """);
        send("GET", "/v2/files?page=1", null);
        send("GET", "/files?page=1", null);
        assertDoesNotThrow(() -> contract.assertRequestsMatch(wm));

        send("GET", "/v3/files", null);
        AssertionError e = assertThrows(AssertionError.class, () -> contract.assertRequestsMatch(wm));
        assertTrue(e.getMessage().startsWith("1 of 3 request(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("GET /v3/files"), e.getMessage());
    }

    @Test
    void everyVendorSpecIsBundled() {
        for (String vendor : OpenApiContract.VENDORS) {
            assertTrue(OpenApiContract.specYaml(vendor).startsWith("openapi: 3.0.3"), vendor);
        }
        assertThrows(IllegalArgumentException.class, () -> OpenApiContract.forVendor("acme"));
        assertEquals("fileai", fileAi.name());
    }

    private static void sendForm(String path, String form) throws IOException, InterruptedException {
        HTTP.send(HttpRequest.newBuilder(URI.create(wm.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .build(), HttpResponse.BodyHandlers.discarding());
    }

    private static void send(String method, String pathAndQuery, String jsonBody, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(wm.baseUrl() + pathAndQuery))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody))
                .header("Accept", "application/json");
        if (jsonBody != null) {
            b.header("Content-Type", "application/json; charset=utf-8");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding());
    }
}
