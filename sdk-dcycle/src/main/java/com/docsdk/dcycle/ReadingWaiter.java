package com.docsdk.dcycle;

import com.docsdk.core.ClientValidationException;
import com.docsdk.core.PollOptions;
import com.docsdk.core.PollStatus;
import com.docsdk.core.Poller;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkResponse;
import com.docsdk.dcycle.generated.model.FileReading;
import com.docsdk.dcycle.generated.model.FileReadingListItem;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Waits until a file's reading exists, by polling {@code GET /v1/files/readings?file_id=...} through the core's
 * {@link Poller}: no item or no reading yet means "still processing", a reading with status {@code success} ends the
 * wait, status {@code error} fails it (the item is the {@link com.docsdk.core.WaitFailedException#resource()}).
 */
final class ReadingWaiter {
    /** What the poller reports while the file has no reading yet. */
    static final String NO_READING = "no_reading";

    private final DcycleApi api;
    private final ReadingOperations readings;

    ReadingWaiter(DcycleApi api, ReadingOperations readings) {
        this.api = api;
        this.readings = readings;
    }

    Poller<FileReadingListItem> poller(String fileId, PollOptions options) {
        Inputs.id("fileId", fileId);
        ClientValidationException.requireNonNull("pollOptions", options);
        return Poller.<FileReadingListItem>builder("Dcycle reading of file " + fileId)
                .pollResponse(() -> poll(fileId))
                .status(ReadingWaiter::status)
                .classifier(ReadingWaiter::classify)
                .failureMessages(item -> List.of("Dcycle could not read file " + fileId + " (reading "
                        + item.getReading().getId() + " has status " + item.getReading().getStatus()
                        + "); correct it with updateReading or re-process the file"))
                .options(options)
                .runtime(api.transport)
                .build();
    }

    private SdkResponse<FileReadingListItem> poll(String fileId) {
        SdkResponse<Optional<FileReadingListItem>> r = readings.ofFile(fileId, RequestOptions.none());
        return r.withValue(r.value().orElseGet(() -> new FileReadingListItem().id(fileId)));
    }

    private static String status(FileReadingListItem item) {
        FileReading reading = item.getReading();
        if (reading == null) {
            return NO_READING;
        }
        return reading.getStatus() == null ? "" : reading.getStatus();
    }

    private static PollStatus classify(FileReadingListItem item) {
        FileReading reading = item.getReading();
        if (reading == null) {
            return PollStatus.IN_PROGRESS;
        }
        String s = reading.getStatus() == null ? "" : reading.getStatus().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "success", "" -> PollStatus.SUCCEEDED; // a reading without a status exists all the same
            case "error" -> PollStatus.FAILED;
            default -> null; // not documented: logged once, treated as still processing
        };
    }
}
