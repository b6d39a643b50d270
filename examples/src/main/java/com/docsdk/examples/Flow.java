package com.docsdk.examples;

/** One vendor's main flow, runnable against the real API (credentials in the environment) or its simulator. */
abstract class Flow {
    private final String vendor;
    private final String description;

    Flow(String vendor, String description) {
        this.vendor = vendor;
        this.description = description;
    }

    /** The vendor's name as printed. */
    final String vendor() {
        return vendor;
    }

    /** What the flow does, in a few words. */
    final String description() {
        return description;
    }

    /** Runs the flow; returns a one-line outcome for the summary. Throws when the flow fails. */
    abstract String run(Console console) throws Exception;

    @Override
    public String toString() {
        return vendor;
    }
}
