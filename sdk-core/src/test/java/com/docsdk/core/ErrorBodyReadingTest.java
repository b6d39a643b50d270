package com.docsdk.core;

import com.docsdk.core.auth.Credentials;
import com.docsdk.core.error.BadRequestException;
import com.docsdk.core.error.ErrorBodyParser;
import com.docsdk.core.error.ErrorDetails;
import com.docsdk.core.error.FieldError;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.error.ServerException;
import com.docsdk.core.retry.RetryPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How error bodies are read (the generic JSON parser) and what an error's message says about its exchange. */
class ErrorBodyReadingTest {
    private static final ErrorBodyParser JSON = ErrorBodyParser.json();

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[{\"message\":\"in an array\"}]", "\"just a string\"", "{not json",
        "<html>502</html>"})
    void aBodyWithoutAJsonObjectHasNoDetails(String body) {
        assertSame(ErrorDetails.EMPTY, JSON.parse(400, "application/json", body));
    }

    @Test
    void aNullBodyHasNoDetails() {
        assertSame(ErrorDetails.EMPTY, JSON.parse(400, "", null));
    }

    @Test
    void titleMessagesDescriptionsAndDetailAreCollectedOnceEachWithoutBlanksOrNulls() {
        ErrorDetails d = JSON.parse(400, "application/problem+json", "{\"title\":\"Bad input\","
                + "\"message\":[\"name missing\",\" \",null,\"name missing\"],\"messages\":[\"date invalid\"],"
                + "\"error_description\":\"see docs\",\"detail\":\"detail text\",\"code\":\" \",\"error_code\":\"E42\","
                + "\"trace_id\":null,\"traceId\":\"tr-1\"}");
        assertEquals(List.of("Bad input", "name missing", "date invalid", "see docs", "detail text"), d.messages());
        assertEquals("E42", d.code());
        assertEquals("tr-1", d.traceId());
    }

    @Test
    void errorsAsAnArrayOrAsAFieldMapBecomeFieldErrors() {
        ErrorDetails list = JSON.parse(422, "application/json", "{\"errors\":[{\"field\":\"email\","
                + "\"message\":\"is invalid\",\"code\":\"format\"},\"plain message\"]}");
        assertEquals(List.of(new FieldError("email", "format", "is invalid")), list.fieldErrors());
        assertTrue(list.messages().contains("plain message"), list.messages().toString());
        ErrorDetails map = JSON.parse(400, "application/json", "{\"errors\":{\"Name\":[\"required\",\"too short\"]}}");
        assertEquals(List.of(new FieldError("Name", null, "required"), new FieldError("Name", null, "too short")),
                map.fieldErrors());
    }

    private static SdkHttpException fail(RawHttpServer.Reply reply, int attemptsAllowed) {
        try (RawHttpServer server = RawHttpServer.start(r -> reply);
                Transport t = TestHttp.transport(server.baseUrl(), Credentials.none())
                        .retryPolicy(RetryPolicy.builder().maxRetries(attemptsAllowed - 1).jitter(() -> 0.0).build())
                        .build()) {
            return org.junit.jupiter.api.Assertions.assertThrows(SdkHttpException.class,
                    () -> TestHttp.get(t, server.url("/v1/x")));
        }
    }

    @Test
    void theMessageSaysWhatTheServerSaidOrWhatItSent() {
        String url = "GET http://127.0.0.1:";
        SdkHttpException empty = fail(RawHttpServer.Reply.status(404, null, ""), 1);
        assertTrue(empty.getMessage().startsWith("HTTP 404 from " + url), empty.getMessage());
        assertTrue(empty.getMessage().endsWith("/v1/x (empty body)"), empty.getMessage());

        SdkHttpException html = fail(RawHttpServer.Reply.status(502, "text/html",
                "<html><head><title>Bad Gateway</title></head><body>nginx</body></html>"), 1);
        assertTrue(html.getMessage().endsWith("/v1/x (HTML page: Bad Gateway)"), html.getMessage());
        assertEquals(ServerException.class, html.getClass());

        SdkHttpException untitled = fail(RawHttpServer.Reply.status(503, "text/plain",
                "<!DOCTYPE html><html><body><h1>Down</h1> <p>for maintenance</p></body></html>"), 1);
        assertTrue(untitled.getMessage().endsWith("/v1/x (HTML page: Down for maintenance)"), untitled.getMessage());

        SdkHttpException text = fail(RawHttpServer.Reply.status(500, "text/plain", "  disk\n\nfull  "), 2);
        assertTrue(text.getMessage().endsWith("/v1/x (unparsed body: disk full) after 2 attempts"),
                text.getMessage());

        SdkHttpException coded = fail(RawHttpServer.Reply.json(403, "{\"code\":\"FORBIDDEN\"}")
                .header("X-Request-Id", "req-9"), 1);
        assertTrue(coded.getMessage().endsWith(" [code FORBIDDEN] - the credentials are not allowed to do this"
                + " [request id req-9]"), coded.getMessage());
        assertEquals(Optional.of("req-9"), coded.requestId());

        SdkHttpException challenged = fail(RawHttpServer.Reply.json(401, "{\"message\":\"expired\"}")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\""), 1);
        assertTrue(challenged.getMessage().endsWith(": expired [WWW-Authenticate: Bearer error=\"invalid_token\"]"),
                challenged.getMessage());

        SdkHttpException limited = fail(RawHttpServer.Reply.json(429, "{\"message\":\"slow down\"}")
                .header("Retry-After", "120"), 1);
        assertTrue(limited.getMessage().contains(": slow down [retry after 120s]"), limited.getMessage());
    }

    @Test
    void statusesOutsideTheKnownOnesKeepTheBaseClass() {
        assertEquals(ServerException.class, fail(RawHttpServer.Reply.json(599, "{}"), 1).getClass());
        assertEquals(SdkHttpException.class, fail(RawHttpServer.Reply.json(418, "{}"), 1).getClass());
        assertEquals(BadRequestException.class, fail(RawHttpServer.Reply.json(422, "{}"), 1).getClass());
    }

    @Test
    void aBodyOfExactlyTheLimitIsKeptWhole() {
        String body = "y".repeat(SdkHttpException.MAX_BODY_CHARS);
        assertEquals(body, fail(RawHttpServer.Reply.status(400, "text/plain", body), 1).rawBody());
    }
}
