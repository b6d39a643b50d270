package com.docsdk.examples;

import com.docsdk.fileai.ExportCheckpointStore;
import com.docsdk.fileai.ExportOutcome;
import com.docsdk.fileai.ExportSyncResult;
import com.docsdk.fileai.FileAiClient;
import com.docsdk.testkit.FileAiSimulator;
import java.nio.file.Path;

/**
 * fileAI: the pull integration. Walk every file changed since the checkpoint, "import" each into our system, report
 * {@code exporting} then {@code completed} (or {@code error} with the reason), and advance the checkpoint only past
 * files whose final status was reported. A second run finds nothing new. Real API when {@code FILEAI_API_KEY} is set
 * (then the handler only prints; adapt it to your system).
 */
final class FileAiExample extends Flow {

    FileAiExample() {
        super("fileAI", "pull-integration sync, twice");
    }

    @Override
    String run(Console console) throws Exception {
        boolean real = Env.has("FILEAI_API_KEY");
        console.heading(vendor(), description(), Env.target(real, "api.orion.file.ai"));
        try (FileAiSimulator sim = real ? null : FileAiSimulator.create().start();
                FileAiClient fileAi = real ? FileAiClient.fromEnv()
                        : FileAiClient.builder().apiKey("demo-api-key").baseUrl(sim.baseUrl()).build()) {
            if (!real) {
                sim.addFile("invoice-0001.pdf", "application/pdf");
                sim.addFile("invoice-0002.pdf", "application/pdf");
                sim.addFile("unreadable-scan.pdf", "application/pdf");
                console.step("3 processed files waiting in the simulator");
            }
            Path checkpoint = workDir().resolve("fileai.checkpoint");
            ExportCheckpointStore store = ExportCheckpointStore.file(checkpoint);

            ExportSyncResult first = fileAi.syncExports(store, file -> {
                if (file.getFileName() != null && file.getFileName().startsWith("unreadable")) {
                    throw new IllegalArgumentException("no invoice number found");   // reported as 'error'
                }
                console.step("imported %s (%s) into the ERP", file.getFileName(), file.getFileId());
                return ExportOutcome.completed("Imported to ERP");
            });
            console.step("run 1: %d completed, %d reported as error; checkpoint %s", first.completed().size(),
                    first.failed().size(), first.watermark().map(Object::toString).orElse("-"));

            ExportSyncResult second = fileAi.syncExports(store, file -> {
                throw new IllegalStateException("run 2 must not hand over " + file.getFileId() + " again");
            });
            console.step("run 2: %d completed, %d skipped as already reported", second.completed().size(),
                    second.alreadyReported());
            if (!real && (first.completed().size() != 2 || first.failed().size() != 1
                    || !second.completed().isEmpty() || !second.failed().isEmpty())) {
                throw new IllegalStateException("unexpected sync results: " + first + " / " + second);
            }
            return String.format("run 1: %d exported, %d errors reported; run 2: nothing handed over twice",
                    first.completed().size(), first.failed().size());
        }
    }
}
