package com.docsdk.cli;

import com.docsdk.cli.ExitCodes.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings a client is built from, as the SDK's environment variables: the profile file first, the environment
 * over it, the flags over both. The profile file ({@code ~/.config/docsdk/config}, or {@code $DOCSDK_CONFIG}) is
 * INI-like: {@code [profile]} sections of {@code VARIABLE = value} lines, {@code #} comments.
 */
public final class Config {
    public static final String DEFAULT_PROFILE = "default";

    private Config() {
    }

    /** Where the profile file is for this environment and home directory. */
    public static Path profileFile(Map<String, String> env, Path home) {
        String explicit = env.get("DOCSDK_CONFIG");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
        return base.resolve("docsdk").resolve("config");
    }

    /** The variables of {@code profile} in {@code file}; empty when the file does not exist. */
    public static Map<String, String> readProfile(Path file, String profile) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            if (!DEFAULT_PROFILE.equals(profile)) {
                throw new UsageException("--profile " + profile + ": no profile file at " + file);
            }
            return values;
        }
        String section = DEFAULT_PROFILE;
        boolean found = false;
        try {
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    section = line.substring(1, line.length() - 1).strip();
                    found |= section.equals(profile);
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq > 0 && section.equals(profile)) {
                    found = true;
                    values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
        } catch (IOException e) {
            throw new UsageException("cannot read the profile file " + file + ": " + e.getMessage());
        }
        if (!found && !DEFAULT_PROFILE.equals(profile)) {
            throw new UsageException("--profile " + profile + ": no such profile in " + file);
        }
        return values;
    }

    /** Profile, then environment, then flags: each wins over the one before. */
    public static Map<String, String> merge(Map<String, String> profile, Map<String, String> env,
            Map<String, String> flags) {
        Map<String, String> merged = new HashMap<>(profile);
        env.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                merged.put(k, v);
            }
        });
        merged.putAll(flags);
        return merged;
    }
}
