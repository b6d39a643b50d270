package com.docsdk.core.wait;

import com.docsdk.core.Redactor;
import java.time.Duration;

/**
 * One poll as a {@link Poller}'s listener sees it.
 *
 * @param resource the polled resource
 * @param status how the poller classified it
 * @param statusText the vendor's own status string (may be empty)
 * @param poll the poll's number, from 1
 * @param elapsed time since the wait began
 * @param <T> the resource type
 */
public record PollObservation<T>(T resource, PollStatus status, String statusText, int poll, Duration elapsed) {
    @Override
    public String toString() {
        return "PollObservation[resource=" + Redactor.field("resource", resource) + ", status=" + status
                + ", statusText=" + Redactor.field("statusText", statusText) + ", poll=" + poll + ", elapsed="
                + elapsed + ']';
    }
}
