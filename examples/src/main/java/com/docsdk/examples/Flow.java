package com.docsdk.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One vendor's main flow, runnable against the real API (credentials in the environment) or its simulator. */
abstract class Flow {
    private final String vendor;
    private final String description;
    private Path workDir;

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

    /** Sets the directory the flow writes its files in; the caller creates it and deletes it afterwards. */
    final Flow workingIn(Path dir) {
        this.workDir = dir;
        return this;
    }

    /** This flow's own folder inside the caller's work directory (nothing goes to the system temp directory). */
    final Path workDir() throws IOException {
        if (workDir == null) {
            throw new IllegalStateException("no work directory: call workingIn(dir) before run");
        }
        return Files.createDirectories(workDir.resolve(vendor.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")));
    }

    /** Runs the flow; returns a one-line outcome for the summary. Throws when the flow fails. */
    abstract String run(Console console) throws Exception;

    @Override
    public String toString() {
        return vendor;
    }
}
