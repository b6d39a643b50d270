package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.error.ConflictException;
import com.docsdk.core.error.ErrorBodyParser;
import com.docsdk.core.error.FieldError;
import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.error.PermissionDeniedException;
import com.docsdk.core.error.RateLimitException;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.error.ServerException;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Error statuses become the matching exception, with what the vendor's body and headers said. */
class ErrorMappingTest {
    @RegisterExtension
    static WireMockExtension wm = TestHttp.wireMock();

    private SdkHttpException failWith(ResponseDefinitionBuilder response) {
        return failWith(response, TestHttp.transport(wm.baseUrl(), Credentials.none()));
    }

    private SdkHttpException failWith(ResponseDefinitionBuilder response, Transport.Builder builder) {
        wm.stubFor(any(anyUrl()).willReturn(response));
        try (Transport t = builder.build()) {
            return assertThrows(SdkHttpException.class, () -> TestHttp.get(t, wm.url("/v1/thing")));
        }
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class),
                Arguments.of(422, BadRequestException.class),
                Arguments.of(401, AuthenticationException.class),
                Arguments.of(403, PermissionDeniedException.class),
                Arguments.of(404, NotFoundException.class),
                Arguments.of(409, ConflictException.class),
                Arguments.of(429, RateLimitException.class),
                Arguments.of(500, ServerException.class),
                Arguments.of(502, ServerException.class),
                Arguments.of(503, ServerException.class),
                Arguments.of(405, SdkHttpException.class));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statuses")
    void eachStatusMapsToItsException(int status, Class<? extends SdkHttpException> type) {
        SdkHttpException e = failWith(json(status, "{\"message\":\"nope\"}"));
        assertEquals(type, e.getClass());
        assertEquals(status, e.statusCode());
        assertEquals("GET", e.method());
        assertEquals(wm.url("/v1/thing"), e.url());
        assertEquals(List.of("nope"), e.messages());
        assertEquals(1, e.attempts());
    }

    @Test
    void aRateLimitCarriesTheServersRetryAfter() {
        RateLimitException e = (RateLimitException) failWith(json(429, "{\"message\":\"Too many requests\"}")
                .withHeader("Retry-After", "30").withHeader("X-RateLimit-Remaining", "0"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
        assertEquals("0", e.headers().get("x-ratelimit-remaining"));
        assertTrue(e.getMessage().contains("[retry after 30s]"), e.getMessage());
    }

    record Shape(String vendor, int status, String contentType, String body, Class<?> type, String code,
            List<String> messages, List<FieldError> fieldErrors, String requestId) {
        @Override
        public String toString() {
            return vendor;
        }
    }

    static Stream<Shape> vendorShapes() {
        return Stream.of(
                new Shape("fileAI NestJS, message array", 400, "application/json",
                        "{\"statusCode\":400,\"message\":[\"fileIds must be an array\","
                                + "\"fileIds should not be empty\"],"
                                + "\"error\":\"Bad Request\"}",
                        BadRequestException.class, "Bad Request",
                        List.of("fileIds must be an array", "fileIds should not be empty"), List.of(), null),
                new Shape("fileAI NestJS, message string", 404, "application/json",
                        "{\"statusCode\":404,\"message\":\"File not found\",\"error\":\"Not Found\"}",
                        NotFoundException.class, "Not Found", List.of("File not found"), List.of(), null),
                new Shape("Document360 problem+json validation", 400, "application/problem+json",
                        "{\"type\":\"https://developer.document360.com/errors/validation\","
                                + "\"title\":\"One or more validation errors occurred.\",\"status\":400,"
                                + "\"errors\":[{\"field\":\"title\",\"message\":\"required\"},"
                                + "{\"field\":\"slug\",\"code\":\"VALIDATION_ERROR\",\"message\":\"must be unique\"}],"
                                + "\"trace_id\":\"abc\"}",
                        BadRequestException.class, "VALIDATION_ERROR",
                        List.of("One or more validation errors occurred."),
                        List.of(new FieldError("title", null, "required"),
                                new FieldError("slug", "VALIDATION_ERROR", "must be unique")), "abc"),
                new Shape("Document360 problem+json without codes", 400, "application/problem+json",
                        "{\"type\":\"https://developer.document360.com/errors/validation\","
                                + "\"title\":\"One or more validation errors occurred.\",\"status\":400,"
                                + "\"errors\":[{\"field\":\"title\",\"message\":\"required\"}],\"trace_id\":\"abc\"}",
                        BadRequestException.class, "https://developer.document360.com/errors/validation",
                        List.of("One or more validation errors occurred."),
                        List.of(new FieldError("title", null, "required")), "abc"),
                new Shape("Document360 problem+json not found", 404, "application/problem+json",
                        "{\"type\":\"https://developer.document360.com/errors/not-found\","
                                + "\"title\":\"Resource not found\","
                                + "\"status\":404,\"trace_id\":\"t-404\",\"errors\":[{\"code\":\"RESOURCE_NOT_FOUND\","
                                + "\"message\":\"Article 123 was not found\",\"field\":null}]}",
                        NotFoundException.class, "RESOURCE_NOT_FOUND",
                        List.of("Resource not found", "Article 123 was not found"), List.of(), "t-404"),
                new Shape("Document360 ASP.NET validation", 400, "application/problem+json",
                        "{\"title\":\"One or more validation errors occurred.\",\"status\":400,"
                                + "\"errors\":{\"Title\":[\"The Title field is required.\"]},"
                                + "\"traceId\":\"00-abc-01\"}",
                        BadRequestException.class, null, List.of("One or more validation errors occurred."),
                        List.of(new FieldError("Title", null, "The Title field is required.")), "00-abc-01"),
                new Shape("Document360 v2 envelope", 404, "application/json",
                        "{\"success\":false,\"errors\":[{\"extension_data\":null,\"stack_trace\":null,"
                                + "\"description\":\"Article not found\",\"error_code\":\"ARTICLE_NOT_FOUND\"}]}",
                        NotFoundException.class, "ARTICLE_NOT_FOUND", List.of("Article not found"), List.of(), null),
                new Shape("Dcycle FastAPI detail string", 404, "application/json",
                        "{\"detail\":\"File not found\",\"code\":\"FILE_NOT_FOUND\"}",
                        NotFoundException.class, "FILE_NOT_FOUND", List.of("File not found"), List.of(), null),
                new Shape("Dcycle FastAPI detail list", 422, "application/json",
                        "{\"detail\":[{\"loc\":[\"body\",\"name\"],\"msg\":\"field required\","
                                + "\"type\":\"value_error.missing\"}]}",
                        BadRequestException.class, "value_error.missing", List.of("body.name: field required"),
                        List.of(new FieldError("body.name", "value_error.missing", "field required")), null),
                new Shape("WebAdMIT message", 403, "application/json",
                        "{\"message\":\"You are not authorized to access this export\"}",
                        PermissionDeniedException.class, null,
                        List.of("You are not authorized to access this export"), List.of(), null),
                new Shape("WebAdMIT empty 401", 401, "application/json", "",
                        AuthenticationException.class, null, List.of(), List.of(), null),
                new Shape("malformed JSON", 400, "application/json", "{\"message\": \"unterminated",
                        BadRequestException.class, null, List.of(), List.of(), null),
                new Shape("JSON that is not an object", 409, "application/json", "[\"conflict\"]",
                        ConflictException.class, null, List.of(), List.of(), null),
                new Shape("HTML 502 page", 502, "text/html", NGINX_502,
                        ServerException.class, null, List.of(), List.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vendorShapes")
    void vendorBodiesAreRead(Shape s) {
        SdkHttpException e = failWith(aResponse().withStatus(s.status()).withHeader("Content-Type", s.contentType())
                .withBody(s.body()));
        assertEquals(s.type(), e.getClass());
        assertEquals(s.status(), e.statusCode());
        assertEquals(Optional.ofNullable(s.code()), e.errorCode());
        assertEquals(s.messages(), e.messages());
        assertEquals(s.fieldErrors(), e.fieldErrors());
        assertEquals(Optional.ofNullable(s.requestId()), e.requestId());
        assertEquals(s.body(), e.rawBody());
    }

    @Test
    void theMessageSaysStatusMethodUrlVendorMessageCodeAndRequestId() {
        SdkHttpException e = failWith(json(404, "{\"detail\":\"File not found\",\"code\":\"FILE_NOT_FOUND\"}")
                .withHeader("x-request-id", "req-7"));
        assertEquals("HTTP 404 from GET " + wm.url("/v1/thing") + ": File not found [code FILE_NOT_FOUND]"
                + " [request id req-7]", e.getMessage());
    }

    @Test
    void aDocument360V2ErrorNamesItsCodeOnceInTheMessage() {
        SdkHttpException e = failWith(json(404, "{\"success\":false,\"errors\":[{\"description\":\"Article not found\","
                + "\"error_code\":\"ARTICLE_NOT_FOUND\"}]}"));
        assertTrue(e.getMessage().endsWith(": Article not found [code ARTICLE_NOT_FOUND]"), e.getMessage());
    }

    @Test
    void anEmpty401SaysSoAndShowsTheChallenge() {
        SdkHttpException e = failWith(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer realm=\"api\""));
        assertEquals("HTTP 401 from GET " + wm.url("/v1/thing")
                + " (empty body) [WWW-Authenticate: Bearer realm=\"api\"]", e.getMessage());
        assertEquals("", e.rawBody());
    }

    private static final String NGINX_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n"
            + "</body>\r\n</html>\r\n";

    @Test
    void anHtmlErrorPageGivesAReadableOneLineMessage() {
        SdkHttpException e = failWith(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody(NGINX_502));
        assertEquals(ServerException.class, e.getClass());
        assertTrue(e.getMessage().contains("502 Bad Gateway"), e.getMessage());
        assertFalse(e.getMessage().contains("<"), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    }

    @Test
    void anHtmlPageWithoutATitleIsShownAsItsText() {
        SdkHttpException e = failWith(aResponse().withStatus(503).withBody("<!DOCTYPE html><html><head>"
                + "<style>body{color:red}</style></head><body><h1>Service Unavailable</h1>\n<p>Try again later.</p>"
                + "</body></html>"));
        assertTrue(e.getMessage().endsWith("(HTML page: Service Unavailable Try again later.)"), e.getMessage());
    }

    @Test
    void anUnparsedTextBodyIsQuotedOnOneLine() {
        SdkHttpException e = failWith(aResponse().withStatus(500).withHeader("Content-Type", "text/plain")
                .withBody("upstream\n  connect error"));
        assertTrue(e.getMessage().endsWith("(unparsed body: upstream connect error)"), e.getMessage());
    }

    @Test
    void theRequestIdComesFromXRequestIdBeforeTheBodysTraceId() {
        SdkHttpException e = failWith(json(400, "{\"title\":\"bad\",\"trace_id\":\"body-id\"}")
                .withHeader("x-request-id", "header-id"));
        assertEquals(Optional.of("header-id"), e.requestId());
        assertEquals("header-id", e.headers().get("x-request-id"));
    }

    @Test
    void theBuildersRequestIdHeadersReplaceTheDefaults() {
        ResponseDefinitionBuilder response = json(500, "{}").withHeader("x-request-id", "default-id")
                .withHeader("x-amzn-RequestId", "amzn-id");
        SdkHttpException e = failWith(response, TestHttp.transport(wm.baseUrl(), Credentials.none())
                .requestIdHeaders("x-amzn-requestid"));
        assertEquals(Optional.of("amzn-id"), e.requestId());

        SdkHttpException other = failWith(json(500, "{}").withHeader("x-request-id", "default-id"),
                TestHttp.transport(wm.baseUrl(), Credentials.none()).requestIdHeaders("x-correlation-id"));
        assertEquals(Optional.empty(), other.requestId());
    }

    @Test
    void theExceptionCarriesMethodAndRedactedUrl() {
        wm.stubFor(any(anyUrl()).willReturn(json(409, "{\"message\":\"in use\"}")));
        try (Transport t = TestHttp.transport(wm.baseUrl(), Credentials.none()).build()) {
            Request delete = new Request.Builder().url(wm.url("/v1/files/7?api_key=K3Y&page=2")).delete().build();
            ConflictException e = assertThrows(ConflictException.class,
                    () -> t.execute(delete, RequestOptions.none(), ResponseReader.discard()));
            assertEquals("DELETE", e.method());
            assertEquals(wm.url("/v1/files/7?api_key=REDACTED&page=2"), e.url());
            assertFalse(e.getMessage().contains("K3Y"), e.getMessage());
        }
    }

    @Test
    void onlyAllowListedResponseHeadersAreKept() {
        SdkHttpException e = failWith(json(403, "{}").withHeader("Set-Cookie", "session=s3ss10n")
                .withHeader("X-Internal-Token", "tok").withHeader("X-RateLimit-Limit", "60"));
        assertEquals("60", e.headers().get("x-ratelimit-limit"));
        assertEquals("application/json", e.headers().get("content-type"));
        assertFalse(e.headers().containsKey("set-cookie"));
        assertFalse(e.headers().toString().contains("s3ss10n") || e.headers().toString().contains("tok"));
    }

    @Test
    void aLongBodyIsTruncated() {
        String body = "x".repeat(SdkHttpException.MAX_BODY_CHARS * 3);
        SdkHttpException e = failWith(aResponse().withStatus(500).withHeader("Content-Type", "text/plain")
                .withBody(body));
        assertEquals("x".repeat(SdkHttpException.MAX_BODY_CHARS) + "...[truncated]", e.rawBody());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }

    @Test
    void aParserThatThrowsDoesNotHideTheHttpError() {
        ErrorBodyParser broken = (status, contentType, body) -> {
            throw new IllegalStateException("parser bug");
        };
        SdkHttpException e = failWith(json(404, "{\"message\":\"gone\"}"),
                TestHttp.transport(wm.baseUrl(), Credentials.none()).errorBodyParser(broken));
        assertEquals(NotFoundException.class, e.getClass());
        assertEquals(List.of(), e.messages());
        assertEquals("{\"message\":\"gone\"}", e.rawBody());
    }

    @Test
    void aParserThatReturnsNullDoesNotHideTheHttpErrorBehindANullPointerException() {
        ErrorBodyParser careless = (status, contentType, body) -> null;
        SdkHttpException e = failWith(json(409, "{\"message\":\"taken\"}"),
                TestHttp.transport(wm.baseUrl(), Credentials.none()).errorBodyParser(careless));
        assertEquals(ConflictException.class, e.getClass());
        assertEquals(409, e.statusCode());
        assertEquals(List.of(), e.messages());
        assertEquals(List.of(), e.fieldErrors());
        assertEquals("{\"message\":\"taken\"}", e.rawBody());
    }
}
