package com.docsdk.fileai;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.Redactor;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.store.IntegrationStore;
import com.docsdk.core.store.StoreChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Settings of a pull sync ({@link FileAiClient#syncExports(ExportCheckpointStore, FileExportHandler,
 * ExportSyncOptions)}). Immutable; every setting has a default.
 *
 * <pre>{@code
 * ExportSyncOptions options = ExportSyncOptions.builder()
 *         .startingFrom(Instant.parse("2025-06-01T00:00:00Z"))   // first run only: ignore older files
 *         .pageSize(50)
 *         .build();
 * }</pre>
 */
public final class ExportSyncOptions {
    /** Files per page unless set: fileAI's documented default {@code limit}. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** The default {@link #scope()} of a sync on an {@link IntegrationStore}. */
    public static final String DEFAULT_SCOPE = "fileai-exports";

    private static final ExportSyncOptions DEFAULTS = builder().build();

    private final Instant startingFrom;
    private final int pageSize;
    private final boolean reportExporting;
    private final Duration safetyMargin;
    private final Duration echoWindow;
    private final RequestOptions requestOptions;
    private final String scope;
    private final String workerId;
    private final Duration claimTtl;

    private ExportSyncOptions(Builder b) {
        this.scope = b.scope;
        this.workerId = b.workerId != null ? b.workerId : ProcessWorker.ID;
        this.claimTtl = b.claimTtl;
        this.startingFrom = b.startingFrom;
        this.pageSize = b.pageSize;
        this.reportExporting = b.reportExporting;
        this.safetyMargin = b.safetyMargin;
        this.echoWindow = b.echoWindow;
        this.requestOptions = b.requestOptions;
    }

    /** All files on the first run, 100 per page, {@code exporting} reported, 2-minute margin, 1-minute echo window. */
    public static ExportSyncOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where the first run starts (files updated on or after it); empty: every file. Ignored once a checkpoint exists. */
    public Optional<Instant> startingFrom() {
        return Optional.ofNullable(startingFrom);
    }

    public int pageSize() {
        return pageSize;
    }

    public boolean reportExporting() {
        return reportExporting;
    }

    public Duration safetyMargin() {
        return safetyMargin;
    }

    public Duration echoWindow() {
        return echoWindow;
    }

    public RequestOptions requestOptions() {
        return requestOptions;
    }

    /**
     * With an {@link IntegrationStore}: the scope the workers of this integration share (default
     * {@value #DEFAULT_SCOPE}); one per fileAI account and integration.
     */
    public String scope() {
        return scope;
    }

    /** With an {@link IntegrationStore}: this worker's id (default: host, process id and a random part). */
    public String workerId() {
        return workerId;
    }

    /**
     * With an {@link IntegrationStore}: how long a worker's claim on a file lasts (default 15 minutes). Longer than
     * the slowest handler: a claim that expires mid-handler is taken over, and the file handled twice.
     */
    public Duration claimTtl() {
        return claimTtl;
    }

    @Override
    public String toString() {
        return "ExportSyncOptions{startingFrom=" + startingFrom + ", pageSize=" + pageSize + ", reportExporting="
                + reportExporting + ", safetyMargin=" + safetyMargin + ", echoWindow=" + echoWindow + ", scope="
                + Redactor.field("scope", scope) + ", claimTtl=" + claimTtl + '}';
    }

    /** Builds {@link ExportSyncOptions}. */
    public static final class Builder {
        private Instant startingFrom;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private boolean reportExporting = true;
        private Duration safetyMargin = Duration.ofMinutes(2);
        private Duration echoWindow = Duration.ofMinutes(1);
        private RequestOptions requestOptions = RequestOptions.none();
        private String scope = DEFAULT_SCOPE;
        private String workerId;
        private Duration claimTtl = Duration.ofMinutes(15);

        private Builder() {
        }

        /** The first run lists files updated on or after this instant (later runs continue from the checkpoint). */
        public Builder startingFrom(Instant instant) {
            this.startingFrom = ClientValidationException.requireNonNull("startingFrom", instant);
            return this;
        }

        /** Files per page listed; at least 1. */
        public Builder pageSize(int size) {
            ClientValidationException.require(size >= 1, "pageSize", "must be at least 1, got " + size);
            this.pageSize = size;
            return this;
        }

        /** Whether each file is reported as {@code exporting} before the handler runs (default true). */
        public Builder reportExporting(boolean report) {
            this.reportExporting = report;
            return this;
        }

        /**
         * How far behind the run's start the checkpoint stays, to cover clock differences with fileAI and files
         * updated while the run lists: files updated in that margin are listed again by the next run (and not handed
         * over twice). Default 2 minutes.
         */
        public Builder safetyMargin(Duration margin) {
            ClientValidationException.requireNonNull("safetyMargin", margin);
            ClientValidationException.require(!margin.isNegative(), "safetyMargin", "must not be negative");
            this.safetyMargin = margin;
            return this;
        }

        /**
         * How long after a status report a change of the file's {@code updatedAt} still counts as the report's own
         * echo (reporting a status updates the file). A file updated later than that, e.g. corrected by a user after
         * an {@code error}, is handed over again. Default 1 minute.
         */
        public Builder echoWindow(Duration window) {
            ClientValidationException.requireNonNull("echoWindow", window);
            ClientValidationException.require(!window.isNegative(), "echoWindow", "must not be negative");
            this.echoWindow = window;
            return this;
        }

        /** The scope the workers share in an {@link IntegrationStore} (default {@value #DEFAULT_SCOPE}). */
        public Builder scope(String scope) {
            this.scope = StoreChecks.id("scope", scope);
            return this;
        }

        /** This worker's id in an {@link IntegrationStore} (default: host, process id and a random part). */
        public Builder workerId(String workerId) {
            this.workerId = StoreChecks.id("workerId", workerId);
            return this;
        }

        /** How long a claim on a file lasts in an {@link IntegrationStore} (default 15 minutes; positive). */
        public Builder claimTtl(Duration ttl) {
            this.claimTtl = StoreChecks.ttl("claimTtl", ttl);
            return this;
        }

        /** Per-call options (timeout, retry policy, headers) for every request of the sync. */
        public Builder requestOptions(RequestOptions options) {
            this.requestOptions = ClientValidationException.requireNonNull("requestOptions", options);
            return this;
        }

        public ExportSyncOptions build() {
            return new ExportSyncOptions(this);
        }
    }

    /** The default worker id: one per process. */
    private static final class ProcessWorker {
        static final String ID = IntegrationStore.newWorkerId();
    }
}
