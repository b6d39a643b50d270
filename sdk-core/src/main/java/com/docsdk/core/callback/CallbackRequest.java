package com.docsdk.core.callback;

import com.docsdk.core.error.ClientValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A callback as any HTTP server receives it: method, request target ({@code /path?query}, raw), headers and the raw
 * body. Build one from a servlet, a Spring controller or {@link CallbackReceiver}, and give it to
 * {@link CallbackDispatcher#dispatch}. Header names are case-insensitive.
 */
public final class CallbackRequest {
    private final String method;
    private final String target;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    private CallbackRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {
        this.method = ClientValidationException.requireNonBlank("method", method).trim().toUpperCase(Locale.ROOT);
        this.target = ClientValidationException.requireNonNull("target", target);
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null) {
                    copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values == null ? List.of() : values);
                }
            });
        }
        copy.replaceAll((name, values) -> List.copyOf(values));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body == null ? new byte[0] : body.clone();
    }

    /**
     * A request.
     *
     * @param method the HTTP method ({@code POST})
     * @param target the path and query as received, not decoded ({@code /hooks/fileai?docsdk_token=...})
     * @param headers the headers, any case; may be null
     * @param body the raw body; may be null (empty)
     */
    public static CallbackRequest of(String method, String target, Map<String, List<String>> headers, byte[] body) {
        return new CallbackRequest(method, target, headers, body);
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The request target: path and query, as received. */
    public String target() {
        return target;
    }

    /** Every header, by case-insensitive name. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /** The media type of the body without parameters, lower case ({@code application/json}), or empty. */
    public Optional<String> mediaType() {
        return header("Content-Type").map(v -> {
            int semi = v.indexOf(';');
            return (semi < 0 ? v : v.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        }).filter(v -> !v.isEmpty());
    }

    /** A copy of the raw body. */
    public byte[] body() {
        return body.clone();
    }

    /** The body's length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** Method, target with its token redacted and the body's length; never the body or header values. */
    @Override
    public String toString() {
        String printable = method.matches("[A-Z]{1,16}") ? method : com.docsdk.core.Redactor.REDACTED;
        return "CallbackRequest[" + printable + " " + CallbackUrls.redactTarget(target) + ", " + body.length + " bytes]";
    }
}
