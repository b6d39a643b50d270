package com.docsdk.examples;

import java.io.PrintStream;
import java.util.Locale;
import java.util.OptionalLong;

/** Human-readable output: a heading per flow, steps, progress lines that update in place. */
final class Console {
    private final PrintStream out;
    private final boolean interactive;
    private String vendor = "";

    Console(PrintStream out) {
        this.out = out;
        this.interactive = System.console() != null;
    }

    void heading(String vendor, String description, String target) {
        this.vendor = vendor;
        out.printf(Locale.ROOT, "%n== %s: %s (%s)%n", vendor, description, target);
    }

    void step(String format, Object... args) {
        out.printf(Locale.ROOT, "   %s%n", String.format(Locale.ROOT, format, args));
    }

    /** A progress line: rewritten in place on a terminal, printed once per call otherwise. */
    void progress(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        if (interactive) {
            out.printf(Locale.ROOT, "\r   %-70s", text);
        } else {
            out.printf(Locale.ROOT, "   %s%n", text);
        }
    }

    /** Ends a series of in-place progress lines. */
    void progressDone() {
        if (interactive) {
            out.println();
        }
    }

    /** A transfer progress line, printed at most every tenth of the total (or every MiB when unknown). */
    com.docsdk.core.transfer.TransferProgress transfer(String what) {
        return new com.docsdk.core.transfer.TransferProgress() {
            private long lastShown = -1;

            @Override
            public void onProgress(long bytesSoFar, OptionalLong totalBytes) {
                long step = totalBytes.isPresent() ? Math.max(1, totalBytes.getAsLong() / 10) : 1 << 20;
                boolean done = totalBytes.isPresent() && bytesSoFar >= totalBytes.getAsLong();
                if (lastShown < 0 || bytesSoFar - lastShown >= step || done) {
                    lastShown = bytesSoFar;
                    progress("%s: %,d%s bytes", what, bytesSoFar,
                            totalBytes.isPresent() ? " of " + String.format(Locale.ROOT, "%,d", totalBytes.getAsLong())
                                    : "");
                }
            }
        };
    }

    String vendor() {
        return vendor;
    }

    PrintStream out() {
        return out;
    }
}
