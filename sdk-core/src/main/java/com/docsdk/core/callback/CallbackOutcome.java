package com.docsdk.core.callback;

import com.docsdk.core.Redactor;
import java.time.Instant;

/**
 * What became of the last delivery of one event.
 *
 * @param idempotencyKey the event's key
 * @param route the route it arrived on
 * @param state where it stands
 * @param message the handler's failure message (redacted), or a note
 * @param deliveries how many deliveries of this key this dispatcher has seen
 * @param at when the state was reached
 */
public record CallbackOutcome(String idempotencyKey, String route, State state, String message, int deliveries,
        Instant at) {
    /** Where an event stands. */
    public enum State {
        /** The handler is running (in the background). */
        PROCESSING,
        /** The handler succeeded; the key is marked seen. */
        SUCCEEDED,
        /** The handler failed; the key stays unseen, so a redelivery is handled. */
        FAILED,
        /** Already handled earlier (a retry or replay): the handler was not run. */
        DUPLICATE
    }

    /** The outcome with its message redacted. */
    @Override
    public String toString() {
        return "CallbackOutcome[key=" + Redactor.text(idempotencyKey) + ", route=" + Redactor.text(route) + ", state=" + state
                + ", message=" + Redactor.text(message) + ", deliveries=" + deliveries + ", at=" + at + "]";
    }
}
