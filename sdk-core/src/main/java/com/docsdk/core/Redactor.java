package com.docsdk.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
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

    /**
     * Parts of a field name (lower case, without {@code _ - .}) that say the field holds a credential or a personal
     * secret (a social security number).
     */
    private static final String[] SECRET_FIELD_FRAGMENTS = {"token", "secret", "password", "passwd", "apikey",
        "accesskey", "privatekey", "credential", "signature", "authorization", "cookie", "socialsecurity"};
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
                if (eq != -1 && isSecretQueryName(url.queryParameterName(i))) {
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
     * One field of a value type as its {@code toString()} prints it: {@value #REDACTED} when the field's name says it
     * holds a credential (a token, secret, password, API or access key, signature, authorization), else the value as
     * {@link #text(String)} prints it, so a presigned or tokened URL keeps only its harmless parts. Map entries are
     * judged by their own key (unknown JSON fields, say), collection elements one by one.
     *
     * <pre>{@code
     * Redactor.field("accessToken", "eyJhbGciOi...");                             // "REDACTED"
     * Redactor.field("downloadUrl", "https://acct.blob.core.windows.net/c/f.zip?sv=2024&sig=abc");
     * // "https://acct.blob.core.windows.net/c/f.zip?sv=2024&sig=REDACTED"
     * }</pre>
     */
    public static String field(String name, Object value) {
        if (value == null) {
            return "null";
        }
        if (isSecretFieldName(name)) {
            return REDACTED;
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner entries = new StringJoiner(", ", "{", "}");
            map.forEach((key, v) -> entries.add(text(String.valueOf(key)) + "=" + field(String.valueOf(key), v)));
            return entries.toString();
        }
        if (value instanceof Collection<?> elements) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            elements.forEach(element -> items.add(field(name, element)));
            return items.toString();
        }
        return text(String.valueOf(value));
    }

    /**
     * The header value when the header is on the allow-list (with any URL in it, as in {@code Location}, redacted like
     * any URL), else {@value #REDACTED}.
     */
    public static String headerValue(String name, String value) {
        if (!isSafeHeader(name)) {
            return REDACTED;
        }
        return value == null ? null : text(value);
    }

    /** True when a header's value may be printed. */
    public static boolean isSafeHeader(String name) {
        return name != null && SAFE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    static boolean isSecretFieldName(String name) {
        if (name == null) {
            return false;
        }
        String plain = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(".", "");
        for (String fragment : SECRET_FIELD_FRAGMENTS) {
            if (plain.contains(fragment)) {
                return true;
            }
        }
        // "ssn" only as the whole name or its last word (applicantSsn, ssns), not inside words ("classname").
        return plain.equals("sig") || plain.equals("auth") || plain.endsWith("ssn") || plain.endsWith("ssns");
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
