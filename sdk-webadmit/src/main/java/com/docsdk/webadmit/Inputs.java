package com.docsdk.webadmit;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.service.Check;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks of the flows' inputs, made before any request is sent (the generated services check their own from the
 * spec; a flow checks everything up front, so that a wait or a run never starts on bad input).
 */
final class Inputs {
    private Inputs() {
    }

    /** A WebAdMIT identifier: present and positive, as the spec's {@code minimum: 1} says. */
    static Long id(String field, Long value) {
        Check.required(field, value);
        Check.min(field, value, "1", false);
        return value;
    }

    /**
     * A callback URL WebAdMIT can POST to: absolute, {@code http} or {@code https}, with a host (the spec's pattern;
     * checked here so that {@link ExportRunRequest.Builder#build()} names its own {@code callback}).
     */
    static URI callback(URI callback) {
        ClientValidationException.requireNonNull("callback", callback);
        String scheme = callback.getScheme() == null ? "" : callback.getScheme().toLowerCase(Locale.ROOT);
        ClientValidationException.require(callback.isAbsolute() && (scheme.equals("http") || scheme.equals("https")),
                "callback", "must be an absolute http(s) URL, was " + callback);
        ClientValidationException.require(callback.getHost() != null && !callback.getHost().isBlank(), "callback",
                "must name a host, was " + callback);
        return callback;
    }

    /** A file the download can be written to atomically: not a folder, in an existing, writable folder. */
    static Path target(Path target) {
        ClientValidationException.requireNonNull("target", target);
        Path abs = target.toAbsolutePath();
        ClientValidationException.require(!Files.isDirectory(abs), "target", "is a directory: " + target);
        Path dir = abs.getParent();
        ClientValidationException.require(dir != null && Files.isDirectory(dir), "target",
                "the folder " + dir + " does not exist");
        ClientValidationException.require(Files.isWritable(dir), "target", "the folder " + dir + " is not writable");
        return target;
    }
}
