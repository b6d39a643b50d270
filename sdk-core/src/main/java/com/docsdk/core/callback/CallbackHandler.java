package com.docsdk.core.callback;

/**
 * Your code that acts on an event, once per idempotency key. Re-read the authoritative state first (every vendor
 * event has {@code fetch(client)}), then act; throw to have the vendor send the callback again (when its policy
 * allows), in which case the key stays unseen.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface CallbackHandler<E extends CallbackEvent> {
    /**
     * Handles one event.
     *
     * @throws Exception any failure; its message is answered to vendors that show it (SmartDocumentor)
     */
    void handle(E event) throws Exception;
}
