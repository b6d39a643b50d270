package com.docsdk.webadmit;

import com.docsdk.core.ClientValidationException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Checks of the facade's inputs, made before any request is sent. */
final class Inputs {
    private Inputs() {
    }

    /** A WebAdMIT identifier: a positive integer. */
    static long id(String field, long value) {
        ClientValidationException.require(value > 0, field, "must be a positive identifier, was " + value);
        return value;
    }

    /** A callback URL WebAdMIT can POST to: absolute, {@code http} or {@code https}, with a host. */
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
