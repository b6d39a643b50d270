package com.docsdk.core.internal;

import com.docsdk.core.error.ClientValidationException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** Refuses plain-HTTP URLs except to loopback hosts or when the user explicitly allowed insecure transport. */
public final class TransportSecurity {
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

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

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost") || host.toLowerCase(java.util.Locale.ROOT).endsWith(".localhost")) {
            return true;
        }
        // Only IP literals are looked at: a name such as 127.0.0.1.example.com must not be resolved (DNS decides
        // nothing about where credentials may go later).
        if (IPV4_LITERAL.matcher(host).matches() || host.contains(":")) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress(); // a literal: no DNS lookup happens
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
