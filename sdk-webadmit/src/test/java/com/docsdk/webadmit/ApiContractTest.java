package com.docsdk.webadmit;

import static com.docsdk.webadmit.WebAdmitExamples.API_KEY;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.error.FieldError;
import com.docsdk.core.error.PermissionDeniedException;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.testkit.OpenApiContract;
import com.docsdk.webadmit.model.ApplicantDetail;
import com.docsdk.webadmit.model.ApplicantDetailsRequest;
import com.docsdk.webadmit.model.Batch;
import com.docsdk.webadmit.model.BatchCustomFieldAnswer;
import com.docsdk.webadmit.model.BatchCustomFieldAnswersRequest;
import com.docsdk.webadmit.model.BatchDesignation;
import com.docsdk.webadmit.model.BatchDesignationsRequest;
import com.docsdk.webadmit.model.CustomField;
import com.docsdk.webadmit.model.CustomFieldAnswer;
import com.docsdk.webadmit.model.CustomFieldAnswerInput;
import com.docsdk.webadmit.model.CustomFieldAnswerRequest;
import com.docsdk.webadmit.model.CustomFieldType;
import com.docsdk.webadmit.model.Decision;
import com.docsdk.webadmit.model.Designation;
import com.docsdk.webadmit.model.DesignationUpdateRequest;
import com.docsdk.webadmit.model.DesignationUpdateRequestDesignation;
import com.docsdk.webadmit.model.Organization;
import com.docsdk.webadmit.model.PdfManagerBatch;
import com.docsdk.webadmit.model.PdfManagerBatchInput;
import com.docsdk.webadmit.model.PdfManagerBatchRequest;
import com.docsdk.webadmit.model.PdfManagerTemplate;
import com.docsdk.webadmit.model.Program;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation beyond exports (issue 17) against WireMock serving the vendor's documented example bodies and
 * errors; every request the SDK sends is checked against {@code openapi/webadmit.yaml} after each test.
 */
class ApiContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("webadmit");
    private static final long PROGRAM = 42023191739237L;

    private WebAdmitClient client;

    @BeforeEach
    void setUp() {
        client = WebAdmitClient.builder().apiKey(API_KEY).baseUrl(wm.baseUrl()).sleeper(d -> { })
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        CONTRACT.assertRequestsMatch(wm, r -> !r.getUrl().startsWith("/s3/"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    @Test
    void listsProgramsOrganizationsAndDecisions() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities/1/programs")).willReturn(okJson(ApiExamples.PROGRAMS)));
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities/1/organizations"))
                .willReturn(okJson(ApiExamples.ORGANIZATIONS)));
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities/1/decisions")).willReturn(okJson(ApiExamples.DECISIONS)));

        Program program = client.programs().list(1L).get(0);
        Organization organization = client.organizations().list(1L).get(0);
        Decision decision = client.decisions().list(1L).get(0);

        assertEquals(PROGRAM, program.getId());
        assertEquals("Potions", program.getName());
        assertEquals("Hogwarts School of Witchcraft and Wizardry", program.getOrganizationName());
        assertEquals("2014 - 2015", organization.getCycleName());
        assertEquals(true, organization.getCas3());
        assertEquals("2235", organization.getConfigPortalIdentifier());
        assertEquals(42L, decision.getId());
        assertEquals("Offer Accepted", decision.getName());
        wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/user_identities/1/programs"))
                .withHeader("x-api-key", equalTo(API_KEY)));
    }

    @Test
    void listsCustomFieldsWithTheirTypesAndOptions() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities/1/programs/" + PROGRAM + "/custom_fields"))
                .willReturn(okJson(ApiExamples.CUSTOM_FIELDS)));

        List<CustomField> fields = client.customFields().list(1L, PROGRAM);

        assertEquals(5, fields.size());
        assertEquals(CustomFieldType.SELECT, fields.get(0).getFieldType());
        assertEquals(List.of("Gryffindor", "Hufflepuff", "Ravenclaw", "Slytherin"), fields.get(0).getOptions());
        assertNull(fields.get(1).getOptions());
        assertEquals(CustomFieldType.NUMBER, fields.get(4).getFieldType());
    }

    @Test
    void getsStoresAndClearsACustomFieldAnswer() {
        String path = ApiExamples.ANSWER_PATH;
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(ApiExamples.SELECT_ANSWER)));
        wm.stubFor(put(urlPathEqualTo(path)).willReturn(okJson(ApiExamples.SELECT_ANSWER)));
        wm.stubFor(delete(urlPathEqualTo(path)).willReturn(okJson(ApiExamples.CLEARED_ANSWER)));

        CustomFieldAnswer shown = client.customFieldAnswers().get(1L, PROGRAM, "3", 4L);
        CustomFieldAnswer stored = client.customFieldAnswers().update(1L, PROGRAM, "3", 4L,
                new CustomFieldAnswerRequest().customFieldAnswer(new CustomFieldAnswerInput()
                        .fieldType(CustomFieldType.SELECT).value("Gryffindor")));
        CustomFieldAnswer cleared = client.customFieldAnswers().delete(1L, PROGRAM, "3", 4L);

        assertEquals("Gryffindor", shown.getValue());
        assertEquals("Preferred house", shown.getLabel());
        assertEquals(4L, stored.getCustomFieldId());
        assertNull(cleared.getValue());
        wm.verify(putRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson(
                "{\"custom_field_answer\": {\"field_type\": \"select\", \"value\": \"Gryffindor\"}}")));
        wm.verify(deleteRequestedFor(urlPathEqualTo(path)).withHeader("x-api-key", equalTo(API_KEY)));
    }

    @Test
    void aSelectValueNotAmongTheOptionsIsA422WithTheVendorsMessage() {
        wm.stubFor(put(urlPathEqualTo(ApiExamples.ANSWER_PATH)).willReturn(json(422, ApiExamples.NOT_AN_OPTION)));

        BadRequestException e = assertThrows(BadRequestException.class, () -> client.customFieldAnswers()
                .update(1L, PROGRAM, "3", 4L, new CustomFieldAnswerRequest().customFieldAnswer(
                        new CustomFieldAnswerInput().fieldType(CustomFieldType.SELECT).value("XYZ"))));

        assertEquals(422, e.statusCode());
        assertTrue(e.fieldErrors().stream().anyMatch(f -> "value".equals(f.field())
                && f.message().contains("is not a valid option")), e.fieldErrors().toString());
    }

    @Test
    void getsAndUpdatesADesignation() {
        String path = ApiExamples.DESIGNATION_PATH;
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(ApiExamples.DESIGNATION)));
        wm.stubFor(patch(urlPathEqualTo(path)).willReturn(okJson(ApiExamples.DESIGNATION)));

        Designation shown = client.designations().get(1L, PROGRAM, "3");
        Designation updated = client.designations().update(1L, PROGRAM, "3", new DesignationUpdateRequest()
                .designation(new DesignationUpdateRequestDesignation().decisionId(43L)));

        assertEquals("Offer Accepted", shown.getDecision().getName());
        assertEquals("Deposit Made", shown.getLocalStatus().getTitle());
        assertEquals(42L, updated.getDecision().getId());
        wm.verify(patchRequestedFor(urlPathEqualTo(path))
                .withRequestBody(equalToJson("{\"designation\": {\"decision_id\": 43}}")));
    }

    @Test
    void designationErrorsAre422sIncludingTheNotFoundOnes() {
        String path = ApiExamples.DESIGNATION_PATH;
        DesignationUpdateRequest body = new DesignationUpdateRequest()
                .designation(new DesignationUpdateRequestDesignation().decisionId(99L));
        for (String errorBody : List.of(ApiExamples.LOCAL_STATUS_SET, ApiExamples.DECISION_NOT_FOUND)) {
            wm.stubFor(patch(urlPathEqualTo(path)).willReturn(json(422, errorBody)));

            BadRequestException e = assertThrows(BadRequestException.class,
                    () -> client.designations().update(1L, PROGRAM, "3", body));

            List<String> messages = new ArrayList<>(e.messages());
            e.fieldErrors().stream().map(FieldError::message).forEach(messages::add);
            assertTrue(messages.stream().anyMatch(m -> m.contains("local_status is not null")
                    || m.contains("Decision '99' not found.")), messages.toString());
        }
    }

    @Test
    void updatesApplicantDetails() {
        String path = "/api/v1/user_identities/1/applicant_details";
        wm.stubFor(put(urlPathEqualTo(path)).willReturn(okJson("{\n}")));

        client.applicantDetails().update(1L, new ApplicantDetailsRequest()
                .applicants(List.of(new ApplicantDetail().applicantCasId("123456789").redirectEligible(true))));

        wm.verify(putRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson(
                "{\"applicants\": [{\"applicant_cas_id\": \"123456789\", \"redirect_eligible\": true}]}")));
    }

    @Test
    void readsTheEncryptedSsnDocumentAsTextAndItsTwo403s() {
        String path = "/api/v1/user_identities/1/social_security_numbers";
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody(ApiExamples.SSN_DOCUMENT)));

        assertEquals(ApiExamples.SSN_DOCUMENT, client.socialSecurityNumbers().get(1L));

        for (String message : List.of("Feature not available.", "No organization loaded.")) {
            wm.stubFor(get(urlPathEqualTo(path)).willReturn(json(403, "{\"message\": \"" + message + "\"}")));
            PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                    () -> client.socialSecurityNumbers().get(1L));
            assertEquals(List.of(message), e.messages());
        }
    }

    @Test
    void startsAndChecksABatchOfCustomFieldAnswers() {
        String path = ApiExamples.BATCH_ANSWERS_PATH;
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(json(201, ApiExamples.BATCH_QUEUED)));
        wm.stubFor(get(urlPathEqualTo(path + "/74780")).willReturn(okJson(ApiExamples.BATCH_ANSWERS_DONE)));

        Batch started = client.batchCustomFieldAnswers().start(1L, PROGRAM, new BatchCustomFieldAnswersRequest()
                .customFieldAnswers(List.of(new BatchCustomFieldAnswer().applicantCasId("123456789")
                        .customFieldId(4L).fieldType(CustomFieldType.BOOLEAN).value(false))));
        Batch done = client.batchCustomFieldAnswers().get(1L, PROGRAM, started.getId());

        assertEquals("Queued", started.getStatus());
        assertEquals("Available", done.getStatus());
        assertEquals(2, done.getResults().size());
        assertNull(done.getResults().get(0).getErrors());
        assertEquals(false, done.getResults().get(0).getCustomFieldAnswer().getValue());
        assertEquals("No applicant found for that applicant_cas_id",
                done.getResults().get(1).getErrors().getApplicant());
        wm.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"custom_field_answers\": "
                + "[{\"applicant_cas_id\": \"123456789\", \"custom_field_id\": 4, \"field_type\": \"boolean\","
                + " \"value\": false}]}")));
    }

    @Test
    void aBatchWithoutItsListIsA422AndAnUnknownProgramA404() {
        String path = ApiExamples.BATCH_ANSWERS_PATH;
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(json(422, ApiExamples.BATCH_MISSING_LIST)));
        BatchCustomFieldAnswersRequest one = new BatchCustomFieldAnswersRequest().customFieldAnswers(List.of(
                new BatchCustomFieldAnswer().applicantCasId("1").customFieldId(4L)
                        .fieldType(CustomFieldType.STRING).value("x")));

        BadRequestException e = assertThrows(BadRequestException.class,
                () -> client.batchCustomFieldAnswers().start(1L, PROGRAM, one));
        assertTrue(e.fieldErrors().stream().anyMatch(f -> f.message().contains("custom_field_answers")),
                e.fieldErrors().toString());

        wm.stubFor(get(urlPathEqualTo(path + "/74780"))
                .willReturn(json(404, "{\"message\": \"Program '99999999999' not found.\"}")));
        com.docsdk.core.error.NotFoundException nf = assertThrows(com.docsdk.core.error.NotFoundException.class,
                () -> client.batchCustomFieldAnswers().get(1L, PROGRAM, 74780L));
        assertEquals(List.of("Program '99999999999' not found."), nf.messages());
    }

    @Test
    void startsAndChecksABatchOfDesignations() {
        String path = "/api/v2/user_identities/1/programs/" + PROGRAM + "/batch_designations";
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(json(201, ApiExamples.BATCH_QUEUED)));
        wm.stubFor(get(urlPathEqualTo(path + "/74780")).willReturn(okJson(ApiExamples.BATCH_DESIGNATIONS_DONE)));

        Batch started = client.batchDesignations().start(1L, PROGRAM, new BatchDesignationsRequest()
                .designations(List.of(new BatchDesignation().applicantCasId("123456789").decisionId(99L))));
        Batch done = client.batchDesignations().get(1L, PROGRAM, started.getId());

        assertEquals("Success With Errors", done.getStatus());
        assertEquals("Matriculated", done.getResults().get(0).getDecision().getName());
        assertTrue(done.getResults().get(0).getErrors().getCreationError().startsWith("A newer update"));
        assertNull(done.getResults().get(1).getErrors());
        wm.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson(
                "{\"designations\": [{\"applicant_cas_id\": \"123456789\", \"decision_id\": 99}]}")));
    }

    @Test
    void listsAndGetsPdfManagerTemplates() {
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities/1/pdf_manager_templates"))
                .willReturn(okJson(ApiExamples.PDF_TEMPLATES)));
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities/1/pdf_manager_templates/2"))
                .willReturn(okJson(ApiExamples.PDF_TEMPLATE)));

        PdfManagerTemplate listed = client.pdfManagerTemplates().list(1L).get(0);
        PdfManagerTemplate shown = client.pdfManagerTemplates().get(1L, 2L);

        assertEquals("Accepted Offers for Review", listed.getName());
        assertEquals("Offer Accepted", shown.getListName());
        assertEquals("Full Application PDF", shown.getDocumentSourceTitle());
    }

    @Test
    void startsListsAndGetsPdfManagerBatches() {
        String path = "/api/v1/user_identities/1/pdf_manager_batches";
        wm.stubFor(post(urlPathEqualTo(path)).willReturn(json(201, ApiExamples.PDF_BATCH)));
        wm.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(ApiExamples.PDF_BATCHES)));
        wm.stubFor(get(urlPathEqualTo(path + "/42")).willReturn(okJson(ApiExamples.PDF_BATCH)));

        PdfManagerBatch started = client.pdfManagerBatches().start(1L, new PdfManagerBatchRequest().pdfManagerBatch(
                new PdfManagerBatchInput().pdfManagerTemplateId(2L).callback("https://example.com/my_callback")));
        List<PdfManagerBatch> listed = client.pdfManagerBatches().list(1L);
        PdfManagerBatch shown = client.pdfManagerBatches().get(1L, started.getId());

        assertEquals(42L, started.getId());
        assertEquals("success_with_errors", shown.getState());
        assertEquals(PdfManagerBatchState.SUCCESS_WITH_ERRORS, PdfManagerBatchState.of(shown));
        assertEquals(OffsetDateTime.parse("2016-01-05T16:51:00Z"), shown.getUpdatedAt());
        assertEquals(2, shown.getDownloadHrefs().size());
        assertTrue(listed.get(0).getDownloadHrefs() == null || listed.get(0).getDownloadHrefs().isEmpty());
        wm.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"pdf_manager_batch\": "
                + "{\"pdf_manager_template_id\": 2, \"callback\": \"https://example.com/my_callback\"}}")));
    }

    @Test
    void aCallbackThatIsNotHttpsIsRefusedBeforeSendingAndTheServers422Maps() {
        PdfManagerBatchRequest plainHttp = new PdfManagerBatchRequest().pdfManagerBatch(
                new PdfManagerBatchInput().pdfManagerTemplateId(2L).callback("http://example.webadmit.org"));

        ClientValidationException refused = assertThrows(ClientValidationException.class,
                () -> client.pdfManagerBatches().start(1L, plainHttp));
        assertTrue(refused.getMessage().contains("callback"), refused.getMessage());
        assertEquals(0, wm.getAllServeEvents().size());

        wm.stubFor(post(urlPathEqualTo("/api/v1/user_identities/1/pdf_manager_batches"))
                .willReturn(json(422, ApiExamples.CALLBACK_NOT_HTTPS)));
        BadRequestException e = assertThrows(BadRequestException.class, () -> client.pdfManagerBatches().start(1L,
                new PdfManagerBatchRequest().pdfManagerBatch(new PdfManagerBatchInput().pdfManagerTemplateId(2L)
                        .callback("https://example.com/cb"))));
        assertTrue(e.fieldErrors().stream().anyMatch(f -> f.message().contains("did not match the regex")));
    }

    @Test
    void theZipDownloadFollowsTheRedirectAndReturnsTheBytes() {
        byte[] zip = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        wm.stubFor(get(urlPathEqualTo("/api/v1/user_identities/1/pdf_manager_zip_files/3/download"))
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "http://127.0.0.1:" + wm.getPort() + "/s3/zip3.zip")));
        wm.stubFor(get(urlPathEqualTo("/s3/zip3.zip")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/zip").withBody(zip)));

        assertArrayEquals(zip, client.pdfManagerZipFiles().download(1L, 3L));
        // the storage host (another origin) never sees the API key
        wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/user_identities/1/pdf_manager_zip_files/3/download"))
                .withHeader("x-api-key", equalTo(API_KEY)));
        wm.verify(getRequestedFor(urlPathEqualTo("/s3/zip3.zip")).withoutHeader("x-api-key"));
        assertFalse(wm.getAllServeEvents().isEmpty());
    }

    @Test
    void badIdsAndBodiesAreRefusedBeforeAnyRequest() {
        List<Runnable> calls = List.of(
                () -> client.programs().list(0L),
                () -> client.customFields().list(1L, 0L),
                () -> client.customFieldAnswers().get(1L, PROGRAM, "3", -4L),
                () -> client.customFieldAnswers().get(1L, PROGRAM, "not-a-cas-id", 4L),
                () -> client.designations().get(1L, 0L, "3"),
                () -> client.pdfManagerTemplates().get(1L, 0L),
                () -> client.pdfManagerBatches().get(0L, 2L),
                () -> client.pdfManagerZipFiles().download(1L, 0L),
                () -> client.batchCustomFieldAnswers().get(1L, PROGRAM, 0L),
                () -> client.batchDesignations().start(1L, PROGRAM, new BatchDesignationsRequest()
                        .designations(List.of())),
                () -> client.batchCustomFieldAnswers().start(1L, PROGRAM, new BatchCustomFieldAnswersRequest()
                        .customFieldAnswers(List.of())),
                () -> client.applicantDetails().update(1L, new ApplicantDetailsRequest().applicants(
                        java.util.Collections.nCopies(1001, new ApplicantDetail().applicantCasId("1")))),
                () -> client.pdfManagerBatches().start(1L, new PdfManagerBatchRequest()
                        .pdfManagerBatch(new PdfManagerBatchInput().pdfManagerTemplateId(0L))));
        for (Runnable call : calls) {
            assertThrows(ClientValidationException.class, call::run);
        }
        assertEquals(0, wm.getAllServeEvents().size());
    }
}
