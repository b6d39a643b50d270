package com.docsdk.webadmit;

import com.docsdk.core.transfer.DownloadRequest;
import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.transfer.Downloader;
import com.docsdk.core.wait.PollObservation;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.wait.Poller;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.transfer.TransferProgress;
import com.docsdk.core.Transport;
import com.docsdk.webadmit.model.CreateExportFileRequest;
import com.docsdk.webadmit.model.ExportFile;
import com.docsdk.webadmit.service.ExportFilesService;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The export-file flows behind the facade, on the generated {@link ExportFilesService}: wait through the core
 * {@link Poller} ({@code Available}, {@code Success With Errors} and {@code Empty List} end the wait, {@code Failed}
 * throws, anything else keeps polling, in any casing), download with fresh URLs, and start-wait-download in one go.
 * Inputs are checked by the facade.
 */
final class ExportFlow {
    private final ExportFilesService exportFiles;
    private final Transport transport;
    private final Downloader downloader;

    ExportFlow(ExportFilesService exportFiles, Transport transport) {
        this.exportFiles = exportFiles;
        this.transport = transport;
        this.downloader = new Downloader(transport);
    }

    CompletedExportFile await(Long exportId, Long exportFileId, PollOptions pollOptions, RequestOptions options,
            Consumer<PollObservation<ExportFile>> listener) {
        Progress progress = new Progress(listener);
        return progress.completed(poller(exportId, exportFileId, pollOptions, options, progress).await());
    }

    CompletableFuture<CompletedExportFile> awaitAsync(Long exportId, Long exportFileId, PollOptions pollOptions,
            RequestOptions options, Consumer<PollObservation<ExportFile>> listener) {
        Progress progress = new Progress(listener);
        return poller(exportId, exportFileId, pollOptions, options, progress).awaitAsync()
                .thenApply(progress::completed);
    }

    /** Downloads to a file (atomically) or a stream; {@code firstUrl} may be null to ask the status endpoint. */
    DownloadResult download(Long exportId, Long exportFileId, String firstUrl, Path file, OutputStream stream,
            TransferProgress progress, RequestOptions options) {
        DownloadRequest.Builder request = DownloadRequest
                .fromSource(new FreshUrl(exportId, exportFileId, firstUrl, options))
                .progress(progress)
                .options(options);
        if (file != null) {
            request.toFile(file);
        } else {
            request.toStream(stream);
        }
        return downloader.download(request.build());
    }

    /**
     * Starts the run with the JSON body of the vendor's request example ({@code {}} or {@code {"callback": ...}}),
     * waits for it and downloads the file at once (its URL lives under 30 seconds).
     */
    ExportRunResult run(ExportRunRequest run, PollOptions defaultPollOptions) {
        RequestOptions options = run.requestOptions();
        ExportFilesService.StartParams body = ExportFilesService.StartParams.builder()
                .createExportFileRequest(new CreateExportFileRequest().callback(run.callback().orElse(null))).build();
        ExportFile started = exportFiles.start(run.userIdentityId(), run.exportId(), body, options);
        if (started == null || started.getId() == null) {
            throw new SdkException("WebAdMIT started export " + run.exportId() + " but returned no export file id");
        }
        Long exportFileId = started.getId();
        CompletedExportFile done = await(run.exportId(), exportFileId, run.pollOptions().orElse(defaultPollOptions),
                options, run.pollListener());
        if (!done.hasFile()) {
            return new ExportRunResult(done, null);
        }
        return new ExportRunResult(done, download(run.exportId(), exportFileId, done.downloadUrl().orElse(null),
                run.target(), null, run.progress(), options));
    }

    /** One status call; a body without the {@code export_files} object is not something a wait can use. */
    private SdkResponse<ExportFile> status(Long exportId, Long exportFileId, RequestOptions options) {
        SdkResponse<ExportFile> r = exportFiles.withRawResponse().get(exportId, exportFileId, options);
        if (r.value() == null) {
            throw new SdkException("WebAdMIT answered HTTP " + r.statusCode() + " without the \"export_files\" object"
                    + " for export file " + exportFileId + " of export " + exportId);
        }
        return r;
    }

    private Poller<ExportFile> poller(Long exportId, Long exportFileId, PollOptions pollOptions,
            RequestOptions options, Progress progress) {
        return Poller.<ExportFile>builder("WebAdMIT export file " + exportFileId + " of export " + exportId)
                .pollResponse(() -> status(exportId, exportFileId, options))
                .status(ExportFile::getStatus)
                .classifier(file -> ExportFileStatus.of(file).pollStatus())
                .failureMessages(file -> List.of("WebAdMIT reported export file " + exportFileId + " of export "
                        + exportId + " as '" + file.getStatus() + "'"))
                .options(pollOptions)
                .listener(progress)
                .runtime(transport)
                .build();
    }

    /**
     * The download URL for the core Downloader. WebAdMIT's URLs expire less than 30 seconds after they are issued, so
     * the first call hands out the URL the wait just saw (when there is one) and every later call (the Downloader asks
     * again when the storage host rejects an expired URL) checks the status endpoint for a new one.
     */
    private final class FreshUrl implements Supplier<String> {
        private final Long exportId;
        private final Long exportFileId;
        private final RequestOptions options;
        private String pending;

        FreshUrl(Long exportId, Long exportFileId, String firstUrl, RequestOptions options) {
            this.exportId = exportId;
            this.exportFileId = exportFileId;
            this.options = options;
            this.pending = firstUrl == null || firstUrl.isBlank() ? null : firstUrl;
        }

        @Override
        public synchronized String get() {
            if (pending != null) {
                String url = pending;
                pending = null;
                return url;
            }
            ExportFile file = status(exportId, exportFileId, options).value();
            String url = file.getDownloadUrl();
            if (url == null || url.isBlank()) {
                throw new SdkException("WebAdMIT gave no download URL for export file " + exportFileId + " of export "
                        + exportId + " (status '" + file.getStatus() + "'"
                        + (ExportFileStatus.of(file).hasFile() ? "" : ": there is no file to download yet, or none at all")
                        + ")");
            }
            return url;
        }
    }

    /** Counts the polls of one wait and forwards each observation to the caller's listener. */
    private static final class Progress implements Consumer<PollObservation<ExportFile>> {
        private final Consumer<PollObservation<ExportFile>> delegate;
        private volatile int polls;
        private volatile Duration elapsed = Duration.ZERO;

        Progress(Consumer<PollObservation<ExportFile>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void accept(PollObservation<ExportFile> observation) {
            polls = observation.poll();
            elapsed = observation.elapsed();
            if (delegate != null) {
                delegate.accept(observation);
            }
        }

        CompletedExportFile completed(ExportFile last) {
            return new CompletedExportFile(last, polls, elapsed);
        }
    }
}
