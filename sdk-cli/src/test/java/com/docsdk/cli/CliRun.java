package com.docsdk.cli;

import com.docsdk.core.FakeTime;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code docsdk} in-process with captured streams, a given environment and a fake clock (no real waits). */
final class CliRun {
    final Map<String, String> env = new HashMap<>();
    final FakeTime time = new FakeTime(Instant.parse("2026-06-01T00:00:00Z"));
    Path home;
    boolean terminal;
    String stdin = "";

    CliRun(Path home) {
        this.home = home;
    }

    CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    record Result(int code, String out, String err) {
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    Cli.Io io() {
        return new Cli.Io(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.copyOf(env), home, terminal,
                b -> b.clock(time).sleeper(time));
    }

    synchronized Result run(String... args) {
        out.reset();
        err.reset();
        int code = new Cli(io()).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
