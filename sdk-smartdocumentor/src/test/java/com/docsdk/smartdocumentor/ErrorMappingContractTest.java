package com.docsdk.smartdocumentor;

import static com.docsdk.smartdocumentor.Fixtures.EXTERNAL_STATUS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.REPROCESS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.STATUS_LIST_PATH;
import static com.docsdk.smartdocumentor.Fixtures.STATUS_PATH;
import static com.docsdk.smartdocumentor.Fixtures.TOKEN_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.ServerException;
import com.docsdk.smartdocumentor.service.TasksService;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every documented (and inferred) error response surfaces as the core exception with the vendor's message. */
class ErrorMappingContractTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private SmartDocumentorClient client;

    @BeforeEach
    void setUp() {
        client = Fixtures.client(wm);
    }

    @AfterEach
    void tearDown() {
        client.close();
        Fixtures.contract().assertRequestsMatch(wm);
    }

    @Test
    void patchWithoutIdOrWithAnInvalidValueIsABadRequest() {
        // Documented: "Returned when a taskId or externalId are not specified, or the externalIntegrationStatus is
        // not set to a valid value." Response body has no content.
        wm.stubFor(patch(urlPathEqualTo(EXTERNAL_STATUS_PATH)).willReturn(aResponse().withStatus(400)));

        BadRequestException e = assertThrows(BadRequestException.class,
                () -> Fixtures.mark(client, 1234, "my-custom-status"));

        assertEquals(400, e.statusCode());
        assertEquals("PATCH", e.method());
        assertTrue(e.url().contains(EXTERNAL_STATUS_PATH), e.url());
        assertTrue(e.getMessage().contains("empty body"), e.getMessage());
    }

    @Test
    void patchOfAnUnknownTaskIsNotFound() {
        // Documented: "Returned when no Task was found with the specified taskId or externalId."
        wm.stubFor(patch(urlPathEqualTo(EXTERNAL_STATUS_PATH)).willReturn(aResponse().withStatus(404)));

        NotFoundException e = assertThrows(NotFoundException.class,
                () -> client.tasks().updateExternalIntegrationStatus(
                        new com.docsdk.smartdocumentor.model.PatchExternalIntegrationStatusRequest()
                                .externalIntegrationStatus("done"),
                        TasksService.UpdateExternalIntegrationStatusParams.builder().externalId("nope").build(),
                        RequestOptions.none()));

        assertEquals(404, e.statusCode());
    }

    @Test
    void anUnknownTaskIsNotFound() {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(aResponse().withStatus(404)));

        NotFoundException e = assertThrows(NotFoundException.class,
                () -> client.tasks().get(Fixtures.byId(999), RequestOptions.none()));
        assertEquals(404, e.statusCode());
        assertEquals("GET", e.method());
    }

    @Test
    void reprocessOfAnUnknownTaskIsNotFound() {
        wm.stubFor(patch(urlPathEqualTo(REPROCESS_PATH)).willReturn(aResponse().withStatus(404)));

        assertThrows(NotFoundException.class, () -> client.tasks().reprocess(
                TasksService.ReprocessParams.builder().taskId(999L).build(), RequestOptions.none()));
    }

    @Test
    void anAspNetValidationProblemCarriesTheVendorsMessages() {
        wm.stubFor(get(urlPathEqualTo(STATUS_LIST_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json; charset=utf-8")
                .withBody("""
                        {"type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                         "title": "One or more validation errors occurred.", "status": 400,
                         "errors": {"sort": ["Unknown sort property 'colour'."]},
                         "traceId": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"}
                        """)));
        TasksService.ListUnpaginatedParams query = TasksService.ListUnpaginatedParams.builder()
                .startDate(OffsetDateTime.parse("2022-03-16T16:59:55Z")).sort("colour").build();

        BadRequestException e = assertThrows(BadRequestException.class,
                () -> client.tasks().listUnpaginated(query, RequestOptions.none()));

        assertTrue(e.messages().contains("One or more validation errors occurred."), e.messages().toString());
        assertEquals("sort", e.fieldErrors().get(0).field());
        assertEquals("Unknown sort property 'colour'.", e.fieldErrors().get(0).message());
        assertEquals("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", e.requestId().orElseThrow());
    }

    @Test
    void aRejectedStaticTokenIsAnAuthenticationError() {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));

        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> client.tasks().get(Fixtures.byId(49), RequestOptions.none()));

        assertEquals(401, e.statusCode());
        assertEquals(1, wm.getAllServeEvents().size(), "a static token cannot be refreshed: no replay");
    }

    @Test
    void badClientCredentialsAreAnAuthenticationErrorWithTheOAuthCode() {
        for (int status : new int[] {400, 401}) {
            wm.resetAll();
            wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(status)
                    .withHeader("Content-Type", "application/json").withBody("{\"error\": \"invalid_client\"}")));
            try (SmartDocumentorClient oauth = Fixtures.builder(wm).clientCredentials("id", "wrong").build()) {
                AuthenticationException e = assertThrows(AuthenticationException.class,
                        () -> oauth.tasks().get(Fixtures.byId(49), RequestOptions.none()));

                assertEquals(status, e.statusCode());
                assertEquals("invalid_client", e.errorCode().orElseThrow());
                assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
            }
            assertEquals(0, wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    urlPathEqualTo(STATUS_PATH))).size(), "no API call without a token");
        }
    }

    @Test
    void serverErrorsAreServerExceptionsAfterRetries() {
        wm.stubFor(get(urlPathEqualTo(STATUS_PATH)).willReturn(aResponse().withStatus(503)));

        ServerException e = assertThrows(ServerException.class,
                () -> client.tasks().get(Fixtures.byId(49), RequestOptions.none()));

        assertEquals(503, e.statusCode());
    }
}
