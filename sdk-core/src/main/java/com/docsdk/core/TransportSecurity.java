package com.docsdk.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import okhttp3.HttpUrl;

/** Refuses plain-HTTP URLs except to loopback hosts or when the user explicitly allowed insecure transport. */
final class TransportSecurity {
    private TransportSecurity() {
    }

    static void requireSecure(HttpUrl url, boolean allowInsecure, String field) {
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
        if (!host.isEmpty() && (Character.isDigit(host.charAt(0)) || host.contains(":"))) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress(); // a literal: no DNS lookup happens
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
