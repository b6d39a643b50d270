package com.docsdk.webadmit;

import static com.docsdk.webadmit.WebAdmitExamples.API_KEY;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.error.RateLimitException;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.testkit.OpenApiContract;
import com.docsdk.webadmit.model.ApplicantDetail;
import com.docsdk.webadmit.model.ApplicantDetailsRequest;
import com.docsdk.webadmit.model.BatchDesignation;
import com.docsdk.webadmit.model.BatchDesignationsRequest;
import com.docsdk.webadmit.model.CustomFieldAnswerInput;
import com.docsdk.webadmit.model.CustomFieldAnswerRequest;
import com.docsdk.webadmit.model.CustomFieldType;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented error response of every operation maps to the core's exception: 404 {@code {"message": ...}} to
 * {@link NotFoundException} carrying the vendor's message, the empty-bodied 401 to {@link AuthenticationException},
 * and the (undocumented, assumed) 429 to {@link RateLimitException} with the rate-limit headers visible.
 */
class ErrorMappingTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final OpenApiContract CONTRACT = OpenApiContract.forVendor("webadmit");

    @TempDir
    static Path dir;

    private WebAdmitClient client;

    /** An operation of the client (a generated service method or a flow) and the path it calls. */
    record Operation(String name, String path, Consumer<WebAdmitClient> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String U = "/api/v1/user_identities/999";
    private static final long PID = 42023191739237L;
    private static final String P = U + "/programs/" + PID;
    private static final String ANSWER = P + "/applicants_by_cas_id/3/custom_field_answers/4";
    private static final String DESIGNATION = P + "/applicants_by_cas_id/3/designation";
    private static final String V2 = "/api/v2/user_identities/999/programs/" + PID;

    static List<Operation> operations() {
        return List.of(
                new Operation("userIdentities().list", "/api/v1/user_identities", c -> c.userIdentities().list()),
                new Operation("exports().list", "/api/v1/exports", c -> c.exports().list()),
                new Operation("exports().listByUserIdentity", "/api/v1/user_identities/999/exports",
                        c -> c.exports().listByUserIdentity(999L)),
                new Operation("exportFiles().start", "/api/v1/user_identities/999/exports/86446/export_files",
                        c -> c.exportFiles().start(999L, 86446L)),
                new Operation("exportFiles().get", "/api/v1/exports/86446/export_files/74780",
                        c -> c.exportFiles().get(86446L, 74780L)),
                new Operation("exportFiles().list", "/api/v1/user_identities/999/export_files",
                        c -> c.exportFiles().list(999L)),
                new Operation("exportFiles().async().get", "/api/v1/exports/86446/export_files/74780",
                        c -> join(c.exportFiles().async().get(86446L, 74780L))),
                new Operation("awaitExportFile", "/api/v1/exports/86446/export_files/74780",
                        c -> c.awaitExportFile(86446L, 74780L)),
                new Operation("exportToFile", "/api/v1/user_identities/999/exports/86446/export_files",
                        c -> c.exportToFile(999L, 86446L, dir.resolve("x.csv"))),
                new Operation("programs().list", U + "/programs", c -> c.programs().list(999L)),
                new Operation("organizations().list", U + "/organizations", c -> c.organizations().list(999L)),
                new Operation("decisions().list", U + "/decisions", c -> c.decisions().list(999L)),
                new Operation("customFields().list", P + "/custom_fields", c -> c.customFields().list(999L, PID)),
                new Operation("customFieldAnswers().get", ANSWER, c -> c.customFieldAnswers().get(999L, PID, "3", 4L)),
                new Operation("customFieldAnswers().update", ANSWER, c -> c.customFieldAnswers().update(999L, PID,
                        "3", 4L, new CustomFieldAnswerRequest().customFieldAnswer(new CustomFieldAnswerInput()
                                .fieldType(CustomFieldType.BOOLEAN).value(true)))),
                new Operation("customFieldAnswers().delete", ANSWER,
                        c -> c.customFieldAnswers().delete(999L, PID, "3", 4L)),
                new Operation("designations().get", DESIGNATION, c -> c.designations().get(999L, PID, "3")),
                new Operation("applicantDetails().update", U + "/applicant_details", c -> c.applicantDetails()
                        .update(999L, new ApplicantDetailsRequest().applicants(List.of(
                                new ApplicantDetail().applicantCasId("3"))))),
                new Operation("socialSecurityNumbers().get", U + "/social_security_numbers",
                        c -> c.socialSecurityNumbers().get(999L)),
                new Operation("batchCustomFieldAnswers().get", V2 + "/batch_custom_field_answers/7",
                        c -> c.batchCustomFieldAnswers().get(999L, PID, 7L)),
                new Operation("batchDesignations().start", V2 + "/batch_designations", c -> c.batchDesignations()
                        .start(999L, PID, new BatchDesignationsRequest().designations(List.of(
                                new BatchDesignation().applicantCasId("3").decisionId(42L))))),
                new Operation("pdfManagerTemplates().list", U + "/pdf_manager_templates",
                        c -> c.pdfManagerTemplates().list(999L)),
                new Operation("pdfManagerTemplates().get", U + "/pdf_manager_templates/2",
                        c -> c.pdfManagerTemplates().get(999L, 2L)),
                new Operation("pdfManagerBatches().list", U + "/pdf_manager_batches",
                        c -> c.pdfManagerBatches().list(999L)),
                new Operation("pdfManagerBatches().get", U + "/pdf_manager_batches/2",
                        c -> c.pdfManagerBatches().get(999L, 2L)),
                new Operation("pdfManagerBatchToDirectory", U + "/pdf_manager_batches",
                        c -> c.pdfManagerBatchToDirectory(999L, 2L, dir.resolve("pdfs"))),
                new Operation("pdfManagerZipFiles().download", U + "/pdf_manager_zip_files/3/download",
                        c -> c.pdfManagerZipFiles().download(999L, 3L)));
    }

    /** The async view's failure, unwrapped: the same typed exception as the plain call. */
    private static void join(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    static Stream<Arguments> notFoundCases() {
        return operations().stream().flatMap(op -> Arrays.stream(WebAdmitExamples.NOT_FOUND_MESSAGES)
                .map(message -> Arguments.of(op, message)));
    }

    @BeforeEach
    void setUp() {
        client = WebAdmitClient.builder().apiKey(API_KEY).baseUrl(wm.baseUrl()).sleeper(d -> { })
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void tearDown() {
        client.close();
        CONTRACT.assertRequestsMatch(wm);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("notFoundCases")
    void notFoundCarriesTheVendorsMessage(Operation op, String message) {
        wm.stubFor(any(urlPathEqualTo(op.path())).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\n  \"message\": \"" + message + "\"\n}")));

        NotFoundException e = assertThrows(NotFoundException.class, () -> op.call().accept(client));

        assertEquals(404, e.statusCode());
        assertEquals(List.of(message), e.messages());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.url().endsWith(op.path()), e.url());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void unauthorizedWithAnEmptyBodyIsAnAuthenticationException(Operation op) {
        wm.stubFor(any(urlPathEqualTo(op.path())).willReturn(aResponse().withStatus(401)));

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> op.call().accept(client));

        assertEquals(401, e.statusCode());
        assertEquals(List.of(), e.messages());
        assertEquals("", e.rawBody());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void tooManyRequestsIsARateLimitExceptionShowingTheLimit(Operation op) {
        wm.stubFor(any(urlPathEqualTo(op.path())).willReturn(aResponse().withStatus(429)
                .withHeader("X-RateLimit-Limit", "5000").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("Retry-After", "120")));

        SdkHttpException e = assertThrows(SdkHttpException.class, () -> op.call().accept(client));

        RateLimitException rate = assertInstanceOf(RateLimitException.class, e);
        assertEquals(Duration.ofSeconds(120), rate.retryAfter().orElseThrow());
        assertEquals("5000", header(rate, "X-RateLimit-Limit"));
        assertEquals("0", header(rate, "X-RateLimit-Remaining"));
    }

    private static String header(SdkHttpException e, String name) {
        return e.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    }
}
