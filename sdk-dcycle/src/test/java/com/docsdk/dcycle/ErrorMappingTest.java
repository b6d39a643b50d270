package com.docsdk.dcycle;

import static com.docsdk.dcycle.DcycleTesting.FILE_ID;
import static com.docsdk.dcycle.DcycleTesting.READING_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.error.PermissionDeniedException;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.error.ServerException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every documented error status, with the documented {@code {detail, code}} body, becomes the core's exception. */
class ErrorMappingTest {
    @RegisterExtension
    static WireMockExtension api = DcycleTesting.wireMock();

    private DcycleClient dcycle;

    @BeforeEach
    void setUp() {
        dcycle = DcycleTesting.client(api).build();
    }

    @AfterEach
    void tearDown() {
        dcycle.close();
        DcycleTesting.CONTRACT.assertRequestsMatch(api);
    }

    private static void stubError(int status, String body) {
        api.stubFor(get(urlPathEqualTo("/v1/files/" + FILE_ID)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("x-request-id", "req-" + status)
                .withBody(body)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "400, com.docsdk.core.error.BadRequestException, Error description, ERROR_CODE",
            "401, com.docsdk.core.error.AuthenticationException, Invalid API key, UNAUTHORIZED",
            "403, com.docsdk.core.error.PermissionDeniedException, Access denied, FORBIDDEN",
            "404, com.docsdk.core.error.NotFoundException, File not found, FILE_NOT_FOUND",
            "422, com.docsdk.core.error.BadRequestException, Validation error, VALIDATION_ERROR",
            "500, com.docsdk.core.error.ServerException, Internal server error, INTERNAL_ERROR"})
    void documentedErrorBodiesMapToTheCoreExceptions(int status, String type, String detail, String code)
            throws Exception {
        stubError(status, "{\"detail\": \"%s\", \"code\": \"%s\"}".formatted(detail, code));

        SdkHttpException e = assertThrows(SdkHttpException.class, () -> dcycle.files().get(FILE_ID));

        assertInstanceOf(Class.forName(type), e);
        assertEquals(status, e.statusCode());
        assertEquals(detail, e.messages().get(0));
        assertEquals(code, e.errorCode().orElseThrow());
        assertEquals("req-" + status, e.requestId().orElseThrow());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }

    @Test
    void theDocumentedGenericExampleMapsWithItsMessage() {
        stubError(400, "{\"detail\": \"Error description\", \"code\": \"ERROR_CODE\"}");

        BadRequestException e = assertThrows(BadRequestException.class, () -> dcycle.files().get(FILE_ID));

        assertEquals(List.of("Error description"), e.messages());
    }

    @Test
    void a403SaysToCheckTheOrganizationId() {
        stubError(403, "{\"detail\": \"Access denied\", \"code\": \"FORBIDDEN\"}");

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> dcycle.files().get(FILE_ID));

        assertEquals("Access denied", e.messages().get(0));
        assertTrue(e.getMessage().contains("check the organization id"), e.getMessage());
        assertTrue(e.getMessage().contains("x-organization-id"), e.getMessage());
    }

    @Test
    void a403WithoutBodyStillSaysToCheckTheOrganizationId() {
        api.stubFor(get(urlPathEqualTo("/v1/files/" + FILE_ID)).willReturn(aResponse().withStatus(403)));

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class, () -> dcycle.files().get(FILE_ID));

        assertTrue(e.getMessage().contains("check the organization id"), e.getMessage());
    }

    @Test
    void otherStatusesGetNoOrganizationHint() {
        stubError(404, "{\"detail\": \"File not found\", \"code\": \"FILE_NOT_FOUND\"}");

        NotFoundException e = assertThrows(NotFoundException.class, () -> dcycle.files().get(FILE_ID));

        assertEquals(List.of("File not found"), e.messages());
        assertFalse(e.getMessage().contains("organization"), e.getMessage());
    }

    @Test
    void fastApiValidationErrorsWithADetailListBecomeFieldErrors() {
        stubError(422, """
                {"detail": [
                  {"loc": ["path", "file_id"], "msg": "value is not a valid uuid", "type": "type_error.uuid"},
                  {"loc": ["query", "size"], "msg": "ensure this value is less than or equal to 100",
                   "type": "value_error.number.not_le"}]}""");

        BadRequestException e = assertThrows(BadRequestException.class, () -> dcycle.files().get(FILE_ID));

        assertEquals(2, e.fieldErrors().size());
        assertEquals("path.file_id", e.fieldErrors().get(0).field());
        assertEquals("value is not a valid uuid", e.fieldErrors().get(0).message());
        assertEquals("type_error.uuid", e.errorCode().orElseThrow());
        assertEquals("path.file_id: value is not a valid uuid", e.messages().get(0));
    }

    @Test
    void unauthorizedAndServerErrorsCarryTheVendorMessage() {
        stubError(401, "{\"detail\": \"Not authenticated\", \"code\": \"UNAUTHORIZED\"}");
        AuthenticationException auth = assertThrows(AuthenticationException.class, () -> dcycle.files().get(FILE_ID));
        assertEquals(List.of("Not authenticated"), auth.messages());

        stubError(500, "<html><title>502 Bad Gateway</title></html>");
        ServerException server = assertThrows(ServerException.class, () -> dcycle.files().get(FILE_ID));
        assertTrue(server.messages().isEmpty());
    }

    @Test
    void moreThanOneReadingIsRefusedByTheApiWithItsCode() {
        // The SDK refuses two readings itself (see ValidationTest); a server-side refusal maps like any 400.
        api.stubFor(post(urlPathEqualTo("/v1/files/readings")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(
                        "{\"detail\": \"Only one file reading per request is supported\","
                                + " \"code\": \"MULTIPLE_FILES_NOT_SUPPORTED\"}")));

        BadRequestException e = assertThrows(BadRequestException.class, () -> dcycle.fileReadings().createRecords(
                DcycleTesting.records(READING_ID, DcycleTesting.share(DcycleTesting.FACILITY_1, 1.0))));

        assertEquals("MULTIPLE_FILES_NOT_SUPPORTED", e.errorCode().orElseThrow());
        assertEquals(List.of("Only one file reading per request is supported"), e.messages());
    }
}
