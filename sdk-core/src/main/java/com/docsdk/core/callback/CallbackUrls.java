package com.docsdk.core.callback;

import com.docsdk.core.Redactor;
import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.internal.SecretRegistry;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Mints the callback URLs you hand to a vendor and recognises them when the vendor calls: one base URL, one
 * {@link CallbackSecret}, one route per vendor endpoint ({@code fileai}, {@code webadmit-export}, ...). The secret
 * goes in the query ({@value #TOKEN_PARAMETER}, which {@link Redactor} already redacts from every printed URL) or as
 * the last path segment.
 *
 * <pre>{@code
 * CallbackUrls urls = CallbackUrls.inQuery("https://hooks.example.com/docsdk", secret);
 * String url = urls.url("fileai");         // https://hooks.example.com/docsdk/fileai?docsdk_token=...
 * urls.match("/docsdk/fileai?docsdk_token=...");   // Optional[fileai]; empty for a wrong or missing token
 * }</pre>
 */
public final class CallbackUrls {
    /** The query parameter that carries the secret in {@link #inQuery} URLs. */
    public static final String TOKEN_PARAMETER = "docsdk_token";

    private final HttpUrl base;
    private final CallbackSecret secret;
    private final boolean inPath;
    private final SecretRegistry secrets = new SecretRegistry();

    private CallbackUrls(String base, CallbackSecret secret, boolean inPath) {
        ClientValidationException.requireNonBlank("baseUrl", base);
        HttpUrl parsed = HttpUrl.parse(base.trim());
        ClientValidationException.require(parsed != null, "baseUrl", "not an http(s) URL: " + Redactor.url(base));
        ClientValidationException.require(parsed.encodedQuery() == null && parsed.fragment() == null, "baseUrl",
                "must have no query or fragment: " + Redactor.url(base));
        this.base = parsed;
        this.secret = ClientValidationException.requireNonNull("secret", secret);
        this.inPath = inPath;
        secret.registerWith(secrets);
    }

    /** URLs with the secret in the query parameter {@value #TOKEN_PARAMETER}. */
    public static CallbackUrls inQuery(String baseUrl, CallbackSecret secret) {
        return new CallbackUrls(baseUrl, secret, false);
    }

    /** URLs with the secret as the last path segment ({@code .../fileai/<secret>}). */
    public static CallbackUrls inPath(String baseUrl, CallbackSecret secret) {
        return new CallbackUrls(baseUrl, secret, true);
    }

    /**
     * The URL to give a vendor for {@code route} (one path segment: letters, digits, {@code - _ .}).
     *
     * @throws ClientValidationException naming {@code route} when it is blank or not a plain segment
     */
    public String url(String route) {
        checkRoute(route);
        HttpUrl.Builder b = base.newBuilder();
        if (!base.pathSegments().isEmpty() && base.pathSegments().get(base.pathSegments().size() - 1).isEmpty()) {
            b.removePathSegment(base.pathSegments().size() - 1); // a trailing slash on the base
        }
        b.addPathSegment(route);
        if (inPath) {
            b.addPathSegment(secret.value());
        } else {
            b.addQueryParameter(TOKEN_PARAMETER, secret.value());
        }
        return b.build().toString();
    }

    /**
     * The route of a request target ({@code /path?query}, as a server sees it) when it carries this secret, else
     * empty. The token is compared in constant time; a target without one, with a wrong one or with two is refused.
     */
    public Optional<String> match(String target) {
        if (target == null || target.isEmpty()) {
            return Optional.empty();
        }
        HttpUrl url = HttpUrl.parse("http://receiver.invalid" + (target.startsWith("/") ? "" : "/") + target);
        if (url == null) {
            return Optional.empty();
        }
        java.util.List<String> segments = new java.util.ArrayList<>(url.pathSegments());
        if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
            segments.remove(segments.size() - 1);
        }
        String token;
        if (inPath) {
            if (segments.size() < 2) {
                return Optional.empty();
            }
            token = segments.remove(segments.size() - 1);
        } else {
            java.util.List<String> tokens = url.queryParameterValues(TOKEN_PARAMETER);
            if (tokens.size() != 1) {
                return Optional.empty();
            }
            token = tokens.get(0);
        }
        if (segments.isEmpty() || !secret.matches(token)) {
            return Optional.empty();
        }
        return Optional.of(segments.get(segments.size() - 1));
    }

    /** {@code text} with the secret (in any encoding) and URL tokens replaced by {@value Redactor#REDACTED}. */
    public String redact(String text) {
        return secrets.redact(text);
    }

    /** The secret these URLs carry. */
    public CallbackSecret secret() {
        return secret;
    }

    /** The base URL and where the secret goes; never the secret. */
    @Override
    public String toString() {
        return "CallbackUrls[base=" + Redactor.url(base) + ", secretIn=" + (inPath ? "path" : "query") + "]";
    }

    /**
     * A request target or URL as it may be printed: query tokens redacted as {@link Redactor#url(String)} does, and
     * every path segment long enough to be a secret ({@value CallbackSecret#MIN_LENGTH} characters or more) replaced,
     * since a path token cannot be told from the path alone.
     */
    static String redactTarget(String target) {
        if (target == null) {
            return "null";
        }
        boolean absolute = target.regionMatches(true, 0, "http://", 0, 7)
                || target.regionMatches(true, 0, "https://", 0, 8);
        String prefix = "http://receiver.invalid";
        HttpUrl url = HttpUrl.parse(absolute ? target : prefix + (target.startsWith("/") ? "" : "/") + target);
        if (url == null) {
            return Redactor.REDACTED;
        }
        HttpUrl.Builder b = url.newBuilder();
        for (int i = 0; i < url.pathSize(); i++) {
            if (url.pathSegments().get(i).length() >= CallbackSecret.MIN_LENGTH) {
                b.setPathSegment(i, Redactor.REDACTED);
            }
        }
        String redacted = Redactor.url(b.build());
        return absolute ? redacted : redacted.substring(prefix.length());
    }

    static void checkRoute(String route) {
        ClientValidationException.requireNonBlank("route", route);
        for (int i = 0; i < route.length(); i++) {
            char c = route.charAt(i);
            ClientValidationException.require(CallbackSecret.isUrlSafe(c) && c != '~', "route",
                    "must be one path segment of letters, digits, - _ . : " + route);
        }
    }
}
