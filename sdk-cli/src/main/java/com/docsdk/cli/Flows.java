package com.docsdk.cli;

import com.docsdk.cli.ExitCodes.FinishedWithErrors;
import com.docsdk.cli.ExitCodes.UsageException;
import com.docsdk.cli.Vendors.Vendor;
import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.transfer.TransferProgress;
import com.docsdk.dcycle.DcycleClient;
import com.docsdk.dcycle.FileUpload;
import com.docsdk.dcycle.FileUploadOutcome;
import com.docsdk.dcycle.UploadBatchResult;
import com.docsdk.document360.CompletedExport;
import com.docsdk.document360.Document360Client;
import com.docsdk.document360.ExportRequest;
import com.docsdk.document360.WorkspaceRef;
import com.docsdk.fileai.ExportCheckpointStore;
import com.docsdk.fileai.ExportOutcome;
import com.docsdk.fileai.ExportSyncResult;
import com.docsdk.fileai.FileAiClient;
import com.docsdk.webadmit.ExportRunRequest;
import com.docsdk.webadmit.ExportRunResult;
import com.docsdk.webadmit.WebAdmitClient;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The hand-written flows of the facades, one command each. */
final class Flows {
    private Flows() {
    }

    static void addTo(Cli cli, Vendor v, CommandLine vendorCmd) {
        switch (v.name()) {
            case "fileai" -> vendorCmd.addSubcommand("sync", new FileAiSync(cli, v));
            case "dcycle" -> vendorCmd.addSubcommand("upload", new DcycleUpload(cli, v));
            case "document360" -> vendorCmd.addSubcommand("export", new Document360Export(cli, v));
            case "webadmit" -> {
                if (!vendorCmd.getSubcommands().containsKey("export")) {
                    CommandLine export = Operations.resource("export", Object.class);
                    export.getCommandSpec().usageMessage().description("WebAdMIT export flows");
                    export.addSubcommand("run", new WebAdmitExportRun(cli, v));
                    vendorCmd.addSubcommand("export", export);
                }
            }
            default -> { }
        }
    }

    static void extendResource(Cli cli, Vendor v, String resource, CommandLine resourceCmd) {
        // Flows live under their own names (see addTo); nothing is added to a reflected resource today.
    }

    /** Progress of a transfer on stderr, on a terminal only, at most every 10%. */
    static TransferProgress progress(Cli cli, String what) {
        if (!cli.io().terminal()) {
            return TransferProgress.NONE;
        }
        int[] last = {-1};
        return (bytes, total) -> {
            if (total.isPresent() && total.getAsLong() > 0) {
                int pct = (int) (bytes * 100 / total.getAsLong());
                if (pct / 10 != last[0] / 10) {
                    last[0] = pct;
                    cli.io().err().printf("%s: %d%% (%d of %d bytes)%n", what, pct, bytes, total.getAsLong());
                }
            }
        };
    }

