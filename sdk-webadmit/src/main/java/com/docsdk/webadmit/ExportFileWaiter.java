package com.docsdk.webadmit;

import com.docsdk.core.PollObservation;
import com.docsdk.core.PollOptions;
import com.docsdk.core.Poller;
import com.docsdk.core.RequestOptions;
import com.docsdk.webadmit.generated.model.ExportFile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Waits on one export file through the core {@link Poller}: {@code Available}, {@code Success With Errors} and
 * {@code Empty List} end the wait, {@code Failed} throws, anything else (including statuses never seen before) keeps
 * polling. Any casing is understood ({@link ExportFileStatus#parse(String)}).
 */
final class ExportFileWaiter {
    private final WebAdmitCalls calls;

    ExportFileWaiter(WebAdmitCalls calls) {
        this.calls = calls;
    }

    CompletedExportFile await(long exportId, long exportFileId, PollOptions pollOptions, RequestOptions options,
            Consumer<PollObservation<ExportFile>> listener) {
        Progress progress = new Progress(listener);
        ExportFile last = poller(exportId, exportFileId, pollOptions, options, progress).await();
        return progress.completed(last);
    }

    CompletableFuture<CompletedExportFile> awaitAsync(long exportId, long exportFileId, PollOptions pollOptions,
            RequestOptions options, Consumer<PollObservation<ExportFile>> listener) {
        Progress progress = new Progress(listener);
        return poller(exportId, exportFileId, pollOptions, options, progress).awaitAsync()
                .thenApply(progress::completed);
    }

    private Poller<ExportFile> poller(long exportId, long exportFileId, PollOptions pollOptions,
            RequestOptions options, Progress progress) {
        String name = "WebAdMIT export file " + exportFileId + " of export " + exportId;
        return Poller.<ExportFile>builder(name)
                .pollResponse(() -> calls.getExportFile(exportId, exportFileId, options))
                .status(ExportFile::getStatus)
                .classifier(file -> ExportFileStatus.of(file).pollStatus())
                .failureMessages(file -> List.of("WebAdMIT reported export file " + exportFileId + " of export "
                        + exportId + " as '" + file.getStatus() + "'"))
                .options(pollOptions)
                .listener(progress)
                .runtime(calls.transport())
                .build();
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
