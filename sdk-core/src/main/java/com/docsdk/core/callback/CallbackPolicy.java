package com.docsdk.core.callback;

import com.docsdk.core.error.ClientValidationException;
import java.time.Duration;
import java.util.Optional;

/**
 * How a vendor wants its callbacks answered.
 *
 * <ul>
 *   <li>{@link #synchronous()}: run the handler, answer 200 on success and 500 with the failure's message on failure
 *       (SmartDocumentor sends the document back to "To Review" and shows the body; WebAdMIT).</li>
 *   <li>{@link #acknowledgeWithin(Duration)}: run the handler in the background and wait for it at most the given
 *       time: its result if it finished (a failure answers 500, so the vendor retries), else 200 while it goes on;
 *       its outcome is kept ({@link CallbackDispatcher#outcome}). fileAI needs its 200 within 30 s.</li>
 * </ul>
 *
 * @param successStatus the status of a handled (or duplicate) event
 * @param failureStatus the status of a handler failure
 * @param acknowledgeAfter empty for synchronous handling, else the longest wait before acknowledging
 */
public record CallbackPolicy(int successStatus, int failureStatus, Optional<Duration> acknowledgeAfter) {
    /** Checks the statuses and the wait. */
    public CallbackPolicy {
        ClientValidationException.require(successStatus >= 200 && successStatus < 300, "successStatus",
                "must be 2xx, got " + successStatus);
        ClientValidationException.require(failureStatus >= 400 && failureStatus < 600, "failureStatus",
                "must be 4xx or 5xx, got " + failureStatus);
        ClientValidationException.requireNonNull("acknowledgeAfter", acknowledgeAfter);
        acknowledgeAfter.ifPresent(d -> ClientValidationException.require(!d.isNegative(), "acknowledgeAfter",
                "must not be negative, got " + d));
    }

    /** Handle, then answer: 200, or 500 with the message. */
    public static CallbackPolicy synchronous() {
        return new CallbackPolicy(200, 500, Optional.empty());
    }

    /** Handle in the background; answer the result if it comes within {@code wait}, else 200. */
    public static CallbackPolicy acknowledgeWithin(Duration wait) {
        return new CallbackPolicy(200, 500, Optional.of(ClientValidationException.requireNonNull("wait", wait)));
    }

    /** This policy answering handler failures with {@code status}. */
    public CallbackPolicy withFailureStatus(int status) {
        return new CallbackPolicy(successStatus, status, acknowledgeAfter);
    }
}
