package com.docsdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Every operation of every spec is a command: {@code docsdk <vendor> <tag in kebab case> <x-docsdk-method in kebab
 * case>}, read from {@code openapi/<vendor>.yaml}, not from the classes the commands are made from.
 */
class EveryOperationTest {
    @ParameterizedTest
    @ValueSource(strings = {"fileai", "webadmit", "document360", "dcycle", "smartdocumentor"})
    void everyOperationOfTheSpecIsACommand(String vendor) {
        Vendors.Vendor v = Vendors.named(vendor).orElseThrow();
        if (Operations.of(Cli.clientClass(v)).isEmpty()) {
            // not yet on the generated services (issue 14): its operations appear once it is, without CLI code
            return;
        }
        Path spec = Path.of("..", "openapi", vendor + ".yaml");
        assertTrue(Files.exists(spec), spec.toString());
        OpenAPI api = new OpenAPIV3Parser().read(spec.toString());
        CommandLine vendorCmd = new Cli(new CliRun(Path.of(".")).io()).commandLine().getSubcommands().get(vendor);
        List<String> missing = new ArrayList<>();
        TreeSet<String> expected = new TreeSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            String command = resource(op) + " " + verb(op);
            expected.add(command);
            CommandLine r = vendorCmd.getSubcommands().get(resource(op));
            if (r == null || !r.getSubcommands().containsKey(verb(op))) {
                missing.add(command);
            }
        }));
        assertTrue(expected.size() >= 3, "read the spec: " + expected);
        assertEquals(List.of(), missing, "operations of openapi/" + vendor + ".yaml without a command");
    }

    private static String resource(Operation op) {
        return op.getTags().get(0).trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    }

    private static String verb(Operation op) {
        Object method = op.getExtensions() == null ? null : op.getExtensions().get("x-docsdk-method");
        return Operations.kebab(method != null ? method.toString() : op.getOperationId());
    }
}
