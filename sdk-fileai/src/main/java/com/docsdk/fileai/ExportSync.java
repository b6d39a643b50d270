package com.docsdk.fileai;

import com.docsdk.core.error.NotFoundException;
import com.docsdk.core.paging.PagedIterable;
import com.docsdk.core.paging.Paginator;
import com.docsdk.core.error.SdkException;
import com.docsdk.core.SdkResponse;
import com.docsdk.fileai.model.FileExportInfo;
import com.docsdk.fileai.model.FileExportStatusUpdate;
import com.docsdk.fileai.model.FileList;
import com.docsdk.fileai.model.FileExportStatusUpdateResult;
import com.docsdk.fileai.model.FileInfo;
import com.docsdk.fileai.model.IntegrationExportStatus;
import com.docsdk.fileai.service.FilesService;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the pull integration: report outcomes a crashed run left pending, list every file updated since the
 * checkpoint (sorted by creation time, so the status reports, which bump {@code updatedAt}, never shift the pages),
 * hand each new file to the handler between an {@code exporting} and a final report, and save the checkpoint after
 * every step. The listing pages by the spec's rule ({@code count} is the total over all pages, so a short page is not
 * the last while fewer files were read). The checkpoint's watermark moves at the end of a complete listing (one that
 * read as many files as fileAI announced), and never past a file without a final report. A listed file is not handed
 * over again when this checkpoint reported it and it has not changed since (beyond the echo window), or when fileAI
 * lists it as {@code completed} already. What is kept where is the {@link SyncLedger}'s: one worker's checkpoint, or
 * the integration store N workers share (a claim per file).
 */
final class ExportSync {
    private static final Logger LOG = LoggerFactory.getLogger("com.docsdk.fileai.sync");
    private static final int MAX_MESSAGE_CHARS = 1000;

    private final FilesService files;
    private final Clock clock;
    private final SyncLedger ledger;
    private final FileExportHandler handler;
    private final ExportSyncOptions options;

    private final List<String> completed = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<String> deferred = new ArrayList<>();
    private final List<String> resumed = new ArrayList<>();
    private final List<String> gone = new ArrayList<>();
    private final List<String> takenOver = new ArrayList<>();
    private final List<String> lostClaims = new ArrayList<>();
    private int alreadyReported;
    private Optional<Instant> watermark = Optional.empty();

    ExportSync(FilesService files, Clock clock, SyncLedger ledger, FileExportHandler handler,
            ExportSyncOptions options) {
        this.files = files;
        this.clock = clock;
        this.ledger = ledger;
        this.handler = handler;
        this.options = options;
    }

    ExportSyncResult run() {
        resumePending();
        watermark = ledger.watermark();
        Instant from = watermark.or(options::startingFrom).orElse(null);
        Instant started = clock.instant();
        AtomicReference<Instant> serverStart = new AtomicReference<>();
        Instant oldestUnfinished = null;
        Set<String> seen = new HashSet<>();
        FilesService.ListParams.Builder query = FilesService.ListParams.builder().sortBy("createdAt")
                .sortOrder("ASC").limit(options.pageSize());
        if (from != null) {
            query.updatedAfter(from.atOffset(ZoneOffset.UTC));
        }
        FilesService.ListParams params = query.build();
        // the spec's paging (x-docsdk-paging: count is the total), read through the raw view for fileAI's Date
        PagedIterable<FileInfo> listing = Paginator.<FileList, FileInfo>pageNumbers(FileList::getFiles)
                .firstPage(1).pageSize(options.pageSize()).totalItems(page -> Optional.ofNullable(page.getCount()))
                .build(page -> {
                    SdkResponse<FileList> response = files.withRawResponse()
                            .list(params.toBuilder().page(page).build(), options.requestOptions());
                    if (serverStart.get() == null) {
                        serverStart.set(serverDate(response).orElse(started));
                    }
                    return response.value();
                });
        long read = 0;
        for (FileInfo file : listing) {
            read++;
            String id = file == null ? null : file.getFileId();
            if (id == null || id.isBlank() || !seen.add(id)) {
                continue; // a file moved up a page by a concurrent change is seen twice: once is enough
            }
            if (!sync(file)) {
                oldestUnfinished = earliest(oldestUnfinished, instant(file.getUpdatedAt()));
            }
        }
        OptionalLong announced = listing.totalItems();
        if (announced.isPresent() && read < announced.getAsLong()) {
            // the listing ended (an empty or repeated page) before the files fileAI announced: the ones not read
            // may be older than anything seen, so the watermark stays where it was
            LOG.warn("fileAI announced {} files but the listing ended after {}: the checkpoint keeps its watermark",
                    announced.getAsLong(), read);
            return result();
        }
        advanceWatermark(from, started, serverStart.get(), oldestUnfinished);
        return result();
    }

    private ExportSyncResult result() {
        return new ExportSyncResult(completed, failed, deferred, alreadyReported, resumed, gone, watermark, takenOver,
                lostClaims);
    }

    /** Reports the outcomes a crashed run decided but could not confirm, without calling the handler again. */
    private void resumePending() {
        for (Map.Entry<String, SyncLedger.Resume> e : ledger.pending().entrySet()) {
            resume(e.getKey(), e.getValue());
        }
    }

