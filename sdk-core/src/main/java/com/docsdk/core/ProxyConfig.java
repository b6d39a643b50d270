package com.docsdk.core;

import com.docsdk.core.error.ClientValidationException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Objects;
import okhttp3.Authenticator;
import okhttp3.Credentials;

/**
 * An HTTP(S) proxy with optional basic authentication. When a client has none, the JVM's standard proxy properties
 * apply ({@code https.proxyHost}, {@code https.proxyPort}, {@code http.nonProxyHosts}..., with
 * {@code https.proxyUser}/{@code https.proxyPassword} or {@code http.proxyUser}/{@code http.proxyPassword} for
 * authentication).
 *
 * <pre>{@code
 * FileAiClient.builder().proxy(ProxyConfig.of("proxy.corp", 3128).withCredentials("svc", secret))...
 * }</pre>
 */
public final class ProxyConfig {
    private final String host;
    private final int port;
    private final String username;
    private final String password;

    private ProxyConfig(String host, int port, String username, String password) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    public static ProxyConfig of(String host, int port) {
        ClientValidationException.requireNonBlank("proxyHost", host);
        ClientValidationException.require(port > 0 && port < 65536, "proxyPort", "must be between 1 and 65535");
        return new ProxyConfig(host, port, null, null);
    }

    public ProxyConfig withCredentials(String username, String password) {
        ClientValidationException.requireNonBlank("proxyUsername", username);
        Objects.requireNonNull(password, "proxyPassword");
        return new ProxyConfig(host, port, username, password);
    }

    Proxy toProxy() {
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    }

    Authenticator authenticator() {
        return username == null ? Authenticator.NONE : basic(username, password);
    }

    /** Proxy authentication from the JVM's {@code http(s).proxyUser}/{@code http(s).proxyPassword} properties. */
    static Authenticator fromSystemProperties() {
        String user = firstProperty("https.proxyUser", "http.proxyUser");
        String pass = firstProperty("https.proxyPassword", "http.proxyPassword");
        return user == null ? Authenticator.NONE : basic(user, pass == null ? "" : pass);
    }

    private static Authenticator basic(String user, String pass) {
        return (route, response) -> {
            if (response.request().header("Proxy-Authorization") != null) {
                return null; // already tried: the proxy rejected these credentials
            }
            return response.request().newBuilder()
                    .header("Proxy-Authorization", Credentials.basic(user, pass))
                    .build();
        };
    }

    private static String firstProperty(String... names) {
        for (String name : names) {
            String v = System.getProperty(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "ProxyConfig{" + Redactor.text(host) + ':' + port + (username == null ? "" : ", username="
                + Redactor.text(username)
                + ", password=" + Redactor.REDACTED) + '}';
    }
}
