package com.docsdk.dcycle;

import com.docsdk.core.error.ClientValidationException;
import com.docsdk.core.wait.PollOptions;
import com.docsdk.core.wait.PollStatus;
import com.docsdk.core.wait.Poller;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.SdkResponse;
import com.docsdk.core.Transport;
import com.docsdk.dcycle.model.FileReading;
import com.docsdk.dcycle.model.FileReadingListItem;
import com.docsdk.dcycle.model.FileReadingPage;
import com.docsdk.dcycle.service.FileReadingsService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the listed item of one file ({@code fileReadings().list} with {@code file_id}, direct fetch mode) and waits
 * until it has a reading, through the core's {@link Poller}: no item or no reading yet means "still processing", a
 * reading with status {@code success} ends the wait, status {@code error} fails it (the item is the
 * {@link com.docsdk.core.wait.WaitFailedException#resource()}).
 */
final class ReadingWaiter {
    /** What the poller reports while the file has no reading yet. */
    static final String NO_READING = "no_reading";

    private final FileReadingsService readings;
    private final Transport transport;

    ReadingWaiter(FileReadingsService readings, Transport transport) {
        this.readings = readings;
        this.transport = transport;
    }

    /** The file's listed item, with the HTTP exchange; empty while Dcycle lists nothing for it. */
    SdkResponse<Optional<FileReadingListItem>> find(String fileId) {
        SdkResponse<FileReadingPage> r = readings.withRawResponse().list(FileReadingsService.ListParams.builder()
                .fileId(List.of(DcycleClient.requireId("fileId", fileId))).build(), RequestOptions.none());
        List<FileReadingListItem> items = r.value() == null || r.value().getItems() == null ? List.of()
                : r.value().getItems();
        return r.withValue(items.stream().filter(i -> i != null && fileId.equals(i.getId())).findFirst());
    }

    Poller<FileReadingListItem> poller(String fileId, PollOptions options) {
        DcycleClient.requireId("fileId", fileId);
        ClientValidationException.requireNonNull("pollOptions", options);
        return Poller.<FileReadingListItem>builder("Dcycle reading of file " + fileId)
                .pollResponse(() -> {
                    SdkResponse<Optional<FileReadingListItem>> r = find(fileId);
                    return r.withValue(r.value().orElseGet(() -> new FileReadingListItem().id(fileId)));
                })
                .status(ReadingWaiter::status)
                .classifier(ReadingWaiter::classify)
                .failureMessages(item -> List.of("Dcycle could not read file " + fileId + " (reading "
                        + item.getReading().getId() + " has status " + item.getReading().getStatus()
                        + "); correct it with fileReadings().update or re-process the file"))
                .options(options)
                .runtime(transport)
                .build();
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
