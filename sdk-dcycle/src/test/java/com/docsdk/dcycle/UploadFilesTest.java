package com.docsdk.dcycle;

import static com.docsdk.dcycle.DcycleTesting.API_KEY;
import static com.docsdk.dcycle.DcycleTesting.FILE_ID;
import static com.docsdk.dcycle.DcycleTesting.FILE_ID_2;
import static com.docsdk.dcycle.DcycleTesting.FOLDER_ID;
import static com.docsdk.dcycle.DcycleTesting.ORG_ID;
import static com.docsdk.dcycle.DcycleTesting.PROJECT_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.error.PermissionDeniedException;
import com.docsdk.core.error.ServerException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three-step upload against WireMock: the Dcycle API on one server, the presigned "S3" URLs on a second (a
 * foreign host), whose requests are left out of the spec check because they are not Dcycle API calls.
 */
class UploadFilesTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @RegisterExtension
    static WireMockExtension api = DcycleTesting.wireMock();
    @RegisterExtension
    static WireMockExtension storage = DcycleTesting.wireMock();

    @TempDir
    Path dir;

    private DcycleClient dcycle;
    private Path pdf;
    private Path xlsx;
    private byte[] pdfBytes;

    @BeforeEach
    void setUp() throws IOException {
        dcycle = DcycleTesting.client(api).build();
        pdfBytes = "%PDF-1.7 water invoice".repeat(100).getBytes(StandardCharsets.US_ASCII); // 2300 bytes -> 3 KB
        pdf = Files.write(dir.resolve("water-invoice-2024-03.pdf"), pdfBytes);
        xlsx = Files.write(dir.resolve("waste-report-q1.xlsx"), new byte[] {1, 2, 3});
    }

    @AfterEach
    void tearDown() {
        dcycle.close();
        DcycleTesting.CONTRACT.assertRequestsMatch(api);
    }

    private String presigned(String id, String name) {
        return """
                {"id": "%s", "status": "pending",
                 "url": "https://dcycle-files.s3.eu-west-1.amazonaws.com/org/%s/%s",
                 "presigned_url": "%s/org/%s/%s?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=3600&X-Amz-Signature=abc123"}
                """.formatted(id, id, name, storage.baseUrl(), id, name);
    }

    private void stubPresigned(String... items) {
        api.stubFor(post(urlPathEqualTo("/v1/files/presigned-urls"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("[" + String.join(",", items) + "]")));
    }

    private void stubConfirm() {
        api.stubFor(patch(urlPathEqualTo("/v1/files/batch-update")).willReturn(okJson("{}")));
    }

    @Test
    void uploadsTheBatchStreamsEachFileToItsPresignedUrlAndConfirmsIt() {
        stubPresigned(presigned(FILE_ID, "water-invoice-2024-03.pdf"), presigned(FILE_ID_2, "waste-report-q1.xlsx"));
        storage.stubFor(put(urlPathMatching("/org/.*")).willReturn(ok().withHeader("ETag", "\"etag\"")));
        stubConfirm();

        UploadBatchResult result = dcycle.uploadFiles(List.of(FileUpload.of(pdf),
                FileUpload.builder(xlsx).folderId(FOLDER_ID).build()));

        assertTrue(result.allSucceeded(), result.toString());
        assertEquals(List.of(FILE_ID, FILE_ID_2), result.files().stream().map(o -> o.fileId().orElseThrow()).toList());
        assertEquals(FileUploadState.UPLOADED, result.files().get(0).state());
        assertEquals("https://dcycle-files.s3.eu-west-1.amazonaws.com/org/" + FILE_ID + "/water-invoice-2024-03.pdf",
                result.files().get(0).url().orElseThrow());

        // Step 1: one request for the batch, every field derived from the files.
        api.verify(1, postRequestedFor(urlPathEqualTo("/v1/files/presigned-urls"))
                .withHeader("x-api-key", equalTo(API_KEY))
                .withHeader("x-organization-id", equalTo(ORG_ID))
                .withRequestBody(equalToJson("""
                        [{"name": "water-invoice-2024-03", "extension": "pdf", "mime_type": "application/pdf",
                          "size_kb": 3},
                         {"name": "waste-report-q1", "extension": "xlsx", "mime_type": "%s", "size_kb": 1,
                          "folder_id": "%s"}]""".formatted(XLSX, FOLDER_ID))));

        // Step 2: the bytes, with the exact MIME type, and no Dcycle credential on the foreign host.
        storage.verify(putRequestedFor(urlPathEqualTo("/org/" + FILE_ID + "/water-invoice-2024-03.pdf"))
                .withQueryParam("X-Amz-Signature", equalTo("abc123"))
                .withHeader("Content-Type", equalTo("application/pdf"))
                .withHeader("x-api-key", absent())
                .withHeader("x-organization-id", absent())
                .withHeader("Authorization", absent())
                .withRequestBody(binaryEqualTo(pdfBytes)));
        storage.verify(putRequestedFor(urlPathEqualTo("/org/" + FILE_ID_2 + "/waste-report-q1.xlsx"))
                .withHeader("Content-Type", equalTo(XLSX))
                .withHeader("x-api-key", absent())
                .withHeader("x-organization-id", absent()));
        for (LoggedRequest r : storage.findAll(putRequestedFor(urlPathMatching("/org/.*")))) {
            assertEquals(1, r.getHeaders().getHeader("Content-Type").values().size());
        }

        // Step 3: one confirmation of both.
        api.verify(1, patchRequestedFor(urlPathEqualTo("/v1/files/batch-update")));
        api.verify(patchRequestedFor(urlPathEqualTo("/v1/files/batch-update"))
                .withHeader("x-organization-id", equalTo(ORG_ID))
                .withRequestBody(equalToJson("{\"file_ids\": [\"%s\", \"%s\"], \"status\": \"uploaded\"}"
                        .formatted(FILE_ID, FILE_ID_2))));
    }

    @Test
    void aFailedPutMarksThatFileErrorAndTheOthersUploaded() {
        stubPresigned(presigned(FILE_ID, "water-invoice-2024-03.pdf"), presigned(FILE_ID_2, "waste-report-q1.xlsx"));
        storage.stubFor(put(urlPathMatching("/org/" + FILE_ID + "/.*")).willReturn(ok()));
        storage.stubFor(put(urlPathMatching("/org/" + FILE_ID_2 + "/.*")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/xml")
                .withBody("<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated"
                        + " does not match the signature you provided.</Message></Error>")));
        stubConfirm();

        UploadBatchResult result = dcycle.uploadFiles(List.of(FileUpload.of(pdf), FileUpload.of(xlsx)));

        assertFalse(result.allSucceeded());
        assertEquals(List.of(FILE_ID), result.succeeded().stream().map(o -> o.fileId().orElseThrow()).toList());
        FileUploadOutcome failed = result.failed().get(0);
        assertEquals(FILE_ID_2, failed.fileId().orElseThrow());
        assertEquals(FileUploadState.ERROR, failed.state());
        assertFalse(failed.bytesUploaded());
        PermissionDeniedException cause = assertInstanceOf(PermissionDeniedException.class,
                failed.failure().orElseThrow());
        assertFalse(cause.getMessage().contains("organization id"), "no Dcycle hint on a storage error: "
                + cause.getMessage());
        assertFalse(cause.getMessage().contains("abc123"), "the signature is redacted: " + cause.getMessage());

        api.verify(patchRequestedFor(urlPathEqualTo("/v1/files/batch-update"))
                .withRequestBody(equalToJson("{\"file_ids\": [\"%s\"], \"status\": \"uploaded\"}".formatted(FILE_ID))));
        api.verify(patchRequestedFor(urlPathEqualTo("/v1/files/batch-update"))
                .withRequestBody(equalToJson("{\"file_ids\": [\"%s\"], \"status\": \"error\"}".formatted(FILE_ID_2))));
    }

    @Test
    void aProjectIdLinksOnlyTheUploadedFiles() {
        stubPresigned(presigned(FILE_ID, "water-invoice-2024-03.pdf"));
        storage.stubFor(put(urlPathMatching("/org/.*")).willReturn(ok()));
        stubConfirm();

        dcycle.uploadFiles(List.of(FileUpload.of(pdf)), UploadOptions.builder().projectId(PROJECT_ID).build());

        api.verify(patchRequestedFor(urlPathEqualTo("/v1/files/batch-update")).withRequestBody(equalToJson(
                "{\"file_ids\": [\"%s\"], \"status\": \"uploaded\", \"project_id\": \"%s\"}"
                        .formatted(FILE_ID, PROJECT_ID))));
    }

    @Test
    void whenTheConfirmationFailsTheExceptionCarriesEveryFilesIdAndOutcome() {
        stubPresigned(presigned(FILE_ID, "water-invoice-2024-03.pdf"), presigned(FILE_ID_2, "waste-report-q1.xlsx"));
        storage.stubFor(put(urlPathMatching("/org/" + FILE_ID + "/.*")).willReturn(ok()));
        storage.stubFor(put(urlPathMatching("/org/" + FILE_ID_2 + "/.*")).willReturn(aResponse().withStatus(400)));
        api.stubFor(patch(urlPathEqualTo("/v1/files/batch-update"))
                .withRequestBody(matchingJsonPath("$.status", equalTo("uploaded")))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"detail\": \"Internal server error\", \"code\": \"INTERNAL_ERROR\"}")));
        api.stubFor(patch(urlPathEqualTo("/v1/files/batch-update"))
                .withRequestBody(matchingJsonPath("$.status", equalTo("error"))).willReturn(okJson("{}")));

        DcycleUploadException e = assertThrows(DcycleUploadException.class,
                () -> dcycle.uploadFiles(List.of(FileUpload.of(pdf), FileUpload.of(xlsx))));

        ServerException cause = assertInstanceOf(ServerException.class, e.getCause());
        assertEquals(List.of("Internal server error"), cause.messages());
        assertTrue(e.getMessage().contains(FILE_ID + " (stored)"), e.getMessage());
        FileUploadOutcome stored = e.outcomes().get(0);
        assertEquals(FILE_ID, stored.fileId().orElseThrow());
        assertEquals(FileUploadState.PENDING, stored.state());
        assertTrue(stored.bytesUploaded());
        FileUploadOutcome failed = e.outcomes().get(1);
        assertEquals(FileUploadState.ERROR, failed.state(), "the failed PUT was still marked error");
        assertEquals(List.of(), e.unmatchedFileIds());
        api.verify(1, patchRequestedFor(urlPathEqualTo("/v1/files/batch-update"))
                .withRequestBody(matchingJsonPath("$.status", equalTo("error"))));
    }

    @Test
    void aConfirmationFailingWith5xxIsRetriedBecauseSettingAStatusIsIdempotent() {
        dcycle.close();
        dcycle = DcycleTesting.client(api).retryPolicy(com.docsdk.core.retry.RetryPolicy.defaults()).build();
        stubPresigned(presigned(FILE_ID, "water-invoice-2024-03.pdf"));
        storage.stubFor(put(urlPathMatching("/org/.*")).willReturn(ok()));
        api.stubFor(patch(urlPathEqualTo("/v1/files/batch-update")).inScenario("confirm").whenScenarioStateIs(
                com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(502)));
        api.stubFor(patch(urlPathEqualTo("/v1/files/batch-update")).inScenario("confirm")
                .whenScenarioStateIs("recovered").willReturn(okJson("{}")));

        UploadBatchResult result = dcycle.uploadFiles(List.of(FileUpload.of(pdf)));

        assertTrue(result.allSucceeded());
        api.verify(2, patchRequestedFor(urlPathEqualTo("/v1/files/batch-update")));
    }

    @Test
    void anAnswerThatCannotBeMatchedToTheFilesMarksWhatWasCreatedError() {
        stubPresigned(presigned(FILE_ID, "water-invoice-2024-03.pdf"));
        stubConfirm();

        DcycleUploadException e = assertThrows(DcycleUploadException.class,
                () -> dcycle.uploadFiles(List.of(FileUpload.of(pdf), FileUpload.of(xlsx))));

        assertEquals(List.of(FILE_ID), e.unmatchedFileIds());
        assertEquals(2, e.outcomes().size());
        assertTrue(e.outcomes().stream().allMatch(o -> o.state() == FileUploadState.NOT_CREATED));
        assertTrue(e.getMessage().contains("were marked error"), e.getMessage());
        api.verify(patchRequestedFor(urlPathEqualTo("/v1/files/batch-update"))
                .withRequestBody(equalToJson("{\"file_ids\": [\"%s\"], \"status\": \"error\"}".formatted(FILE_ID))));
        assertEquals(0, storage.getAllServeEvents().size(), "nothing was uploaded");
    }

    @Test
    void aRecordWithoutPresignedUrlIsMarkedError() {
        stubPresigned("{\"id\": \"%s\", \"status\": \"pending\"}".formatted(FILE_ID));
        stubConfirm();

        FileUploadOutcome outcome = dcycle.uploadFiles(List.of(FileUpload.of(pdf))).files().get(0);

        assertEquals(FileUploadState.ERROR, outcome.state());
        assertTrue(outcome.failure().orElseThrow().getMessage().contains("no presigned_url"));
        api.verify(patchRequestedFor(urlPathEqualTo("/v1/files/batch-update"))
                .withRequestBody(equalToJson("{\"file_ids\": [\"%s\"], \"status\": \"error\"}".formatted(FILE_ID))));
    }

    @Test
    void aRefusedBatchThrowsTheCoreExceptionAndUploadsNothing() {
        api.stubFor(post(urlPathEqualTo("/v1/files/presigned-urls")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"detail": [{"loc": ["body", 0, "size_kb"], "msg": "value is not a valid integer",
                                     "type": "type_error.integer"}]}""")));

        BadRequestException e = assertThrows(BadRequestException.class,
                () -> dcycle.uploadFiles(List.of(FileUpload.of(pdf))));

        assertEquals("body.0.size_kb", e.fieldErrors().get(0).field());
        assertEquals("value is not a valid integer", e.fieldErrors().get(0).message());
        assertEquals(0, storage.getAllServeEvents().size());
        api.verify(0, patchRequestedFor(urlPathEqualTo("/v1/files/batch-update")));
    }

    @Test
    void uploadFileUploadsOneFileDerivingEverything() {
        stubPresigned(presigned(FILE_ID, "water-invoice-2024-03.pdf"));
        storage.stubFor(put(urlPathMatching("/org/.*")).willReturn(ok()));
        stubConfirm();

        FileUploadOutcome outcome = dcycle.uploadFile(pdf);

        assertTrue(outcome.succeeded());
        assertEquals("application/pdf", outcome.upload().mimeType());
        assertEquals(3, outcome.upload().sizeKb());
    }

    @Test
    void aPresignedAnswerWithUnknownFieldsAndAnUnknownStatusStillUploads() {
        stubPresigned("""
                {"id": "%s", "status": "awaiting_bytes", "bucket": "dcycle-files", "expires_in": 3600,
                 "presigned_url": "%s/org/%s/water-invoice-2024-03.pdf?X-Amz-Signature=abc123"}"""
                .formatted(FILE_ID, storage.baseUrl(), FILE_ID));
        storage.stubFor(put(urlPathMatching("/org/.*")).willReturn(ok()));
        stubConfirm();

        FileUploadOutcome outcome = dcycle.uploadFile(pdf);

        assertTrue(outcome.succeeded());
        assertTrue(outcome.url().isEmpty(), "a missing url is just absent");
    }

    @Test
    void anUnreachableStorageHostMarksTheFileError() {
        stubPresigned("""
                {"id": "%s", "status": "pending",
                 "presigned_url": "http://127.0.0.1:1/org/%s/water-invoice-2024-03.pdf?X-Amz-Signature=abc123"}"""
                .formatted(FILE_ID, FILE_ID));
        stubConfirm();

        FileUploadOutcome outcome = dcycle.uploadFile(pdf);

        assertEquals(FileUploadState.ERROR, outcome.state());
        assertInstanceOf(com.docsdk.core.error.TransportException.class, outcome.failure().orElseThrow());
        api.verify(patchRequestedFor(urlPathEqualTo("/v1/files/batch-update"))
                .withRequestBody(equalToJson("{\"file_ids\": [\"%s\"], \"status\": \"error\"}".formatted(FILE_ID))));
    }
}
