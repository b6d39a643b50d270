package com.docsdk.testkit;

/**
 * A failure a simulator can inject into its next requests, with {@link ApiSimulator#injectFaults}.
 *
 * <pre>{@code
 * fileAi.injectFaults(SimulatedFault.CONNECTION_RESET, 1)    // the next request: connection reset
 *       .injectFaults(SimulatedFault.SERVICE_UNAVAILABLE, 2); // then two 503s in the vendor's error shape
 * }</pre>
 *
 * <p>Faults queue up in the order they were injected; each request takes one. A request that gets a fault never
 * reaches the simulated API (its state does not change), except with {@link #SLOW_BODY} and {@link #DELAY}, which
 * serve the real response slowly.
 */
public enum SimulatedFault {
    /** The connection is reset by the peer before any response. */
    CONNECTION_RESET,
    /** The connection is closed without any response. */
    EMPTY_RESPONSE,
    /** A malformed chunk, then the connection is closed. */
    MALFORMED_RESPONSE,
    /** {@code 500} in the vendor's error shape. */
    INTERNAL_SERVER_ERROR,
    /** {@code 502} with the plain body of a gateway. */
    BAD_GATEWAY,
    /** {@code 503} in the vendor's error shape. */
    SERVICE_UNAVAILABLE,
    /** The real response, its body dribbled out in chunks over {@link ApiSimulator#slowResponseDuration}. */
    SLOW_BODY,
    /** The real response, sent after {@link ApiSimulator#slowResponseDuration}. */
    DELAY
}
