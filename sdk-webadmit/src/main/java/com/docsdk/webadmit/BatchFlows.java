package com.docsdk.webadmit;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.transfer.DownloadRequest;
import com.docsdk.core.transfer.DownloadResult;
import com.docsdk.core.transfer.Downloader;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.wait.Poller;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.Transport;
import com.docsdk.webadmit.PdfManagerBatchResult.ZipFileDownload;
import com.docsdk.webadmit.model.Batch;
import com.docsdk.webadmit.model.PdfManagerBatch;
import com.docsdk.webadmit.service.WebAdmitServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** The PDF Manager batch and v2 batch flows of {@link WebAdmitClient}. */
final class BatchFlows {
    /** A {@code download_hrefs} entry: relative to the API root, naming the zip file's id. */
    private static final Pattern ZIP_HREF = Pattern.compile(
            "^/api/v1/user_identities/\\d+/pdf_manager_zip_files/(\\d+)/download$");

    private final WebAdmitServices api;
    private final Transport transport;
    private final Downloader downloader;

    BatchFlows(WebAdmitServices api, Transport transport) {
        this.api = api;
        this.transport = transport;
        this.downloader = new Downloader(transport);
    }

    PdfManagerBatch awaitPdfManagerBatch(Long userIdentityId, Long batchId, PollOptions pollOptions) {
        String what = "WebAdMIT PDF Manager batch " + batchId + " of user identity " + userIdentityId;
        return await(what, () -> present(what, api.pdfManagerBatches().withRawResponse().get(userIdentityId, batchId)),
                PdfManagerBatch::getState, b -> PdfManagerBatchState.of(b).pollStatus(), pollOptions);
    }

    Batch awaitBatch(String what, Supplier<SdkResponse<Batch>> poll, PollOptions pollOptions) {
        return await(what, () -> present(what, poll.get()), Batch::getStatus,
                b -> PdfManagerBatchState.of(b).pollStatus(), pollOptions);
    }

    private <T> T await(String what, Supplier<SdkResponse<T>> poll, java.util.function.Function<T, String> status,
            java.util.function.Function<T, com.docsdk.core.wait.PollStatus> classifier, PollOptions pollOptions) {
        return Poller.<T>builder(what)
                .pollResponse(poll)
                .status(status)
                .classifier(classifier)
                .failureMessages(t -> List.of(what + " ended as '" + status.apply(t) + "'"))
                .options(pollOptions)
                .runtime(transport)
                .build()
                .await();
    }

    private static <T> SdkResponse<T> present(String what, SdkResponse<T> r) {
        if (r.value() == null) {
            throw new SdkException("WebAdMIT answered HTTP " + r.statusCode() + " without the body of " + what);
        }
        return r;
    }

    /**
     * Downloads every zip of a finished batch into {@code directory}: each to a temporary name, verified as a zip,
     * then moved into place, so a name in the directory is always a whole, valid zip. A fault leaves the files
     * already in place and no partial one; the exception names the href that failed.
     */
    PdfManagerBatchResult download(PdfManagerBatch batch, Path directory, RequestOptions options) {
        List<String> hrefs = batch.getDownloadHrefs() == null ? List.of() : batch.getDownloadHrefs();
        List<ZipFileDownload> files = new ArrayList<>();
        for (int i = 0; i < hrefs.size(); i++) {
            String href = hrefs.get(i);
            if (href == null) {
                continue;
            }
            Matcher m = ZIP_HREF.matcher(href);
            if (!m.matches()) {
                throw new SdkException("WebAdMIT PDF Manager batch " + batch.getId()
                        + " lists a download href that is not a zip file download of the API: " + href);
            }
            Path target = directory.resolve("pdf_manager_batch_" + batch.getId() + "_zip_" + m.group(1) + ".zip");
            Path partial = directory.resolve("." + target.getFileName() + ".partial");
            String url = transport.baseUrl().resolve(href).toString();
            DownloadResult r = downloader.download(DownloadRequest.fromUrl(url).toFile(partial).options(options)
                    .build());
            try {
                verifyZip(partial, href);
                moveIntoPlace(partial, target);
            } finally {
                deleteQuietly(partial);
            }
            files.add(new ZipFileDownload(target, href, r.bytes(), r.sha256()));
        }
        return new PdfManagerBatchResult(batch, files);
    }

    private static void verifyZip(Path file, String href) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry ignored = entries.nextElement();
            }
        } catch (ZipException e) {
            throw new SdkException("The PDF Manager zip file at " + href + " is not a valid zip: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the downloaded zip of " + href, e);
        }
    }

    private static void moveIntoPlace(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move the zip into place at " + to, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover ".partial" file is harmless: it never has a final name
        }
    }

    static Path directory(Path directory) {
        ClientValidationException.requireNonNull("directory", directory);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ClientValidationException("directory", "cannot be created: " + e.getMessage());
        }
        ClientValidationException.require(Files.isWritable(directory), "directory", "is not writable: " + directory);
        return directory;
    }
}
