package com.docsdk.dcycle;

import static com.docsdk.dcycle.DcycleTesting.API_KEY;
import static com.docsdk.dcycle.DcycleTesting.FILE_ID;
import static com.docsdk.dcycle.DcycleTesting.FOLDER_ID;
import static com.docsdk.dcycle.DcycleTesting.ORG_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.docsdk.core.RequestOptions;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.error.ServerException;
import com.docsdk.dcycle.model.FileRecord;
import com.docsdk.dcycle.service.UploadsService;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The legacy upload through the backend ({@code POST /v1/files/upload}, {@code multipart/form-data}) as the generated
 * {@code uploads().createMultipart}: the file streamed as the {@code file} part, the optional {@code folder_id} part,
 * the credentials, and no second send of a create.
 */
class LegacyUploadTest {
    private static final String CREATED = """
            {"id": "%s", "name": "water-invoice-2024-03", "extension": "pdf", "mime_type": "application/pdf",
             "size_kb": 1, "status": "uploaded"}""".formatted(FILE_ID);

    @RegisterExtension
    static WireMockExtension api = DcycleTesting.wireMock();

    @TempDir
    Path dir;

    private DcycleClient dcycle;
    private Path pdf;
    private byte[] bytes;

    @BeforeEach
    void setUp() throws IOException {
        dcycle = DcycleTesting.client(api).build();
        bytes = "%PDF-1.7 legacy water invoice".getBytes(StandardCharsets.US_ASCII);
        pdf = Files.write(dir.resolve("water-invoice-2024-03.pdf"), bytes);
    }

    @AfterEach
    void tearDown() {
        dcycle.close();
        DcycleTesting.CONTRACT.assertRequestsMatch(api);
    }

    @Test
    void theFileAndTheFolderAreSentAsMultipartParts() {
        api.stubFor(post(urlPathEqualTo("/v1/files/upload")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(CREATED)));

        FileRecord created = dcycle.uploads().createMultipart(pdf.toFile(),
                UploadsService.CreateMultipartParams.builder().folderId(FOLDER_ID).build(), RequestOptions.none());

        assertEquals(FILE_ID, created.getId());
        assertEquals("uploaded", created.getStatus());
        api.verify(1, postRequestedFor(urlPathEqualTo("/v1/files/upload"))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withHeader("x-api-key", equalTo(API_KEY))
                .withHeader("x-organization-id", equalTo(ORG_ID))
                .withRequestBodyPart(aMultipart().withName("file").withBody(binaryEqualTo(bytes)).build())
                .withRequestBodyPart(aMultipart().withName("folder_id").withBody(equalTo(FOLDER_ID)).build()));
        LoggedRequest sent = api.findAll(postRequestedFor(urlPathEqualTo("/v1/files/upload"))).get(0);
        assertEquals("water-invoice-2024-03.pdf", sent.getPart("file").getHeader("Content-Disposition")
                .firstValue().replaceAll(".*filename=\"([^\"]*)\".*", "$1"));
    }

    @Test
    void withoutAFolderOnlyTheFileIsSent() {
        api.stubFor(post(urlPathEqualTo("/v1/files/upload")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(CREATED)));

        dcycle.uploads().createMultipart(pdf.toFile());

        LoggedRequest sent = api.findAll(postRequestedFor(urlPathEqualTo("/v1/files/upload"))).get(0);
        assertEquals(1, sent.getParts().size());
        assertFalse(sent.getParts().stream().anyMatch(p -> "folder_id".equals(p.getName())));
    }

    @Test
    void aFailedLegacyUploadIsNotSentTwice() {
        dcycle.close();
        dcycle = DcycleTesting.client(api).retryPolicy(RetryPolicy.defaults()).build();
        api.stubFor(post(urlPathEqualTo("/v1/files/upload")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"detail\": \"Internal server error\", \"code\": \"INTERNAL_ERROR\"}")));

        assertThrows(ServerException.class, () -> dcycle.uploads().createMultipart(pdf.toFile()));

        api.verify(1, postRequestedFor(urlPathEqualTo("/v1/files/upload")));
    }
}
