package com.docsdk.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example flow runs end to end against its embedded simulator (no credentials in this environment). */
class FlowsTest {

    static Stream<Flow> flows() {
        return Flows.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flows")
    void runsEndToEndAgainstTheSimulator(Flow flow, @TempDir Path workDir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String outcome = flow.workingIn(workDir).run(new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(outcome.isBlank());
        assertTrue(printed.contains("== " + flow.vendor()), printed);
        assertTrue(printed.contains("embedded simulator"), printed);
    }
}
