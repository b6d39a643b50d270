package com.docsdk.core.internal;

import com.docsdk.core.Redactor;
import com.docsdk.core.Transport;
import com.docsdk.core.auth.Credentials;
import com.docsdk.core.auth.OAuth2ClientCredentials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.HttpUrl;

/**
 * The secret values one client holds: its API key or static token, the OAuth2 client secret, the current and a few
 * previous access tokens. {@link Credentials}, {@link TokenCache} and {@link OAuth2ClientCredentials} feed it; it
 * scrubs those values from every text the client surfaces (error bodies, messages, field errors, header values, log
 * lines, exception messages), on top of {@link Redactor}'s pattern rules, which cannot know a key that looks like
 * any other word. One per {@link Transport}; thread-safe.
 *
 * <p>A value is scrubbed as sent and in the encodings a server may echo it in: form- and URL-encoded, and
 * JSON-escaped. Values shorter than {@value #MIN_LENGTH} characters are ignored: scrubbing them would blank out
 * ordinary words.
 */
public final class SecretRegistry {
    /** Shorter values are not secrets worth the noise of scrubbing them. */
    static final int MIN_LENGTH = 6;
    /** How many access tokens are remembered: the current one and the ones it replaced. */
    static final int MAX_TOKENS = 8;

    /** A registry that knows nothing (requests from clients the SDK did not build). */
    public static final SecretRegistry NONE = new SecretRegistry();

    private final Object lock = new Object();
    private final Set<String> pinned = new LinkedHashSet<>();
    private final Deque<String> tokens = new ArrayDeque<>();
    /** Every form of every value, longest first; replaced as a whole on each change. */
    private volatile List<String> forms = List.of();

    /** Remembers a long-lived secret (API key, static token, client secret) for the client's lifetime. */
    public void register(String secret) {
        if (this == NONE || !worthScrubbing(secret)) {
            return;
        }
        synchronized (lock) {
            if (pinned.add(secret)) {
                rebuild();
            }
        }
    }

    /** Remembers an access token; the oldest of more than {@value #MAX_TOKENS} is forgotten. */
    public void registerToken(String token) {
        if (this == NONE || !worthScrubbing(token)) {
            return;
        }
        synchronized (lock) {
            if (tokens.contains(token) || pinned.contains(token)) {
                return;
            }
            tokens.addLast(token);
            while (tokens.size() > MAX_TOKENS) {
                tokens.removeFirst();
            }
            rebuild();
        }
    }

    /** {@code text} with every known secret, in any of its encodings, replaced by {@value Redactor#REDACTED}. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        List<String> snapshot = forms;
        String result = text;
        for (String form : snapshot) {
            if (result.contains(form)) {
                result = result.replace(form, Redactor.REDACTED);
            }
        }
        return result;
    }

    /** True when {@code text} holds a known secret in any of its encodings. */
    public boolean containsSecret(String text) {
        if (text == null) {
            return false;
        }
        for (String form : forms) {
            if (text.contains(form)) {
                return true;
            }
        }
        return false;
    }

    /** {@link Redactor#text(String)}, then {@link #scrub(String)}: what every surfaced free text goes through. */
    public String redact(String text) {
        return scrub(Redactor.text(text));
    }

    /** {@link Redactor#url(HttpUrl)}, then {@link #scrub(String)} (a key may sit in a path segment). */
    public String url(HttpUrl url) {
        return scrub(Redactor.url(url));
    }

    /** The registry a request was sent with, or {@link #NONE}. */
    public static SecretRegistry of(okhttp3.Request request) {
        SecretRegistry registry = request == null ? null : request.tag(SecretRegistry.class);
        return registry != null ? registry : NONE;
    }

    private static boolean worthScrubbing(String value) {
        return value != null && value.strip().length() >= MIN_LENGTH;
    }

    private void rebuild() {
        Set<String> all = new LinkedHashSet<>();
        for (String value : pinned) {
            addForms(all, value);
        }
        for (String value : tokens) {
            addForms(all, value);
        }
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        forms = List.copyOf(sorted);
    }

    private static void addForms(Set<String> forms, String value) {
        forms.add(value);
        forms.add(value.strip());
        forms.add(new FormBody.Builder().add("v", value).build().encodedValue(0));
        forms.add(percentEncoded(value));
        forms.add(jsonEscaped(value));
        forms.add(jsonEscaped(value).replace("/", "\\/"));
        forms.add(htmlSafeJson(jsonEscaped(value)));
        // No form is shorter than the stripped value, which worthScrubbing required to have MIN_LENGTH characters.
    }

    private static String percentEncoded(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /** As Gson writes strings by default: {@code < > & = '} as unicode escapes. */
    private static String htmlSafeJson(String escaped) {
        return escaped.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("=", "\\u003d").replace("'", "\\u0027");
    }

    private static String jsonEscaped(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
