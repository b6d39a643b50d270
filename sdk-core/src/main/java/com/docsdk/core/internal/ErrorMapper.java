package com.docsdk.core.internal;

import com.docsdk.core.error.ErrorBodyParser;
import com.docsdk.core.error.ErrorDetails;
import com.docsdk.core.error.HttpErrorContext;
import com.docsdk.core.error.SdkHttpException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Turns an error response into the matching {@link SdkHttpException}: reads up to 64 KiB of the body, parses it with
 * the vendor's {@link ErrorBodyParser}, and collects request id, retry-after, safe headers, attempts and any note,
 * with the client's own secrets scrubbed from all of it (a server may echo the key or token it was sent).
 * One per transport, shared by the error interceptor and the downloader.
 */
public final class ErrorMapper {
    static final long MAX_ERROR_BODY_BYTES = 64 * 1024;

    private final ErrorBodyParser parser;
    private final List<String> requestIdHeaders;
    private final Clock clock;
    private final SecretRegistry secrets;

    public ErrorMapper(ErrorBodyParser parser, List<String> requestIdHeaders, Clock clock, SecretRegistry secrets) {
        this.parser = parser;
        this.requestIdHeaders = requestIdHeaders;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** The client's secrets, scrubbed from everything the exceptions it makes say. */
    SecretRegistry secrets() {
        return secrets;
    }

    List<String> requestIdHeaders() {
        return requestIdHeaders;
    }

    Clock clock() {
        return clock;
    }

    /** The exception for {@code response}, which this closes. */
    public SdkHttpException toException(Response response, int attempts, String note) {
        String body;
        try (response) {
            body = new String(response.peekBody(MAX_ERROR_BODY_BYTES).bytes(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            body = "";
        }
        ErrorDetails details;
        try {
            details = parser.parse(response.code(), response.header("Content-Type", ""), body);
        } catch (RuntimeException e) {
            details = ErrorDetails.EMPTY; // a parser must not hide the HTTP error behind its own bug
        }
        Request sent = response.request();
        return HttpErrorContext.builder(response.code(), sent.method(), sent.url())
                .details(details == null ? ErrorDetails.EMPTY : details)
                .secrets(secrets)
                .rawBody(body)
                .headers(response.headers())
                .requestIdFrom(response.headers(), requestIdHeaders)
                .retryAfterFrom(response.headers(), clock)
                .attempts(attempts)
                .note(note)
                .build()
                .toException();
    }
}
