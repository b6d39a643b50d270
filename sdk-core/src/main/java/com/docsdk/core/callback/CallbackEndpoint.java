package com.docsdk.core.callback;

import com.docsdk.core.error.ClientValidationException;

/**
 * One kind of callback a vendor sends: the route its URL ends in, how to parse it and how to answer it. The vendor
 * modules provide them ({@code FileAiCallbacks.processing()}, ...); pass one to
 * {@link CallbackDispatcher.Builder#on} with your handler.
 *
 * @param route the route (one path segment) of the URL minted for it
 * @param parser reads the body
 * @param policy how to answer
 * @param <E> the event type
 */
public record CallbackEndpoint<E extends CallbackEvent>(String route, CallbackParser<E> parser,
        CallbackPolicy policy) {
    /** Checks the parts. */
    public CallbackEndpoint {
        CallbackUrls.checkRoute(route);
        ClientValidationException.requireNonNull("parser", parser);
        ClientValidationException.requireNonNull("policy", policy);
    }

    /** The same endpoint on another route (two integrations of one vendor, say). */
    public CallbackEndpoint<E> withRoute(String newRoute) {
        return new CallbackEndpoint<>(newRoute, parser, policy);
    }

    /** The same endpoint answered by another policy. */
    public CallbackEndpoint<E> withPolicy(CallbackPolicy newPolicy) {
        return new CallbackEndpoint<>(route, parser, newPolicy);
    }
}
