package com.docsdk.cli;

import java.util.List;
import java.util.Optional;

/**
 * The five vendors the CLI knows: the client class (its {@code builder().fromEnv(Map)} reads the variables below,
 * the SDK's own names) and which of its settings are secrets (never a plain flag value, never printed).
 */
public final class Vendors {
    /** One setting of a vendor: {@code --flag VALUE}, or for a secret {@code --flag-env VAR} / {@code --flag-file F}. */
    public record Setting(String flag, String variable, boolean secret) {
    }

    /** A vendor: its command name, client class and settings. */
    public record Vendor(String name, String title, String clientClass, List<Setting> settings) {
        public String baseUrlVariable() {
            return settings.stream().filter(s -> s.flag().equals("base-url")).findFirst().orElseThrow().variable();
        }

        /** True when the merged configuration holds any of the vendor's credentials. */
        public boolean hasCredentials(java.util.Map<String, String> config) {
            return settings.stream().filter(Setting::secret)
                    .anyMatch(s -> config.get(s.variable()) != null && !config.get(s.variable()).isBlank());
        }
    }

    public static final List<Vendor> ALL = List.of(
            new Vendor("fileai", "fileAI", "com.docsdk.fileai.FileAiClient", List.of(
                    new Setting("api-key", "FILEAI_API_KEY", true),
                    new Setting("base-url", "FILEAI_BASE_URL", false))),
            new Vendor("webadmit", "WebAdMIT", "com.docsdk.webadmit.WebAdmitClient", List.of(
                    new Setting("api-key", "WEBADMIT_API_KEY", true),
                    new Setting("base-url", "WEBADMIT_BASE_URL", false))),
            new Vendor("smartdocumentor", "SmartDocumentor", "com.docsdk.smartdocumentor.SmartDocumentorClient",
                    List.of(new Setting("client-id", "SMARTDOCUMENTOR_CLIENT_ID", false),
                            new Setting("client-secret", "SMARTDOCUMENTOR_CLIENT_SECRET", true),
                            new Setting("token", "SMARTDOCUMENTOR_TOKEN", true),
                            new Setting("base-url", "SMARTDOCUMENTOR_BASE_URL", false))),
            new Vendor("dcycle", "Dcycle", "com.docsdk.dcycle.DcycleClient", List.of(
                    new Setting("api-key", "DCYCLE_API_KEY", true),
                    new Setting("organization-id", "DCYCLE_ORGANIZATION_ID", false),
                    new Setting("base-url", "DCYCLE_BASE_URL", false))),
            new Vendor("document360", "Document360", "com.docsdk.document360.Document360Client", List.of(
                    new Setting("token", "DOCUMENT360_TOKEN", true),
                    new Setting("api-key", "DOCUMENT360_API_KEY", true),
                    new Setting("base-url", "DOCUMENT360_BASE_URL", false))));

    private Vendors() {
    }

    public static Optional<Vendor> named(String name) {
        return ALL.stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
