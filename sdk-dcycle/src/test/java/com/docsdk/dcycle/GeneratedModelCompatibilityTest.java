package com.docsdk.dcycle;

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
import com.docsdk.core.SdkModule;
import com.docsdk.core.Transport;
import com.docsdk.core.service.ServiceContext;
import com.docsdk.dcycle.internal.JSON;
import com.docsdk.dcycle.model.FileBatchUpdateRequest;
import com.docsdk.dcycle.model.FileRecord;
import com.docsdk.dcycle.model.UploadConfirmationStatus;
import com.docsdk.dcycle.service.FilesService;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The code generated from {@code openapi/dcycle.yaml} (a service on a bare core transport, no facade) reads the
 * documented example
 * and stays forward compatible, while error statuses surface as the core's exceptions.
 *
 * <p>Dcycle's responses mark no field required and use no enum (file status is an open string on purpose); the
 * spec's only enum ({@code UploadConfirmationStatus}) and its required fields live in a request body
 * ({@code FileBatchUpdateRequest}), so those two cases are checked on that generated model directly.
 */
class GeneratedModelCompatibilityTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String FILE_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    private static final String FILE_PATH = "/v1/files/" + FILE_ID;
    private static final String FILE_URL = "https://dcycle-files.s3.eu-west-1.amazonaws.com/org/" + FILE_ID
            + "/water-invoice-2024-03.pdf";

    /** The example of {@code FileRecord} (GET /v1/files/{file_id}). */
    private static final String FILE_EXAMPLE = """
            {
              "id": "%s",
              "name": "water-invoice-2024-03",
              "extension": "pdf",
              "mime_type": "application/pdf",
              "size_kb": 245,
              "status": "uploaded",
              "url": "%s"
            }
            """.formatted(FILE_ID, FILE_URL);

    private Transport transport;
    private FilesService files;

    @BeforeEach
    void setUp() {
        transport = Transport.builder(SdkModule.CORE)
                .baseUrl(wm.baseUrl())
                .credentials(Credentials.apiKey("x-api-key", "test-key")
                        .withHeader("x-organization-id", "7d1e5a2b-0c3f-4e8a-9b6d-2f4c8e1a3b5d"))
                .build();
        files = new FilesService(ServiceContext.builder(transport, JSON.getGson()).build());
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @Test
    void documentedExampleParses() {
        wm.stubFor(get(urlPathEqualTo(FILE_PATH)).willReturn(okJson(FILE_EXAMPLE)));

        FileRecord file = files.get(FILE_ID);

        assertEquals(FILE_ID, file.getId());
        assertEquals("water-invoice-2024-03", file.getName());
        assertEquals("pdf", file.getExtension());
        assertEquals("application/pdf", file.getMimeType());
        assertEquals(245, file.getSizeKb());
        assertEquals("uploaded", file.getStatus());
        assertEquals(FILE_URL, file.getUrl());
        assertNull(file.getFolderId());
        wm.verify(getRequestedFor(urlPathEqualTo(FILE_PATH))
                .withHeader("x-api-key", equalTo("test-key"))
                .withHeader("x-organization-id", equalTo("7d1e5a2b-0c3f-4e8a-9b6d-2f4c8e1a3b5d")));
        OpenApiContract.assertRequestsMatchSpec(wm, "dcycle");
    }

    @Test
    void unknownFieldsUnknownStatusAndMissingFieldsStillParse() {
        wm.stubFor(get(urlPathEqualTo(FILE_PATH)).willReturn(okJson("""
                {"id": "%s", "status": "classifying", "category": "water", "pages": [1, 2]}
                """.formatted(FILE_ID))));

        FileRecord file = files.get(FILE_ID);

        assertEquals(FILE_ID, file.getId());
        assertEquals("classifying", file.getStatus());
        assertNull(file.getName());
        assertNull(file.getSizeKb());
        assertEquals("water", file.getAdditionalProperty("category"));
        assertEquals(2, ((List<?>) file.getAdditionalProperty("pages")).size());
    }

    @Test
    void generatedEnumAndRequiredFieldsAreTolerantToo() {
        FileBatchUpdateRequest request = JSON.getGson().fromJson("{\"status\": \"archived\"}",
                FileBatchUpdateRequest.class);

        assertEquals(UploadConfirmationStatus.UNKNOWN, request.getStatus());
        assertEquals(List.of(), request.getFileIds()); // required by the spec, absent: the generated default
    }

    @Test
    void errorStatusSurfacesAsTheCoreTypedException() {
        wm.stubFor(get(urlPathEqualTo("/v1/files/missing")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"detail\": \"File not found\", \"code\": \"FILE_NOT_FOUND\"}")));

        NotFoundException e = assertThrows(NotFoundException.class, () -> files.get("missing"));

        assertEquals(404, e.statusCode());
        assertEquals(List.of("File not found"), e.messages());
        assertEquals("FILE_NOT_FOUND", e.errorCode().orElseThrow());
    }
}
