package com.docsdk.core.wait;

/** Where a long-running operation stands, as a {@link Poller} classifies each observation. */
public enum PollStatus {
    /** Still running (queued, processing, or a status the SDK does not know yet). */
    IN_PROGRESS,
    /** Finished successfully: the wait returns the resource. */
    SUCCEEDED,
    /** Finished unsuccessfully: the wait throws {@link WaitFailedException}. */
    FAILED
}
