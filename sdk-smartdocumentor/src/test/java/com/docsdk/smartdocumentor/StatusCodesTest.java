package com.docsdk.smartdocumentor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.docsdk.smartdocumentor.model.TaskStatusResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Status codes are values that keep unknown codes instead of an enum that would lose them. */
class StatusCodesTest {
    @Test
    void everyDocumentedTaskStatusIsANamedConstant() {
        List<TaskStatus> known = List.of(TaskStatus.DELETING, TaskStatus.DELETED, TaskStatus.QUEUED_FOR_PRE_PROCESSING,
                TaskStatus.PRE_PROCESSING_IN_PROGRESS, TaskStatus.PRE_PROCESSING_FAILED,
                TaskStatus.PRE_PROCESSING_DOWNLOAD_FAILED, TaskStatus.PRE_PROCESSING_SUCCESSFUL,
                TaskStatus.PRE_PROCESSING_GET_PAGES_FAILED);
        assertEquals(List.of(19, 20, 30, 31, 32, 33, 34, 35), known.stream().map(TaskStatus::code).toList());
        assertEquals(List.of("Deleting", "Deleted", "QueuedForPreProcessing", "PreProcessingInProgress",
                "PreProcessingFailed", "PreProcessingDownloadFailed", "PreProcessingSuccessful",
                "PreProcessingGetPagesFailed"), known.stream().map(TaskStatus::name).toList());
        for (TaskStatus s : known) {
            assertSame(s, TaskStatus.of(s.code()));
            assertSame(s, TaskStatus.of(s.code(), "server text"), "a known code keeps its constant");
            assertTrue(s.isKnown());
        }
    }

    @Test
    void unknownCodesAreKeptAndNamedByTheServersText() {
        TaskStatus unknown = TaskStatus.of(4);
        assertEquals(4, unknown.code());
        assertEquals("Unknown(4)", unknown.name());
        assertFalse(unknown.isKnown());
        assertFalse(unknown.isFailure());

        TaskStatus named = TaskStatus.of(50, " ToReview ");
        assertEquals("ToReview", named.name());
        assertEquals(TaskStatus.of(50), named, "equality is by code");
        assertEquals(TaskStatus.of(50).hashCode(), named.hashCode());
        assertEquals("ToReview(50)", named.toString());
        assertNotEquals(TaskStatus.of(51), named);
    }

    @Test
    void failuresAndDeletionsAreFlagged() {
        assertTrue(TaskStatus.PRE_PROCESSING_FAILED.isFailure());
        assertTrue(TaskStatus.PRE_PROCESSING_DOWNLOAD_FAILED.isFailure());
        assertTrue(TaskStatus.PRE_PROCESSING_GET_PAGES_FAILED.isFailure());
        assertFalse(TaskStatus.PRE_PROCESSING_SUCCESSFUL.isFailure());
        assertTrue(TaskStatus.DELETING.isDeletion());
        assertTrue(TaskStatus.DELETED.isDeletion());
        assertFalse(TaskStatus.QUEUED_FOR_PRE_PROCESSING.isDeletion());
    }

    @Test
    void integrationStatusesKeepEveryCodeWithTheServersText() {
        TaskStatusResponse task = new TaskStatusResponse().integrationStatus(2).integrationStatusText("Successful");

        IntegrationStatus s = IntegrationStatus.from(task).orElseThrow();

        assertEquals(2, s.code());
        assertEquals("Successful", s.name());
        assertEquals(IntegrationStatus.of(2), s);
        assertEquals("Unknown(7)", IntegrationStatus.of(7).name());
        assertFalse(IntegrationStatus.from(new TaskStatusResponse()).isPresent());
        assertFalse(TaskStatus.from(new TaskStatusResponse()).isPresent());
    }
}
