package com.docsdk.document360;

import static com.docsdk.document360.VendorExamples.EXPORTS_PATH;
import static com.docsdk.document360.VendorExamples.EXPORT_ID;
import static com.docsdk.document360.VendorExamples.EXPORT_PATH;
import static com.docsdk.document360.VendorExamples.PROJECT;
import static com.docsdk.document360.VendorExamples.PROJECTS_PATH;
import static com.docsdk.document360.VendorExamples.PROJECT_ID;
import static com.docsdk.document360.VendorExamples.PROJECT_PATH;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.error.PermissionDeniedException;
import com.docsdk.core.RateLimit;
import com.docsdk.core.error.RateLimitException;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.retry.RetryPolicy;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.error.ServerException;
import com.docsdk.core.FakeTime;
import com.docsdk.document360.model.Project;
import com.docsdk.testkit.OpenApiContract;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every documented error response maps to the right core exception carrying the vendor's message and trace id. */
class Document360ErrorMappingTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final ExportRequest PDF = ExportRequest.builder().format("pdf")
            .workspaceId(VendorExamples.WORKSPACE_ID).build();

    private FakeTime sleeper;
    private Document360Client client;

    @BeforeEach
    void setUp() {
        sleeper = TestSupport.time();
        // The dialect is pinned and exports name their workspace by id: the only requests are the ones under test.
        client = TestSupport.builder(wm, sleeper).workspaceDialect(WorkspaceDialect.WORKSPACES).build();
    }

    @AfterEach
    void checkContract() {
        client.close();
        OpenApiContract.assertRequestsMatchSpec(wm.getRuntimeInfo().getWireMock(), "document360");
    }

    @Test
    void documented401ProblemIsAnAuthenticationException() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(problem(401, VendorExamples.UNAUTHORIZED)
                .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.projects().get(PROJECT_ID));

        assertProblem(e, 401, "UNAUTHORIZED", List.of("Unauthorized.",
                "The authentication token is missing or has expired.", "Bearer token is missing or invalid."));
        assertTrue(e.getMessage().contains("WWW-Authenticate: Bearer error=\"invalid_token\""), e.getMessage());
    }

    @Test
    void emptyBody401WithWwwAuthenticateIsAnAuthenticationException() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer")));

        AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.projects().get(PROJECT_ID));

        assertEquals(401, e.statusCode());
        assertTrue(e.messages().isEmpty());
        assertEquals("", e.rawBody());
        assertEquals("Bearer", e.headers().get("www-authenticate"));
        assertTrue(e.getMessage().contains("(empty body)") && e.getMessage().contains("[WWW-Authenticate: Bearer]"),
                e.getMessage());
        assertTrue(!e.getMessage().contains(TestSupport.TOKEN), "the token never appears in a message");
        wm.verify(1, getRequestedFor(urlPathEqualTo(PROJECT_PATH)));
    }

    @Test
    void documented404IsANotFoundException() {
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH)).willReturn(problem(404, VendorExamples.NOT_FOUND)));

        NotFoundException e = assertThrows(NotFoundException.class, () -> client.exports().get(PROJECT_ID, EXPORT_ID));

        assertProblem(e, 404, "RESOURCE_NOT_FOUND", List.of("Not Found.",
                "The requested resource does not exist or has been deleted.",
                "The requested resource was not found."));
    }

    @Test
    void a400IsABadRequestWithTheFieldAtFault() {
        wm.stubFor(get(urlPathEqualTo(PROJECTS_PATH)).willReturn(problem(400, VendorExamples.BAD_REQUEST)));

        BadRequestException e = assertThrows(BadRequestException.class,
                () -> client.projects().list().iterator().hasNext());

        assertProblem(e, 400, "VALIDATION_ERROR", List.of("Bad Request.", "One or more validation errors occurred.",
                "page_size must be between 1 and 100."));
        assertEquals("page_size", e.fieldErrors().get(0).field());
    }

    @Test
    void a403CarriesEveryLicenseCode() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(problem(403, VendorExamples.FORBIDDEN)));

        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> client.projects().get(PROJECT_ID));

        assertEquals("req_forbidden_1", e.requestId().orElseThrow());
        assertEquals(List.of("FORBIDDEN", "FEATURE_NOT_IN_LICENSE"), Document360ErrorCodes.of(e));
        assertTrue(e.messages().contains("The API is not in your license."), e.messages().toString());
    }

    @Test
    void a422OnStartExportIsABadRequest() {
        wm.stubFor(post(urlPathEqualTo(EXPORTS_PATH)).willReturn(problem(422, VendorExamples.UNPROCESSABLE)));

        BadRequestException e = assertThrows(BadRequestException.class, () -> client.startExport(PROJECT_ID,
                ExportRequest.builder().format("pdf").workspaceId(UUID.randomUUID()).build()));

        assertEquals(422, e.statusCode());
        assertEquals("req_unprocessable_1", e.requestId().orElseThrow());
        assertTrue(e.messages().contains("Workspace not found."), e.messages().toString());
        assertEquals("workspace_id", e.fieldErrors().get(0).field());
    }

    @Test
    void documented500IsAServerExceptionAfterRetryingTheIdempotentRead() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(problem(500, VendorExamples.INTERNAL_ERROR)));

        ServerException e = assertThrows(ServerException.class, () -> client.projects().get(PROJECT_ID));

        assertProblem(e, 500, "INTERNAL_SERVER_ERROR", List.of("Internal Server Error.",
                "An unexpected error occurred. Please try again or contact support.",
                "An unexpected error occurred."));
        assertEquals(4, e.attempts());
        wm.verify(4, getRequestedFor(urlPathEqualTo(PROJECT_PATH)));
    }

    @Test
    void a500OnStartExportIsNotRetried() {
        wm.stubFor(post(urlPathEqualTo(EXPORTS_PATH)).willReturn(problem(500, VendorExamples.INTERNAL_ERROR)));

        assertThrows(ServerException.class, () -> client.startExport(PROJECT_ID, PDF));

        assertEquals(1, wm.getAllServeEvents().size(), "starting an export twice would start two exports");
    }

    @Test
    void a429IsRetriedAfterRetryAfterWithoutReallySleeping() {
        rateLimitedThenOk(() -> get(urlPathEqualTo(PROJECT_PATH)), 200, PROJECT);

        SdkResponse<Project> r = client.projects().withRawResponse().get(PROJECT_ID);

        assertEquals(200, r.statusCode());
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.sleeps, "the server's Retry-After, recorded not slept");
        wm.verify(2, getRequestedFor(urlPathEqualTo(PROJECT_PATH)));
        RateLimit rl = r.rateLimit().orElseThrow();
        assertEquals(59, rl.remaining().getAsLong());
    }

    @Test
    void a429OnStartExportIsRetriedToo() {
        rateLimitedThenOk(() -> post(urlPathEqualTo(EXPORTS_PATH)), 202, VendorExamples.EXPORT_STARTED);

        assertEquals("Pending", client.startExport(PROJECT_ID, PDF).getStatus());

        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.sleeps);
    }

    @Test
    void a429ThatPersistsIsARateLimitExceptionWithTheServersDelayAndLimits() {
        long reset = TestSupport.START.plusSeconds(42).getEpochSecond();
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(problem(429, VendorExamples.TOO_MANY_REQUESTS)
                .withHeader("X-RateLimit-Limit", "60").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(reset))));

        RateLimitException e = assertThrows(RateLimitException.class, () -> client.projects().get(PROJECT_ID,
                RequestOptions.builder().retryPolicy(RetryPolicy.builder().maxRetries(1).build()).build()));

        assertProblem(e, 429, "TOO_MANY_REQUESTS", List.of("Too Many Requests.",
                "Rate limit exceeded. Retry after the duration specified in the Retry-After header."));
        assertEquals(List.of(Duration.ofSeconds(42)), sleeper.sleeps,
                "without Retry-After, X-RateLimit-Reset (epoch seconds) decides the wait");
        assertTrue(e.retryAfter().isPresent());
        assertEquals("0", e.headers().get("x-ratelimit-remaining"));
        assertEquals(Long.toString(reset), e.headers().get("x-ratelimit-reset"));
    }

    @Test
    void aRetryAfterLongerThanThePolicyAllowsFailsAtOnce() {
        wm.stubFor(get(urlPathEqualTo(PROJECT_PATH)).willReturn(problem(429, VendorExamples.TOO_MANY_REQUESTS)
                .withHeader("Retry-After", "3600")));

        RateLimitException e = assertThrows(RateLimitException.class, () -> client.projects().get(PROJECT_ID));

        assertEquals(Duration.ofHours(1), e.retryAfter().orElseThrow());
        assertTrue(sleeper.sleeps.isEmpty());
        wm.verify(1, getRequestedFor(urlPathEqualTo(PROJECT_PATH)));
    }

    @Test
    void errorsWhileListingSurfaceFromTheIteration() {
        wm.stubFor(get(urlPathEqualTo(PROJECTS_PATH)).willReturn(problem(401, VendorExamples.UNAUTHORIZED)));

        var projects = client.projects().list();
        SdkHttpException e = assertThrows(SdkHttpException.class, () -> projects.stream().count());

        assertInstanceOf(AuthenticationException.class, e);
    }

    @Test
    void anHtmlGatewayPageIsStillTyped() {
        wm.stubFor(get(urlPathEqualTo(EXPORT_PATH)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")));
        Consumer<Document360Client> call = c -> c.exports().get(PROJECT_ID, EXPORT_ID,
                RequestOptions.builder().retryPolicy(RetryPolicy.none()).build());

        ServerException e = assertThrows(ServerException.class, () -> call.accept(client));

        assertTrue(e.getMessage().contains("502 Bad Gateway"), e.getMessage());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", PROBLEM_JSON).withBody(body);
    }

    /** A 429 with the documented headers (Retry-After: 7), then {@code okStatus} with {@code okBody}. */
    private static void rateLimitedThenOk(Supplier<MappingBuilder> request, int okStatus, String okBody) {
        String scenario = "rate-limit";
        wm.stubFor(request.get().inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(problem(429, VendorExamples.TOO_MANY_REQUESTS).withHeader("Retry-After", "7")
                        .withHeader("X-RateLimit-Limit", "60").withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", Long.toString(TestSupport.START.getEpochSecond() + 7)))
                .willSetStateTo("allowed"));
        wm.stubFor(request.get().inScenario(scenario).whenScenarioStateIs("allowed")
                .willReturn(aResponse().withStatus(okStatus).withHeader("Content-Type", "application/json")
                        .withHeader("X-RateLimit-Limit", "60").withHeader("X-RateLimit-Remaining", "59")
                        .withBody(okBody)));
    }

    private static void assertProblem(SdkHttpException e, int status, String code, List<String> messages) {
        assertEquals(status, e.statusCode());
        assertEquals(code, e.errorCode().orElseThrow());
        assertEquals(messages, e.messages());
        assertEquals("req_abc123def456", e.requestId().orElseThrow(), "the problem's trace_id");
        assertTrue(Document360ErrorCodes.of(e).contains(code));
        assertTrue(e.getMessage().contains(messages.get(0)), e.getMessage());
    }
}
