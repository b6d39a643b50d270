package com.docsdk.examples;

import com.docsdk.core.wait.PollOptions;
import com.docsdk.testkit.WebAdmitSimulator;
import com.docsdk.webadmit.ExportRunRequest;
import com.docsdk.webadmit.ExportRunResult;
import com.docsdk.webadmit.PdfManagerBatchResult;
import com.docsdk.webadmit.WebAdmitClient;
import com.docsdk.webadmit.model.Export;
import com.docsdk.webadmit.model.PdfManagerTemplate;
import com.docsdk.webadmit.model.UserIdentity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * WebAdMIT: start an export run, wait until the file is available, download it atomically (re-issuing the
 * short-lived download URL if it expired); then run a PDF Manager template and download its zips into a directory
 * (each verified as a zip, with its SHA-256). Real API when {@code WEBADMIT_API_KEY} is set.
 */
final class WebAdmitExample extends Flow {

    WebAdmitExample() {
        super("WebAdMIT", "start export, wait, download; PDF Manager batch to zips");
    }

    @Override
    String run(Console console) throws Exception {
        boolean real = Env.has("WEBADMIT_API_KEY");
        console.heading(vendor(), description(), Env.target(real, "api.webadmit.org"));
        try (WebAdmitSimulator sim = real ? null : WebAdmitSimulator.create().pollsUntilAvailable(3).start();
                WebAdmitClient webadmit = real ? WebAdmitClient.fromEnv()
                        : WebAdmitClient.builder().apiKey("demo-api-key").baseUrl(sim.baseUrl())
                                .batchPollOptions(PollOptions.builder().interval(Duration.ofMillis(200)).build())
                                .build()) {
            UserIdentity identity = webadmit.userIdentities().list().get(0);
            Export export = webadmit.exports().listByUserIdentity(identity.getId()).get(0);
            console.step("user identity %s, export %s \"%s\"", identity.getId(), export.getId(), export.getName());

            Path target = workDir().resolve("export.csv");
            ExportRunResult r = webadmit.exportToFile(ExportRunRequest.builder(identity.getId(), export.getId())
                    .toFile(target)
                    .pollOptions(real ? WebAdmitClient.DEFAULT_EXPORT_POLL_OPTIONS
                            : PollOptions.builder().interval(Duration.ofMillis(200)).build())
                    .onPoll(o -> console.progress("export file: %s (poll %d)", o.statusText(), o.poll()))
                    .progress(console.transfer("downloading"))
                    .build());
            console.progressDone();
            String exported;
            if (r.isEmptyList()) {
                exported = "export " + r.exportFileId() + ": Empty List, nothing to download";
            } else {
                console.step("%s: %,d bytes, sha256 %s%s", r.file().orElseThrow(), r.bytes(),
                        r.sha256().orElseThrow().substring(0, 16) + "...",
                        r.hasErrors() ? " (WebAdMIT reported errors)" : "");
                exported = String.format("export file %d %s after %d polls, %,d bytes downloaded", r.exportFileId(),
                        r.statusText(), r.polls(), r.bytes());
            }
            return exported + "; " + pdfManager(console, webadmit, identity.getId(), target.getParent());
        }
    }

    /** The PDF Manager flow: the first template, run, waited for, every zip downloaded into {@code dir/pdfs}. */
    private static String pdfManager(Console console, WebAdmitClient webadmit, Long identityId, Path dir) {
        List<PdfManagerTemplate> templates = webadmit.pdfManagerTemplates().list(identityId);
        if (templates.isEmpty()) {
            return "no PDF Manager template";
        }
        PdfManagerTemplate template = templates.get(0);
        console.step("PDF Manager template %s \"%s\": starting a batch", template.getId(), template.getName());
        PdfManagerBatchResult pdfs = webadmit.pdfManagerBatchToDirectory(identityId, template.getId(),
                dir.resolve("pdfs"));
        for (PdfManagerBatchResult.ZipFileDownload f : pdfs.files()) {
            console.step("%s: %,d bytes, sha256 %s", f.file().getFileName(), f.bytes(),
                    f.sha256().substring(0, 16) + "...");
        }
        return String.format("PDF Manager batch %d %s, %d zip(s), %,d bytes", pdfs.batch().getId(),
                pdfs.batch().getState(), pdfs.files().size(), pdfs.bytes());
    }
}
