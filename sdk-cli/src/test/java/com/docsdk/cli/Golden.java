package com.docsdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with {@code src/test/resources/golden/NAME}, UUIDs replaced by {@code <uuid>} (the simulators make
 * random ids). {@code -Dgolden.update=true} rewrites the files instead.
 */
final class Golden {
    private Golden() {
    }

    static String normalize(String s) {
        return s.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                .replaceAll("http://(localhost|127\\.0\\.0\\.1):\\d+", "http://SIMULATOR");
    }

    static void assertMatches(String name, String actual) {
        String normalized = normalize(actual);
        if (Boolean.getBoolean("golden.update")) {
            try {
                Path file = Path.of("src/test/resources/golden", name);
                Files.createDirectories(file.getParent());
                Files.writeString(file, normalized, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return;
        }
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new AssertionError("no golden file " + name + " (run with -Dgolden.update=true)\n" + normalized);
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), normalized, name);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