    private void resume(String id, SyncLedger.Resume pending) {
        IntegrationExportStatus status = pending.kind().status();
        Optional<FileInfo> now = current(id);
        if (now.isPresent() && now.get().getIntegrationExportStatus() == status) {
            // the earlier run's report went through before it ended: record it, do not send it twice
            LOG.info("file {} was reported {} by an earlier run already", id, status.getValue());
            ledger.reported(id, status.getValue(), earliest(clock.instant(), instant(now.get().getUpdatedAt())));
            resumed.add(id);
            return;
        }
        LOG.info("reporting the pending outcome {} of file {} left by an earlier run", pending.kind(), id);
        if (report(id, pending.kind(), pending.messages())) {
            resumed.add(id);
        }
    }

    /** The file as fileAI lists it now, empty if it is not listed. */
    private Optional<FileInfo> current(String id) {
        FileList page = files.listPage(FilesService.ListParams.builder().fileIds(id).limit(1).build(),
                options.requestOptions());
        List<FileInfo> found = page == null || page.getFiles() == null ? List.of() : page.getFiles();
        return found.stream().filter(f -> f != null && id.equals(f.getFileId())).findFirst();
    }

    /** Hands one listed file over, unless already reported; whether it now has a final status (or is gone). */
    private boolean sync(FileInfo file) {
        String id = file.getFileId();
        SyncLedger.Decision decision = ledger.begin(file);
        if (decision instanceof SyncLedger.Skip) {
            alreadyReported++;
            return true;
        }
        if (decision instanceof SyncLedger.Resume pending) {
            resume(id, pending);
            return true;
        }
        if (((SyncLedger.Run) decision).takenOver()) {
            takenOver.add(id);
        }
        if (options.reportExporting() && send(id, IntegrationExportStatus.EXPORTING, List.of()).isEmpty()) {
            gone.add(id);
            ledger.gone(id);
            return true;
        }
        ExportOutcome outcome = callHandler(file);
        if (outcome.kind() == ExportOutcome.Kind.DEFERRED) {
            deferred.add(id);
            ledger.deferred(id);
            if (options.reportExporting() && send(id, IntegrationExportStatus.EMPTY, List.of()).isEmpty()) {
                gone.add(id);
                return true;
            }
            return false;
        }
        if (!ledger.outcome(id, outcome.kind(), outcome.messages())) {
            lostClaims.add(id); // another worker took the file over: it reports it
            return true;
        }
        report(id, outcome.kind(), outcome.messages());
        return true;
    }

    private ExportOutcome callHandler(FileInfo file) {
        try {
            ExportOutcome outcome = handler.export(file);
            return outcome != null ? outcome : ExportOutcome.failed("the export handler returned no outcome");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SdkException("the export sync was interrupted while exporting file " + file.getFileId(), e);
        } catch (Exception e) {
            LOG.warn("exporting file {} failed: {}", file.getFileId(), e.toString());
            return ExportOutcome.failed(messageOf(e));
        }
    }

    /** Sends a final status and records it; false when fileAI no longer knows the file. */
    private boolean report(String id, ExportOutcome.Kind kind, List<String> messages) {
        IntegrationExportStatus status = kind.status();
        Optional<FileExportInfo> info = send(id, status, messages);
        if (info.isEmpty()) {
            gone.add(id);
            ledger.gone(id);
            return false;
        }
        Instant at = clock.instant();
        Instant serverAt = instant(info.get().getIntegrationExportUpdatedAt());
        if (serverAt != null && serverAt.isAfter(at)) {
            at = serverAt;
        }
        ledger.reported(id, status.getValue(), at);
        (kind == ExportOutcome.Kind.COMPLETED ? completed : failed).add(id);
        return true;
    }

    /** Reports a status; empty when the file is gone (404). Other failures end the run; the checkpoint keeps all. */
    private Optional<FileExportInfo> send(String id, IntegrationExportStatus status, List<String> messages) {
        try {
            FileExportStatusUpdate body = new FileExportStatusUpdate().integrationExportStatus(status)
                    .integrationExportMessages(messages.isEmpty() ? null : new ArrayList<>(messages));
            FileExportStatusUpdateResult r = files.updateExportStatus(id, body, options.requestOptions());
            return Optional.of(r != null && r.getExportInfo() != null ? r.getExportInfo() : new FileExportInfo());
        } catch (NotFoundException e) {
            LOG.warn("file {} is gone (404) while reporting {}: skipping it", id, status.getValue());
            return Optional.empty();
        }
    }

    /**
     * Moves the watermark to the run's start (by the earlier of fileAI's and our clock) minus the safety margin, but
     * never past a file without a final status, and never backwards; forgets reports too old to be listed again.
     */
    private void advanceWatermark(Instant from, Instant started, Instant serverStart, Instant oldestUnfinished) {
        Instant next = earliest(started, serverStart).minus(options.safetyMargin());
        next = earliest(next, oldestUnfinished);
        watermark = ledger.advance(from, next);
    }

    private static Optional<Instant> serverDate(SdkResponse<?> response) {
        return response.header("Date").flatMap(d -> {
            try {
                return Optional.of(ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private static String messageOf(Exception e) {
        String m = e.getMessage();
        String text = m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "...";
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
