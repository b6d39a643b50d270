package com.docsdk.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The name and version of an SDK module, for the {@code User-Agent}.
 *
 * <pre>{@code
 * static final SdkModule MODULE = SdkModule.load(FileAiClient.class, "docsdk-fileai");
 * }</pre>
 *
 * @param name the module's name, e.g. {@code docsdk-fileai}
 * @param version its version, e.g. {@code 0.1.0}
 */
public record SdkModule(String name, String version) {
    /** This module, sdk-core. */
    public static final SdkModule CORE = load(SdkModule.class, "docsdk-core");

    /**
     * Reads {@code version.properties} (key {@code version}) from the anchor class's package; "unknown" when absent.
     */
    public static SdkModule load(Class<?> anchor, String name) {
        Properties p = new Properties();
        try (InputStream in = anchor.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // the version is informational only
        }
        return new SdkModule(name, p.getProperty("version", "unknown"));
    }

    String token() {
        return name + "/" + version;
    }

    @Override
    public String toString() {
        return "SdkModule[name=" + Redactor.text(name) + ", version=" + Redactor.text(version) + ']';
    }
}
