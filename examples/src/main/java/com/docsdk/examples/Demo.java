package com.docsdk.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs every vendor's main flow end to end and prints a summary; exits non-zero if any flow fails. Each flow talks to
 * the real API when its credentials are in the environment, else to the vendor's simulator from sdk-testkit, started
 * embedded.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am -DskipTests -Pdemo verify
 * }</pre>
 */
public final class Demo {
    private Demo() {
    }

    record Outcome(String vendor, String description, boolean ok, String detail, long millis) {
    }

    public static void main(String[] args) throws IOException {
        Console console = new Console(System.out);
        List<Flow> flows = Flows.all();
        List<Outcome> outcomes = new ArrayList<>();
        // The flows' files (uploads, downloads, checkpoints) go here, deleted when the demo ends.
        Path workDir = Files.createTempDirectory("docsdk-demo-");
        try {
            runAll(console, flows, workDir, outcomes);
        } finally {
            deleteRecursively(workDir);
        }
        printSummary(console, outcomes);
        boolean allOk = outcomes.stream().allMatch(Outcome::ok);
        System.exit(allOk ? 0 : 1);
    }

    private static void runAll(Console console, List<Flow> flows, Path workDir, List<Outcome> outcomes) {
        for (Flow flow : flows) {
            long start = System.nanoTime();
            try {
                String detail = flow.workingIn(workDir).run(console);
                outcomes.add(new Outcome(flow.vendor(), flow.description(), true, detail, millisSince(start)));
            } catch (Exception | AssertionError e) {
                console.step("FAILED: %s", e);
                outcomes.add(new Outcome(flow.vendor(), flow.description(), false, String.valueOf(e.getMessage()),
                        millisSince(start)));
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void printSummary(Console console, List<Outcome> outcomes) {
        console.out().printf(Locale.ROOT, "%n%-16s %-44s %-6s %8s  %s%n", "vendor", "flow", "result", "time", "outcome");
        console.out().println("-".repeat(120));
        for (Outcome o : outcomes) {
            console.out().printf(Locale.ROOT, "%-16s %-44s %-6s %6d ms  %s%n", o.vendor(), o.description(),
                    o.ok() ? "OK" : "FAILED", o.millis(), o.detail());
        }
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        console.out().printf(Locale.ROOT, "%n%d of %d flows succeeded.%n", outcomes.size() - failed, outcomes.size());
    }
}
