package com.docsdk.fileai;

import com.docsdk.core.Redactor;
import com.docsdk.fileai.model.FileInfo;
import com.docsdk.fileai.model.ProcessingStep;
import com.docsdk.fileai.model.UploadFileEntry;
import com.docsdk.fileai.model.UploadStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The processing of one upload ({@code GET /prod/v1/uploads/{uploadId}}): the generated {@link UploadStatus}, the
 * HTTP status (207 for a ZIP archive of which some files failed) and the {@link UploadState} read from the steps.
 * Immutable.
 *
 * <pre>{@code
 * UploadProgress p = client.uploadProgress(uploadId);
 * switch (p.state()) {
 *     case FINISHED -> p.fileIds().forEach(id -> System.out.println("document " + id));
 *     case PARTIALLY_FAILED, FAILED -> System.err.println(p.failureMessages());
 *     case PROCESSING -> System.out.println("at " + p.lastStep().map(ProcessingStep::getStep).orElse("?"));
 * }
 * }</pre>
 */
public final class UploadProgress {
    static final int PARTIAL_CONTENT_STATUS = 207;

    private static final String FAILED = "failed";
    private static final String COMPLETED = "completed";
    private static final String FINISHED_STEP = "processing_finished";

    private final UploadStatus status;
    private final int statusCode;
    private final UploadState state;

    UploadProgress(UploadStatus status, int statusCode) {
        this.status = Objects.requireNonNull(status, "status");
        this.statusCode = statusCode;
        this.state = classify();
    }

    /** The response as generated from the spec. */
    public UploadStatus status() {
        return status;
    }

    /** The HTTP status: 200, or 207 when some files of a ZIP archive succeeded and others failed. */
    public int statusCode() {
        return statusCode;
    }

    /** Whether fileAI answered 207: a ZIP archive of which some files failed. */
    public boolean isPartialZipResult() {
        return statusCode == PARTIAL_CONTENT_STATUS;
    }

    public UploadState state() {
        return state;
    }

    /** The upload's processing steps, in the order reported. */
    public List<ProcessingStep> steps() {
        return status.getStatuses() == null ? List.of() : List.copyOf(status.getStatuses());
    }

    /** The latest step reported, if any. */
    public Optional<ProcessingStep> lastStep() {
        List<ProcessingStep> steps = steps();
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
    }

    /** The entries of {@code files}: documents, or for a ZIP archive one entry per contained file. */
    public List<UploadFileEntry> entries() {
        return status.getFiles() == null ? List.of() : List.copyOf(status.getFiles());
    }

    /** Whether the entries are a ZIP archive's per-file statuses. */
    public boolean isZip() {
        return entries().stream().anyMatch(UploadProgress::isZipEntry);
    }

    /** The ids of the documents produced so far (for a ZIP archive, of every contained file). */
    public List<String> fileIds() {
        List<String> ids = new ArrayList<>();
        for (UploadFileEntry entry : entries()) {
            if (isZipEntry(entry)) {
                if (entry.getFiles() != null) {
                    entry.getFiles().stream().map(FileInfo::getFileId).filter(Objects::nonNull).forEach(ids::add);
                }
            } else if (entry.getFileId() != null) {
                ids.add(entry.getFileId());
            }
        }
        return List.copyOf(ids);
    }

    /** One line per failed step, naming the ZIP entry it belongs to; empty when nothing failed. */
    public List<String> failureMessages() {
        List<String> messages = new ArrayList<>();
        failedSteps(status.getStatuses(), null, messages);
        for (UploadFileEntry entry : entries()) {
            if (isZipEntry(entry)) {
                failedSteps(entry.getStatuses(), entry.getFileName(), messages);
            }
        }
        return List.copyOf(messages);
    }

    @Override
    public String toString() {
        return "UploadProgress{state=" + state + ", statusCode=" + statusCode + ", lastStep="
                + lastStep().map(s -> Redactor.field("step", s.getStep()) + ":"
                        + Redactor.field("status", s.getStatus())).orElse("-")
                + ", files=" + Redactor.field("files", fileIds()) + '}';
    }

    private UploadState classify() {
        List<UploadState> entryStates = entries().stream().filter(UploadProgress::isZipEntry)
                .map(e -> stateOf(e.getStatuses())).toList();
        UploadState top = stateOf(status.getStatuses());
        if (entryStates.isEmpty()) {
            return isPartialZipResult() && top != UploadState.FAILED ? UploadState.PARTIALLY_FAILED : top;
        }
        if (entryStates.contains(UploadState.PROCESSING)) {
            return top == UploadState.FAILED ? UploadState.FAILED : UploadState.PROCESSING;
        }
        boolean anyFinished = entryStates.contains(UploadState.FINISHED);
        boolean anyFailed = entryStates.contains(UploadState.FAILED) || isPartialZipResult();
        if (anyFinished && anyFailed) {
            return UploadState.PARTIALLY_FAILED;
        }
        return anyFinished ? UploadState.FINISHED : UploadState.FAILED;
    }

    /** Failed if a step failed; finished if {@code processing_finished} completed; else still processing. */
    private static UploadState stateOf(List<ProcessingStep> steps) {
        if (steps == null || steps.isEmpty()) {
            return UploadState.PROCESSING;
        }
        boolean finished = false;
        for (ProcessingStep step : steps) {
            String s = normalized(step.getStatus());
            if (FAILED.equals(s)) {
                return UploadState.FAILED;
            }
            finished |= COMPLETED.equals(s) && FINISHED_STEP.equals(normalized(step.getStep()));
        }
        return finished ? UploadState.FINISHED : UploadState.PROCESSING;
    }

    private static void failedSteps(List<ProcessingStep> steps, String entryName, List<String> out) {
        if (steps == null) {
            return;
        }
        for (ProcessingStep step : steps) {
            if (FAILED.equals(normalized(step.getStatus()))) {
                out.add((entryName == null ? "" : entryName + ": ") + "step " + step.getStep() + " failed");
            }
        }
    }

    /** A ZIP entry carries its own steps; a document entry does not (the generated list is then empty). */
    private static boolean isZipEntry(UploadFileEntry entry) {
        return entry.getStatuses() != null && !entry.getStatuses().isEmpty();
    }

    private static String normalized(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
