package com.docsdk.core.internal;

import com.docsdk.core.error.ClientValidationException;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Refuses plain-HTTP URLs except to loopback hosts or when the user explicitly allowed insecure transport. */
public final class TransportSecurity {
    /** Four decimal octets of 0 to 255 without leading zeros (which some resolvers read as octal). */
    private static final Pattern IPV4_LITERAL = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private TransportSecurity() {
    }

    public static void requireSecure(HttpUrl url, boolean allowInsecure, String field) {
        if (url.isHttps() || allowInsecure || isLoopback(url.host())) {
            return;
        }
        throw new ClientValidationException(field, "plain http:// to " + url.host()
                + " is refused: credentials would travel unencrypted. Use https://, a loopback host for tests,"
                + " or allowInsecureHttp(true) on the builder.");
    }

    /**
     * True for the name {@code localhost} (and its {@code .localhost} subdomains, RFC 6761) and for loopback IP
     * literals: {@code 127.x.y.z} in canonical dotted decimal, {@code ::1}. Nothing is resolved: what a name resolves
     * to says nothing about where credentials may go later, and a lookup would send the name to a DNS server.
     * {@code host} is as {@link HttpUrl#host()} gives it: lower case, IPv6 without brackets and canonical
     * ({@code [0:0::1]} is {@code ::1}, {@code [::ffff:127.0.0.1]} is {@code 127.0.0.1}).
     */
    static boolean isLoopback(String host) {
        String lower = host.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost")) {
            return true;
        }
        if (lower.equals("::1")) {
            return true;
        }
        return IPV4_LITERAL.matcher(host).matches() && host.startsWith("127.");
    }
}
