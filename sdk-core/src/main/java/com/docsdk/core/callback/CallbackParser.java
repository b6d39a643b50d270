package com.docsdk.core.callback;

import com.docsdk.core.error.ClientValidationException;

/**
 * Turns one received request into a typed event. Each vendor module has one per callback kind
 * ({@code FileAiCallbacks.parser()}, ...).
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface CallbackParser<E extends CallbackEvent> {
    /**
     * Parses {@code request}'s body.
     *
     * @throws ClientValidationException for any input it cannot read (malformed, missing fields): never another
     *     exception
     */
    E parse(CallbackRequest request);
}
