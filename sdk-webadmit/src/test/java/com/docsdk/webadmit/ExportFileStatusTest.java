package com.docsdk.webadmit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.core.wait.PollStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every documented status, in the seed's and the current docs' casing (and sloppier ones), parses alike. */
class ExportFileStatusTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
        "Initializing, initializing, INITIALIZING",
        "Queued, queued, QUEUED",
        "In Progress, in_progress, IN_PROGRESS",
        "Available, available, AVAILABLE",
        "Success With Errors, success_with_errors, SUCCESS_WITH_ERRORS",
        "Empty List, empty_list, EMPTY_LIST",
        "Failed, failed, FAILED",
    })
    void titleCaseAndSnakeCaseParseAlike(String current, String seed, ExportFileStatus expected) {
        assertEquals(expected, ExportFileStatus.parse(current));
        assertEquals(expected, ExportFileStatus.parse(seed));
        assertEquals(expected, ExportFileStatus.parse(" " + current.toUpperCase() + " "));
        assertEquals(expected, ExportFileStatus.parse(seed.replace('_', '-')));
        assertEquals(current, expected.documentedValue());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "Archived", "in progress later", "Availble"})
    void anythingElseIsUnknownAndStillRunning(String text) {
        ExportFileStatus status = ExportFileStatus.parse(text);

        assertEquals(ExportFileStatus.UNKNOWN, status);
        assertFalse(status.isTerminal());
        assertNull(status.pollStatus(), "null makes the Poller log it once and keep waiting");
    }

    @Test
    void terminalStatusesAndFiles() {
        assertTrue(ExportFileStatus.AVAILABLE.hasFile());
        assertTrue(ExportFileStatus.SUCCESS_WITH_ERRORS.hasFile());
        assertFalse(ExportFileStatus.EMPTY_LIST.hasFile());
        assertTrue(ExportFileStatus.EMPTY_LIST.isTerminal());
        assertFalse(ExportFileStatus.IN_PROGRESS.isTerminal());
        assertEquals(PollStatus.SUCCEEDED, ExportFileStatus.EMPTY_LIST.pollStatus());
        assertEquals(PollStatus.FAILED, ExportFileStatus.FAILED.pollStatus());
        assertEquals(PollStatus.IN_PROGRESS, ExportFileStatus.QUEUED.pollStatus());
        assertEquals(ExportFileStatus.UNKNOWN, ExportFileStatus.of(null));
    }
}
