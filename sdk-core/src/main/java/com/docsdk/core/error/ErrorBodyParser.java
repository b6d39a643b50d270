package com.docsdk.core.error;

import com.docsdk.core.internal.JsonErrorBodyParser;

/**
 * Reads a vendor's error body into {@link ErrorDetails}. Vendor modules plug in their own when the
 * {@linkplain #json() generic JSON parser} does not understand their format.
 *
 * <p>Implementations must never throw: a body they cannot read yields {@link ErrorDetails#EMPTY}, and the
 * exception still carries the status, URL and (truncated) raw body.
 *
 * <pre>{@code
 * ErrorBodyParser dcycle = (status, contentType, body) -> ErrorBodyParser.json().parse(status, contentType, body);
 * }</pre>
 */
@FunctionalInterface
public interface ErrorBodyParser {

    /**
     * @param status the HTTP status code
     * @param contentType the response's {@code Content-Type}, or an empty string
     * @param body the response body decoded as UTF-8 (possibly truncated, possibly empty)
     */
    ErrorDetails parse(int status, String contentType, String body);

    /**
     * A tolerant parser for the JSON error shapes our vendors use: NestJS {@code {message, error, statusCode}},
     * RFC 7807 problem+json with {@code errors[]} and {@code trace_id}, Document360 v2
     * {@code {success: false, errors: [{error_code, description}]}}, FastAPI {@code {detail, code}} (detail a string
     * or a list of {@code {loc, msg, type}}), ASP.NET {@code errors: {field: [messages]}}, and plain
     * {@code {message}}. Non-JSON bodies (an HTML 502 page) yield {@link ErrorDetails#EMPTY}.
     */
    static ErrorBodyParser json() {
        return JsonErrorBodyParser.INSTANCE;
    }
}
