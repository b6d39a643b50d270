package com.docsdk.core.error;

import com.docsdk.core.RateLimit;
import com.docsdk.core.Redactor;
import com.docsdk.core.internal.SecretRegistry;
import com.docsdk.core.internal.ServerDelay;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Everything known about a failed HTTP exchange, and the one place that turns it into the right
 * {@link SdkHttpException} subclass. Vendor modules use it when a 2xx response still reports a failure
 * (Document360's {@code success: false}).
 *
 * <pre>{@code
 * throw HttpErrorContext.builder(200, "GET", url)
 *         .details(new ErrorDetails("VALIDATION_ERROR", List.of("bad version"), List.of(), null))
 *         .build()
 *         .toException();
 * }</pre>
 */
public final class HttpErrorContext {
    private static final int MESSAGE_EXCERPT_CHARS = 200;
    private static final Pattern HTML_START = Pattern.compile("\\s*<(!doctype\\s+html|html)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_TITLE = Pattern.compile("<title[^>]*>([^<]*)</title>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_INVISIBLE = Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");

    private final int statusCode;
    private final String method;
    private final String redactedUrl;
    private final ErrorDetails details;
    private final String requestId;
    private final String rawBody;
    private final Map<String, String> safeHeaders;
    private final int attempts;
    private final Duration retryAfter;
    private final String note;

    private HttpErrorContext(Builder b) {
        SecretRegistry secrets = b.secrets;
        this.statusCode = b.statusCode;
        this.method = b.method;
        this.redactedUrl = secrets.url(b.url);
        this.details = redacted(b.details, secrets);
        String id = b.requestId != null ? b.requestId : b.details.traceId();
        this.requestId = id == null ? null : secrets.scrub(id);
        this.rawBody = truncate(b.rawBody == null ? "" : secrets.redact(b.rawBody));
        Map<String, String> headers = new LinkedHashMap<>();
        b.safeHeaders.forEach((name, value) -> headers.put(name, secrets.scrub(value)));
        this.safeHeaders = Collections.unmodifiableMap(headers);
        this.attempts = b.attempts;
        this.retryAfter = b.retryAfter;
        this.note = b.note == null ? null : secrets.scrub(b.note);
    }

    public static Builder builder(int statusCode, String method, HttpUrl url) {
        return new Builder(statusCode, method, url);
    }

    /** The exception for this status: 400/422 bad request, 401, 403, 404, 409, 429, 5xx, else the base class. */
    public SdkHttpException toException() {
        return switch (statusCode) {
            case 400, 422 -> new BadRequestException(this);
            case 401 -> new AuthenticationException(this);
            case 403 -> new PermissionDeniedException(this);
            case 404 -> new NotFoundException(this);
            case 409 -> new ConflictException(this);
            case 429 -> new RateLimitException(this);
            default -> statusCode >= 500 && statusCode <= 599 ? new ServerException(this) : new SdkHttpException(this);
        };
    }

    String message() {
        StringBuilder sb = new StringBuilder();
        sb.append("HTTP ").append(statusCode).append(" from ").append(method).append(' ').append(redactedUrl);
        if (!details.messages().isEmpty()) {
            sb.append(": ").append(String.join("; ", details.messages()));
        } else if (rawBody.isEmpty()) {
            sb.append(" (empty body)");
        } else {
            sb.append(" (").append(describeUnparsedBody()).append(')');
        }
        if (details.code() != null) {
            sb.append(" [code ").append(details.code()).append(']');
        }
        if (statusCode == 401 && safeHeaders.containsKey("www-authenticate")) {
            sb.append(" [WWW-Authenticate: ").append(safeHeaders.get("www-authenticate")).append(']');
        }
        if (statusCode == 403 && details.messages().isEmpty()) {
            sb.append(" - the credentials are not allowed to do this");
        }
        if (retryAfter != null) {
            sb.append(" [retry after ").append(retryAfter.toSeconds()).append("s]");
        }
        if (requestId != null) {
            sb.append(" [request id ").append(requestId).append(']');
        }
        if (attempts > 1) {
            sb.append(" after ").append(attempts).append(" attempts");
        }
        if (note != null) {
            sb.append(" (").append(note).append(')');
        }
        return sb.toString();
    }

    int statusCode() {
        return statusCode;
    }

    String method() {
        return method;
    }

    String redactedUrl() {
        return redactedUrl;
    }

    ErrorDetails details() {
        return details;
    }

    String requestId() {
        return requestId;
    }

    String rawBody() {
        return rawBody;
    }

    Map<String, String> safeHeaders() {
        return safeHeaders;
    }

    int attempts() {
        return attempts;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    /** A one-line excerpt of a body the parser could not read; an HTML error page by its title or its text. */
    private String describeUnparsedBody() {
        String kind = "unparsed body";
        String text = rawBody;
        String contentType = safeHeaders.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        if (contentType.contains("html") || HTML_START.matcher(rawBody).lookingAt()) {
            kind = "HTML page";
            Matcher title = HTML_TITLE.matcher(rawBody);
            text = title.find() && !title.group(1).isBlank() ? title.group(1)
                    : HTML_TAG.matcher(HTML_INVISIBLE.matcher(rawBody).replaceAll(" ")).replaceAll(" ");
        }
        text = text.replaceAll("\\s+", " ").trim();
        if (text.length() > MESSAGE_EXCERPT_CHARS) {
            text = text.substring(0, MESSAGE_EXCERPT_CHARS) + "...";
        }
        return text.isEmpty() ? kind : kind + ": " + text;
    }

    /**
     * The details with any URL or signature a vendor echoed redacted, as in the raw body, and any of the client's own
     * secrets (a key, token or client secret the server repeated back) scrubbed from every part.
     */
    private static ErrorDetails redacted(ErrorDetails d, SecretRegistry secrets) {
        List<String> messages = d.messages().stream().map(secrets::redact).toList();
        List<FieldError> fieldErrors = d.fieldErrors().stream()
                .map(fe -> new FieldError(secrets.scrub(fe.field()), secrets.scrub(fe.code()),
                        secrets.redact(fe.message()))).toList();
        return new ErrorDetails(d.code() == null ? null : secrets.scrub(d.code()), messages, fieldErrors,
                d.traceId() == null ? null : secrets.scrub(d.traceId()));
    }

    private static String truncate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= SdkHttpException.MAX_BODY_CHARS ? body
                : body.substring(0, SdkHttpException.MAX_BODY_CHARS) + "...[truncated]";
    }

    /** Collects an exchange's facts; only {@code statusCode}, {@code method} and {@code url} are required. */
    public static final class Builder {
        private final int statusCode;
        private final String method;
        private final HttpUrl url;
        private ErrorDetails details = ErrorDetails.EMPTY;
        private String requestId;
        private String rawBody = "";
        private Map<String, String> safeHeaders = Map.of();
        private int attempts = 1;
        private Duration retryAfter;
        private String note;
        private SecretRegistry secrets = SecretRegistry.NONE;

        private Builder(int statusCode, String method, HttpUrl url) {
            this.statusCode = statusCode;
            this.method = Objects.requireNonNull(method, "method");
            this.url = Objects.requireNonNull(url, "url");
        }

        public Builder details(ErrorDetails details) {
            this.details = Objects.requireNonNull(details, "details");
            return this;
        }

        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        public Builder rawBody(String rawBody) {
            this.rawBody = rawBody;
            return this;
        }

        public Builder rawBody(byte[] rawBody) {
            this.rawBody = rawBody == null ? "" : new String(rawBody, StandardCharsets.UTF_8);
            return this;
        }

        /** Keeps only allow-listed headers (see {@link Redactor#isSafeHeader(String)}), keyed in lower case. */
        public Builder headers(Headers headers) {
            Map<String, String> safe = new LinkedHashMap<>();
            for (String name : headers.names()) {
                if (Redactor.isSafeHeader(name)) {
                    safe.put(name.toLowerCase(java.util.Locale.ROOT), Redactor.headerValue(name, headers.get(name)));
                }
            }
            this.safeHeaders = Collections.unmodifiableMap(safe);
            return this;
        }

        /** Reads the request id from the first of these headers present. */
        public Builder requestIdFrom(Headers headers, List<String> requestIdHeaders) {
            for (String name : requestIdHeaders) {
                String v = headers.get(name);
                if (v != null && !v.isBlank()) {
                    this.requestId = v;
                    return this;
                }
            }
            return this;
        }

        public Builder attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        /** Sets {@link #retryAfter(Duration)} from {@code Retry-After} / {@code X-RateLimit-Reset}, when present. */
        public Builder retryAfterFrom(Headers headers, Clock clock) {
            ServerDelay.from(headers, clock).ifPresent(d -> this.retryAfter = d);
            return this;
        }

        /** A remark appended to the message, such as why the SDK stopped retrying. Must hold no secret. */
        public Builder note(String note) {
            this.note = note;
            return this;
        }

        /** The client's secrets, scrubbed from every part of the error on top of the pattern rules. */
        public Builder secrets(SecretRegistry secrets) {
            this.secrets = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        public HttpErrorContext build() {
            return new HttpErrorContext(this);
        }
    }
}
