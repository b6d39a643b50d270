package com.docsdk.fileai;

import com.docsdk.core.store.Claim;
import com.docsdk.core.store.IntegrationStore;
import com.docsdk.core.store.Lease;
import com.docsdk.core.store.Watermark;
import com.docsdk.core.error.SdkException;
import com.docsdk.fileai.model.FileInfo;
import com.docsdk.fileai.model.IntegrationExportStatus;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SyncLedger} shared by N workers through an {@link IntegrationStore}: each listed file is claimed under a
 * lease before it is handed over, its outcome recorded before it is reported, the claim finished after; the
 * watermark moves only under the scope's lease, never past a file some worker has not finished.
 */
final class SharedLedger implements SyncLedger {
    private static final Logger LOG = LoggerFactory.getLogger("com.docsdk.fileai.sync");

    private final IntegrationStore store;
    private final String scope;
    private final String owner;
    private final Duration claimTtl;
    private final Duration echoWindow;
    private final Clock clock;
    private final Map<String, Claim> held = new HashMap<>();
    private final Map<String, Instant> claimedAt = new HashMap<>();

    SharedLedger(IntegrationStore store, ExportSyncOptions options, Clock clock) {
        this.store = store;
        this.scope = options.scope();
        this.owner = options.workerId();
        this.claimTtl = options.claimTtl();
        this.echoWindow = options.echoWindow();
        this.clock = clock;
    }

    @Override
    public Optional<Instant> watermark() {
        return store.watermark(scope).instant();
    }

    @Override
    public Map<String, Resume> pending() {
        return Map.of(); // a recorded outcome comes with the file's next claim
    }

    @Override
    public Decision begin(FileInfo file) {
        String id = file.getFileId();
        Instant version = file.getUpdatedAt() == null ? null : file.getUpdatedAt().toInstant();
        Optional<Claim> claim = store.claim(scope, id, version, owner, claimTtl);
        if (claim.isEmpty()) {
            return new Skip(); // finished at this version, or another worker holds it
        }
        Claim c = claim.get();
        if (file.getIntegrationExportStatus() == IntegrationExportStatus.COMPLETED) {
            // reported already (by a worker that crashed before finishing its claim, or by someone else)
            store.finish(c, doneVersion(version));
            return new Skip();
        }
        held.put(id, c);
        claimedAt.put(id, clock.instant());
        if (c.pendingOutcome().isPresent()) {
            return resume(id, c.pendingOutcome().get());
        }
        return new Run(c.takenOver());
    }

    @Override
    public boolean outcome(String fileId, ExportOutcome.Kind kind, List<String> messages) {
        Claim c = held.get(fileId);
        if (c != null && store.recordOutcome(c, encode(kind, messages)) && renewedForTheReport(fileId, c)) {
            return true;
        }
        held.remove(fileId);
        LOG.warn("file {}: this worker's claim expired and another worker took it over; it reports the file",
                fileId);
        return false;
    }

    @Override
    public void reported(String fileId, String status, Instant at) {
        Claim c = held.remove(fileId);
        claimedAt.remove(fileId);
        if (c != null && !store.finish(c, at.plus(echoWindow))) {
            LOG.warn("file {}: reported {}, but the claim was taken over before it was finished", fileId, status);
        }
    }

    @Override
    public void gone(String fileId) {
        Claim c = held.remove(fileId);
        if (c != null) {
            store.finish(c, clock.instant().plus(echoWindow));
        }
    }

    @Override
    public void deferred(String fileId) {
        Claim c = held.remove(fileId);
        if (c != null) {
            store.release(c);
        }
    }

    @Override
    public Optional<Instant> advance(Instant from, Instant next) {
        Optional<Lease> lease = store.acquireLease(scope, owner, claimTtl);
        Watermark current = store.watermark(scope);
        if (lease.isEmpty()) {
            LOG.debug("another worker holds the watermark lease of {}: it moves the watermark", scope);
            return current.instant();
        }
        Instant target = next;
        Optional<Instant> unfinished = store.oldestUnfinished(scope);
        if (unfinished.isPresent() && unfinished.get().isBefore(target)) {
            target = unfinished.get();
        }
        if (current.value() != null && !target.isAfter(current.value())) {
            return current.instant(); // never backwards
        }
        if (!store.moveWatermark(lease.get(), current.version(), target)) {
            LOG.debug("the watermark of {} moved meanwhile (or the lease expired): left to the next run", scope);
            return store.watermark(scope).instant();
        }
        store.forgetFinished(scope, target.minus(echoWindow));
        return Optional.of(target);
    }

    /**
     * Past half its lease, a claim is renewed before the report goes out, so that no other worker takes the file
     * over (and reports it too) while this one reports it.
     */
    private boolean renewedForTheReport(String fileId, Claim c) {
        Instant at = claimedAt.get(fileId);
        if (at == null || clock.instant().isBefore(at.plus(claimTtl.dividedBy(2)))) {
            return true;
        }
        Optional<Claim> renewed = store.claim(scope, fileId, null, owner, claimTtl);
        if (renewed.isEmpty() || renewed.get().pendingOutcome().isEmpty()) {
            return false;
        }
        held.put(fileId, renewed.get());
        claimedAt.put(fileId, clock.instant());
        return true;
    }

    private Instant doneVersion(Instant version) {
        Instant now = clock.instant();
        Instant base = version != null && version.isAfter(now) ? version : now;
        return base.plus(echoWindow);
    }

    private static String encode(ExportOutcome.Kind kind, List<String> messages) {
        JsonObject o = new JsonObject();
        o.addProperty("outcome", kind.name());
        JsonArray m = new JsonArray();
        messages.forEach(m::add);
        o.add("messages", m);
        return o.toString();
    }

    private static Resume resume(String fileId, String recorded) {
        try {
            JsonObject o = JsonParser.parseString(recorded).getAsJsonObject();
            List<String> messages = new ArrayList<>();
            if (o.has("messages")) {
                o.getAsJsonArray("messages").forEach(m -> messages.add(m.getAsString()));
            }
            return new Resume(ExportOutcome.Kind.valueOf(o.get("outcome").getAsString()), List.copyOf(messages));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException
                | IllegalArgumentException e) {
            throw new SdkException("the recorded outcome of file " + fileId + " in the integration store is not"
                    + " readable (" + e.getMessage() + ")", e);
        }
    }
}
