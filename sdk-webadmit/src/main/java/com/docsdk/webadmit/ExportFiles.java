package com.docsdk.webadmit;

import com.docsdk.core.DownloadRequest;
import com.docsdk.core.DownloadResult;
import com.docsdk.core.Downloader;
import com.docsdk.core.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkException;
import com.docsdk.core.TransferProgress;
import com.docsdk.webadmit.generated.model.ExportFile;
import java.io.OutputStream;
import java.nio.file.Path;

/** The export-file flow behind the facade: wait, download with fresh URLs, and start-wait-download in one go. */
final class ExportFiles {
    private final WebAdmitCalls calls;
    private final ExportFileWaiter waiter;
    private final Downloader downloader;

    ExportFiles(WebAdmitCalls calls) {
        this.calls = calls;
        this.waiter = new ExportFileWaiter(calls);
        this.downloader = new Downloader(calls.transport());
    }

    ExportFileWaiter waiter() {
        return waiter;
    }

    /** Downloads to a file (atomically) or a stream; {@code firstUrl} may be null to ask the status endpoint. */
    DownloadResult download(long exportId, long exportFileId, String firstUrl, Path file, OutputStream stream,
            TransferProgress progress, RequestOptions options) {
        DownloadRequest.Builder request = DownloadRequest
                .fromSource(new FreshDownloadUrl(calls, exportId, exportFileId, firstUrl, options))
                .progress(progress)
                .options(options);
        if (file != null) {
            request.toFile(file);
        } else {
            request.toStream(stream);
        }
        return downloader.download(request.build());
    }

    /** Starts the run, waits for it and downloads the file at once (its URL lives under 30 seconds). */
    ExportRunResult run(ExportRunRequest run, PollOptions defaultPollOptions) {
        RequestOptions options = run.requestOptions();
        ExportFile started = calls.createExportFile(run.userIdentityId(), run.exportId(), run.callback().orElse(null),
                options).value();
        if (started.getId() == null) {
            throw new SdkException("WebAdMIT started export " + run.exportId() + " but returned no export file id");
        }
        long exportFileId = started.getId();
        CompletedExportFile done = waiter.await(run.exportId(), exportFileId,
                run.pollOptions().orElse(defaultPollOptions), options, run.pollListener());
        if (!done.hasFile()) {
            return new ExportRunResult(done, null);
        }
        DownloadResult download = download(run.exportId(), exportFileId, done.downloadUrl().orElse(null),
                run.target(), null, run.progress(), options);
        return new ExportRunResult(done, download);
    }
}
