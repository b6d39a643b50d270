package com.docsdk.examples;

import com.docsdk.core.PollOptions;
import com.docsdk.testkit.WebAdmitSimulator;
import com.docsdk.webadmit.ExportRunRequest;
import com.docsdk.webadmit.ExportRunResult;
import com.docsdk.webadmit.WebAdmitClient;
import com.docsdk.webadmit.model.Export;
import com.docsdk.webadmit.model.UserIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * WebAdMIT: start an export run, wait until the file is available, download it atomically (re-issuing the
 * short-lived download URL if it expired). Real API when {@code WEBADMIT_API_KEY} is set.
 */
final class WebAdmitExample extends Flow {

    WebAdmitExample() {
        super("WebAdMIT", "start export, wait, download");
    }

    @Override
    String run(Console console) throws Exception {
        boolean real = Env.has("WEBADMIT_API_KEY");
        console.heading(vendor(), description(), Env.target(real, "api.webadmit.org"));
        try (WebAdmitSimulator sim = real ? null : WebAdmitSimulator.create().pollsUntilAvailable(3).start();
                WebAdmitClient webadmit = real ? WebAdmitClient.fromEnv()
                        : WebAdmitClient.builder().apiKey("demo-api-key").baseUrl(sim.baseUrl()).build()) {
            UserIdentity identity = webadmit.userIdentities().list().get(0);
            Export export = webadmit.exports().listByUserIdentity(identity.getId()).get(0);
            console.step("user identity %s, export %s \"%s\"", identity.getId(), export.getId(), export.getName());

            Path target = Files.createTempDirectory("docsdk-demo-webadmit").resolve("export.csv");
            ExportRunResult r = webadmit.exportToFile(ExportRunRequest.builder(identity.getId(), export.getId())
                    .toFile(target)
                    .pollOptions(real ? WebAdmitClient.DEFAULT_EXPORT_POLL_OPTIONS
                            : PollOptions.builder().interval(Duration.ofMillis(200)).build())
                    .onPoll(o -> console.progress("export file: %s (poll %d)", o.statusText(), o.poll()))
                    .progress(console.transfer("downloading"))
                    .build());
            console.progressDone();
            if (r.isEmptyList()) {
                return "export " + r.exportFileId() + ": Empty List, nothing to download";
            }
            console.step("%s: %,d bytes, sha256 %s%s", r.file().orElseThrow(), r.bytes(),
                    r.sha256().orElseThrow().substring(0, 16) + "...", r.hasErrors() ? " (WebAdMIT reported errors)" : "");
            return String.format("export file %d %s after %d polls, %,d bytes downloaded", r.exportFileId(),
                    r.statusText(), r.polls(), r.bytes());
        }
    }
}
