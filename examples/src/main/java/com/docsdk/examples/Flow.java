package com.docsdk.examples;

/** One vendor's main flow, runnable against the real API (credentials in the environment) or its simulator. */
interface Flow {
    /** The vendor's name as printed. */
    String vendor();

    /** What the flow does, in a few words. */
    String description();

    /** Runs the flow; returns a one-line outcome for the summary. Throws when the flow fails. */
    String run(Console console) throws Exception;
}
