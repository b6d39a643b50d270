package com.docsdk.core.internal;

import com.docsdk.core.Redactor;
import okhttp3.HttpUrl;

/** Scheme, host and port of the API: the only place credentials may be sent. */
public record Origin(String scheme, String host, int port) {

    public static Origin of(HttpUrl url) {
        return new Origin(url.scheme(), url.host(), url.port());
    }

    boolean matches(HttpUrl url) {
        return scheme.equals(url.scheme()) && host.equalsIgnoreCase(url.host()) && port == url.port();
    }

    @Override
    public String toString() {
        return Redactor.text(scheme + "://" + host + ":" + port);
    }
}
