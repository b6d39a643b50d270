package com.docsdk.core;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Removes secrets from what the SDK prints: URLs (presigned-URL signatures, tokens in query strings, user info) and
 * header values. Used for every log line, exception message and {@code toString()}.
 *
 * <pre>{@code
 * Redactor.url("https://bucket.s3.amazonaws.com/f.pdf?X-Amz-Signature=abc&x=1");
 * // "https://bucket.s3.amazonaws.com/f.pdf?X-Amz-Signature=REDACTED&x=1"
 * }</pre>
 *
 * <p>Header values are printed only for an allow-list of harmless headers (the Azure SDK rule): anything else,
 * including every credential header a vendor may invent, is redacted.
 */
public final class Redactor {
    /** What replaces a secret. */
    public static final String REDACTED = "REDACTED";

    private static final Set<String> SECRET_QUERY_NAMES = Set.of(
            "x-amz-signature", "signature", "awsaccesskeyid", "x-amz-credential", "x-amz-security-token", "sig",
            "code", "client_secret", "password");
    private static final String[] SECRET_QUERY_FRAGMENTS = {"token", "secret", "signature", "apikey", "api_key",
        "api-key", "password", "credential", "auth"};
    private static final Set<String> SAFE_HEADERS = Set.of(
            "accept", "accept-encoding", "accept-ranges", "cache-control", "connection", "content-encoding",
            "content-length", "content-range", "content-type", "date", "etag", "expires", "last-modified", "location",
            "range", "retry-after", "server", "transfer-encoding", "user-agent", "vary", "www-authenticate",
            "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "ratelimit-limit", "ratelimit-remaining",
            "ratelimit-reset", "x-request-id", "request-id", "x-amzn-requestid", "x-amz-request-id", "x-amz-id-2",
            "x-ms-request-id", "x-correlation-id", "x-trace-id", "traceparent", "x-organization-id");

    private static final Pattern URL_IN_TEXT = Pattern.compile("https?://[^\\s\"'<>]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_PAIR_IN_TEXT = Pattern.compile(
            "(?i)\\b(x-amz-signature|signature|sig|awsaccesskeyid|x-amz-credential|x-amz-security-token"
                    + "|access_token|refresh_token|client_secret|api_key|apikey)=[^&\\s\"'<>]+");

    private static final Pattern SECRET_XML_IN_TEXT = Pattern.compile(
            "(?is)<(SignatureProvided|StringToSign|StringToSignBytes|CanonicalRequest|CanonicalRequestBytes"
                    + "|AWSAccessKeyId|X-Amz-Security-Token)>.*?</\\1>");

    private Redactor() {
    }

    /** The URL with signature and token query parameters, and any user info, replaced by {@value #REDACTED}. */
    public static String url(HttpUrl url) {
        if (url == null) {
            return "null";
        }
        HttpUrl.Builder b = url.newBuilder();
        if (!url.username().isEmpty()) {
            b.username(REDACTED);
        }
        if (!url.password().isEmpty()) {
            b.password(REDACTED);
        }
        String query = url.encodedQuery();
        if (query != null) {
            // Pair by pair, in order and as encoded: HttpUrl splits the query the same way, so index i is pair i.
            String[] pairs = query.split("&", -1);
            StringBuilder redacted = new StringBuilder(query.length());
            for (int i = 0; i < pairs.length; i++) {
                if (i > 0) {
                    redacted.append('&');
                }
                int eq = pairs[i].indexOf('=');
                if (eq >= 0 && isSecretQueryName(url.queryParameterName(i))) {
                    redacted.append(pairs[i], 0, eq + 1).append(REDACTED);
                } else {
                    redacted.append(pairs[i]);
                }
            }
            b.encodedQuery(redacted.toString());
        }
        return b.build().toString();
    }

    /** Like {@link #url(HttpUrl)} for a string; a string that is not an http(s) URL is redacted as a whole. */
    public static String url(String url) {
        if (url == null) {
            return "null";
        }
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed == null ? REDACTED : url(parsed);
    }

    /**
     * Free text (an I/O error message, a response body excerpt) with every URL redacted as by {@link #url(String)} and
     * every {@code signature=...}-style pair outside a URL replaced.
     */
    public static String text(String text) {
        if (text == null) {
            return "null";
        }
        Matcher m = URL_IN_TEXT.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(url(m.group())));
        }
        m.appendTail(sb);
        String pairs = SECRET_PAIR_IN_TEXT.matcher(sb).replaceAll("$1=" + REDACTED);
        return SECRET_XML_IN_TEXT.matcher(pairs).replaceAll("<$1>" + REDACTED + "</$1>");
    }

    /**
     * The header value when the header is on the allow-list (URL-bearing ones such as {@code Location} redacted like
     * any URL), else {@value #REDACTED}.
     */
    public static String headerValue(String name, String value) {
        if (!isSafeHeader(name)) {
            return REDACTED;
        }
        return "location".equalsIgnoreCase(name) ? text(value) : value;
    }

    /** True when a header's value may be printed. */
    public static boolean isSafeHeader(String name) {
        return name != null && SAFE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    static boolean isSecretQueryName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (SECRET_QUERY_NAMES.contains(lower)) {
            return true;
        }
        for (String fragment : SECRET_QUERY_FRAGMENTS) {
            if (lower.contains(fragment)) {
                return true;
            }
        }
        return false;
    }
}
