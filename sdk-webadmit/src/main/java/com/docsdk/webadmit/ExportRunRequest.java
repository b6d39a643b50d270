package com.docsdk.webadmit;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.wait.PollObservation;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.transfer.TransferProgress;
import com.docsdk.webadmit.model.ExportFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything {@link WebAdmitClient#exportToFile(ExportRunRequest)} needs: which export to run under which user
 * identity, where to write the file, and optionally a callback URL, wait timing, progress listeners and per-call
 * options. Every input is checked by {@link Builder#build()}, before any request is sent. Immutable.
 *
 * <pre>{@code
 * ExportRunRequest run = ExportRunRequest.builder(24567L, 29897L)
 *         .toFile(Path.of("out/nightly-banner.csv"))
 *         .pollOptions(PollOptions.builder().timeout(Duration.ofHours(1)).build())
 *         .onPoll(o -> log.info("export status {}", o.statusText()))
 *         .build();
 * ExportRunResult result = client.exportToFile(run);
 * }</pre>
 */
public final class ExportRunRequest {
    private final Long userIdentityId;
    private final Long exportId;
    private final Path target;
    private final URI callback;
    private final PollOptions pollOptions;
    private final Consumer<PollObservation<ExportFile>> pollListener;
    private final TransferProgress progress;
    private final RequestOptions requestOptions;

    private ExportRunRequest(Builder b) {
        this.userIdentityId = b.userIdentityId;
        this.exportId = b.exportId;
        this.target = b.target;
        this.callback = b.callback;
        this.pollOptions = b.pollOptions;
        this.pollListener = b.pollListener;
        this.progress = b.progress;
        this.requestOptions = b.requestOptions;
    }

    /**
     * A run of export {@code exportId} (see {@code exports().listByUserIdentity}) under user identity
     * {@code userIdentityId} (see {@code userIdentities().list()}).
     */
    public static Builder builder(Long userIdentityId, Long exportId) {
        return new Builder(userIdentityId, exportId);
    }

    public Long userIdentityId() {
        return userIdentityId;
    }

    public Long exportId() {
        return exportId;
    }

    /** Where the file is written (atomically). */
    public Path target() {
        return target;
    }

    /** The URL WebAdMIT POSTs to when the file is ready, if any. */
    public Optional<URI> callback() {
        return Optional.ofNullable(callback);
    }

    /** The wait's timing; empty means the client's default. */
    public Optional<PollOptions> pollOptions() {
        return Optional.ofNullable(pollOptions);
    }

    Consumer<PollObservation<ExportFile>> pollListener() {
        return pollListener;
    }

    TransferProgress progress() {
        return progress;
    }

    /** Options applied to every call of the run (start, polls, URL refreshes, download). */
    public RequestOptions requestOptions() {
        return requestOptions;
    }

    @Override
    public String toString() {
        return "ExportRunRequest{userIdentityId=" + userIdentityId + ", exportId=" + exportId + ", target=" + target
                + ", callback=" + (callback != null) + ", pollOptions=" + pollOptions + '}';
    }

    /** Builds an {@link ExportRunRequest}; the target file is required. */
    public static final class Builder {
        private final Long userIdentityId;
        private final Long exportId;
        private Path target;
        private URI callback;
        private PollOptions pollOptions;
        private Consumer<PollObservation<ExportFile>> pollListener;
        private TransferProgress progress = TransferProgress.NONE;
        private RequestOptions requestOptions = RequestOptions.none();

        private Builder(Long userIdentityId, Long exportId) {
            this.userIdentityId = userIdentityId;
            this.exportId = exportId;
        }

        /** The file to write. It is replaced only when the download completes; nothing is written for an empty list. */
        public Builder toFile(Path target) {
            this.target = target;
            return this;
        }

        /** An absolute {@code http(s)} URL WebAdMIT POSTs {@code export_file[id|export_id|status]} to when done. */
        public Builder callback(URI callback) {
            this.callback = callback;
            return this;
        }

        /** Timing of the wait; default the client's ({@link WebAdmitClient.Builder#exportPollOptions}). */
        public Builder pollOptions(PollOptions pollOptions) {
            this.pollOptions = pollOptions;
            return this;
        }

        /** Sees every status poll (quickly: it runs on the polling thread). */
        public Builder onPoll(Consumer<PollObservation<ExportFile>> listener) {
            this.pollListener = listener;
            return this;
        }

        /** Sees the download's progress. */
        public Builder progress(TransferProgress progress) {
            this.progress = progress;
            return this;
        }

        /** Per-call options (timeout, retry policy, extra headers) for every call of the run. */
        public Builder requestOptions(RequestOptions requestOptions) {
            this.requestOptions = requestOptions;
            return this;
        }

        /** Checks every input. */
        public ExportRunRequest build() {
            Inputs.id("userIdentityId", userIdentityId);
            Inputs.id("exportId", exportId);
            Inputs.target(target);
            if (callback != null) {
                Inputs.callback(callback);
            }
            ClientValidationException.requireNonNull("progress", progress);
            ClientValidationException.requireNonNull("requestOptions", requestOptions);
            return new ExportRunRequest(this);
        }
    }
}