    /** {@code 90s}, {@code 10m}, {@code 2h} or ISO-8601 ({@code PT30M}): a wait's limit. */
    static PollOptions waitOptions(String text, PollOptions base) {
        if (text == null) {
            return base;
        }
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        Duration d;
        try {
            if (t.startsWith("pt") || t.startsWith("p")) {
                d = Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            } else if (t.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            } else if (t.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            } else if (t.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(t));
            }
        } catch (RuntimeException e) {
            throw new UsageException("--wait-timeout " + text + ": not a duration (90s, 10m, 2h, PT30M)");
        }
        return base.toBuilder().timeout(d).build();
    }

    static JsonObject download(DownloadResult d) {
        JsonObject o = new JsonObject();
        o.addProperty("file", d.file().map(Path::toString).orElse(null));
        o.addProperty("bytes", d.bytes());
        o.addProperty("sha256", d.sha256());
        o.addProperty("contentType", d.contentType().orElse(null));
        return o;
    }

    // ---------------------------------------------------------------- fileAI

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"Runs the pull integration once: every file updated since the checkpoint is handed to CMD "
                    + "as JSON on its standard input; exit 0 reports completed (CMD's stdout as the message), "
                    + "another exit reports error with CMD's stderr as the message.",
                "Exit 8 when some files failed."})
    static final class FileAiSync implements Callable<Integer> {
        private final Cli cli;
        private final Vendor vendor;

        @Option(names = "--checkpoint", required = true, paramLabel = "FILE",
                description = "the checkpoint file (created on the first run)")
        String checkpoint;

        @Option(names = "--exec", required = true, paramLabel = "CMD",
                description = "the command handling one file, run with sh -c")
        String exec;

        FileAiSync(Cli cli, Vendor vendor) {
            this.cli = cli;
            this.vendor = vendor;
        }

        @Override
        public Integer call() {
            if (checkpoint.startsWith("jdbc:")) {
                throw new UsageException("--checkpoint " + checkpoint.replaceAll("(?i)password=[^;&]*", "password=REDACTED")
                        + ": JDBC checkpoints are not supported yet; give a file");
            }
            Gson gson = Cli.gson(vendor);
            try (FileAiClient fileAi = cli.client(vendor)) {
                ExportSyncResult result = fileAi.syncExports(ExportCheckpointStore.file(Path.of(checkpoint)),
                        file -> {
                            cli.io().progress("exporting " + file.getFileId() + " (" + file.getFileName() + ")");
                            return runHandler(exec, gson.toJson(file), cli);
                        });
                cli.output(null).print(result(result), -1);
                if (!result.failed().isEmpty()) {
                    throw new FinishedWithErrors(result.failed().size() + " of "
                            + (result.failed().size() + result.completed().size()) + " files failed");
                }
                return ExitCodes.OK;
            }
        }

        private static JsonObject result(ExportSyncResult r) {
            Gson plain = Output.plainGson();
            JsonObject o = new JsonObject();
            o.add("completed", plain.toJsonTree(r.completed()));
            o.add("failed", plain.toJsonTree(r.failed()));
            o.add("deferred", plain.toJsonTree(r.deferred()));
            o.addProperty("alreadyReported", r.alreadyReported());
            o.add("resumed", plain.toJsonTree(r.resumed()));
            o.add("gone", plain.toJsonTree(r.gone()));
            o.addProperty("watermark", r.watermark().map(Object::toString).orElse(null));
            return o;
        }

        /** Runs {@code sh -c cmd} with {@code json} on its stdin: completed on exit 0, error otherwise. */
        static ExportOutcome runHandler(String cmd, String json, Cli cli) throws IOException, InterruptedException {
            Process p = new ProcessBuilder("sh", "-c", cmd).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread o = pump(p.getInputStream(), out);
            Thread e = pump(p.getErrorStream(), err);
            try (OutputStream stdin = p.getOutputStream()) {
                stdin.write(json.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the command did not read its input: its exit code still decides
            }
            int code;
            try {
                code = p.waitFor();
                o.join();
                e.join();
            } catch (InterruptedException ie) {
                p.destroy();
                throw ie;
            }
            String stdout = out.toString(StandardCharsets.UTF_8).strip();
            String stderr = err.toString(StandardCharsets.UTF_8).strip();
            if (code == 0) {
                return stdout.isEmpty() ? ExportOutcome.completed() : ExportOutcome.completed(limit(stdout));
            }
            return ExportOutcome.failed(stderr.isEmpty() ? "exit " + code : limit(stderr));
        }

        private static String limit(String s) {
            return s.length() > 1000 ? s.substring(0, 1000) : s;
        }

        private static Thread pump(InputStream in, ByteArrayOutputStream to) {
            Thread t = new Thread(() -> {
                try (in) {
                    in.transferTo(to);
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "docsdk-exec-pump");
            t.setDaemon(true);
            t.start();
            return t;
        }
    }

    // ---------------------------------------------------------------- WebAdMIT

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Runs an export, waits for its file and downloads it atomically to FILE.",
                "Exit 8 for Success With Errors (the file is written); no file for an Empty List."})
    static final class WebAdmitExportRun implements Callable<Integer> {
        private final Cli cli;
        private final Vendor vendor;

        @Parameters(index = "0", paramLabel = "IDENTITY", description = "the user identity id")
        long identity;

        @Parameters(index = "1", paramLabel = "EXPORT", description = "the export id")
        long export;

        @Option(names = {"-o", "--output-file"}, required = true, paramLabel = "FILE")
        Path target;

        @Option(names = "--wait-timeout", paramLabel = "DURATION", description = "give up waiting after it (exit 9)")
        String waitTimeout;

        WebAdmitExportRun(Cli cli, Vendor vendor) {
            this.cli = cli;
            this.vendor = vendor;
        }

        @Override
        public Integer call() {
            try (WebAdmitClient webAdmit = cli.client(vendor)) {
                cli.io().progress("waiting for WebAdMIT export " + export + "...");
                ExportRunRequest.Builder request = ExportRunRequest.builder(identity, export).toFile(target)
                        .progress(progress(cli, "downloading"));
                if (waitTimeout != null) {
                    request.pollOptions(waitOptions(waitTimeout, PollOptions.defaults()));
                }
                ExportRunResult run = webAdmit.exportToFile(request.build());
                JsonObject o = new JsonObject();
                o.addProperty("exportFileId", run.exportFileId());
                o.addProperty("status", run.statusText());
                o.addProperty("file", run.file().map(Path::toString).orElse(null));
                o.addProperty("bytes", run.bytes());
                o.addProperty("sha256", run.sha256().orElse(null));
                cli.output(null).print(o, -1);
                if (run.hasErrors()) {
                    throw new FinishedWithErrors("WebAdMIT finished the export with errors (Success With Errors)");
                }
                return ExitCodes.OK;
            }
        }
    }

    // ---------------------------------------------------------------- Document360

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Exports a project (start, wait, download atomically to FILE).")
    static final class Document360Export implements Callable<Integer> {
        private final Cli cli;
        private final Vendor vendor;

        @Parameters(index = "0", paramLabel = "PROJECT", description = "the project id")
        UUID project;

        @Option(names = {"-o", "--output-file"}, required = true, paramLabel = "FILE")
        Path target;

        @Option(names = "--format", defaultValue = "pdf", description = "pdf, html, markdown... (default: pdf)")
        String format;

        @Option(names = "--language", paramLabel = "CODE", description = "language code (default: the project's)")
        String language;

        @Option(names = "--workspace", paramLabel = "ID_OR_NAME",
                description = "the workspace (default: the project's default)")
        String workspace;

        @Option(names = "--wait-timeout", paramLabel = "DURATION", description = "give up waiting after it (exit 9)")
        String waitTimeout;

        Document360Export(Cli cli, Vendor vendor) {
            this.cli = cli;
            this.vendor = vendor;
        }

        @Override
        public Integer call() {
            ExportRequest.Builder request = ExportRequest.builder().format(format);
            if (language != null) {
                request.languageCode(language);
            }
            if (workspace != null) {
                request.workspace(isUuid(workspace) ? WorkspaceRef.byId(workspace) : WorkspaceRef.byName(workspace));
            }
            try (Document360Client d360 = cli.client(vendor)) {
                cli.io().progress("exporting Document360 project " + project + "...");
                CompletedExport done = waitTimeout == null ? d360.exportToFile(project, request.build(), target)
                        : d360.exportToFile(project, request.build(), target,
                                waitOptions(waitTimeout, PollOptions.defaults()));
                JsonObject o = download(done.download());
                o.add("export", Cli.gson(vendor).toJsonTree(done.export()));
                cli.output(vendor).print(o, -1);
                return ExitCodes.OK;
            }
        }

        private static boolean isUuid(String s) {
            try {
                UUID.fromString(s);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    // ---------------------------------------------------------------- Dcycle

    @Command(name = "upload", mixinStandardHelpOptions = true,
            description = {"Uploads files (presigned URL, PUT, confirmation); --await-reading waits until Dcycle "
                    + "has read each one.", "Exit 8 when some files failed."})
    static final class DcycleUpload implements Callable<Integer> {
        private final Cli cli;
        private final Vendor vendor;

        @Parameters(arity = "1..*", paramLabel = "FILES")
        List<Path> files;

        @Option(names = "--await-reading", description = "wait for each file's reading")
        boolean awaitReading;

        @Option(names = "--wait-timeout", paramLabel = "DURATION", description = "give up waiting after it (exit 9)")
        String waitTimeout;

        DcycleUpload(Cli cli, Vendor vendor) {
            this.cli = cli;
            this.vendor = vendor;
        }

        @Override
        public Integer call() {
            List<FileUpload> uploads = new ArrayList<>();
            files.forEach(f -> uploads.add(FileUpload.of(f)));
            try (DcycleClient dcycle = cli.client(vendor)) {
                cli.io().progress("uploading " + uploads.size() + " file(s) to Dcycle...");
                UploadBatchResult batch = dcycle.uploadFiles(uploads);
                Gson gson = Cli.gson(vendor);
                JsonArray rows = new JsonArray();
                for (FileUploadOutcome f : batch.files()) {
                    JsonObject o = new JsonObject();
                    o.addProperty("file", f.upload().file().toString());
                    o.addProperty("fileId", f.fileId().orElse(null));
                    o.addProperty("state", f.state().name().toLowerCase(java.util.Locale.ROOT));
                    o.addProperty("error", f.failure().map(Throwable::getMessage).orElse(null));
                    if (awaitReading && f.succeeded() && f.fileId().isPresent()) {
                        cli.io().progress("waiting for the reading of " + f.fileId().get() + "...");
                        o.add("reading", gson.toJsonTree(waitTimeout == null ? dcycle.awaitReading(f.fileId().get())
                                : dcycle.awaitReading(f.fileId().get(), waitOptions(waitTimeout, PollOptions.defaults()))));
                    }
                    rows.add(o);
                }
                cli.output(vendor).print(rows, -1);
                if (!batch.allSucceeded()) {
                    throw new FinishedWithErrors(batch.failed().size() + " of " + batch.files().size()
                            + " files failed");
                }
                return ExitCodes.OK;
            }
        }
    }

}
