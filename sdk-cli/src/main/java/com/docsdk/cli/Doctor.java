package com.docsdk.cli;

import com.docsdk.cli.Operations.Operation;
import com.docsdk.cli.Vendors.Vendor;
import com.docsdk.core.error.AuthenticationException;
import com.docsdk.core.error.PermissionDeniedException;
import com.docsdk.core.RateLimit;
import com.docsdk.core.Redactor;
import com.docsdk.core.RequestOptions;
import com.docsdk.core.error.SdkHttpException;
import com.docsdk.core.error.TransportException;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code docsdk doctor}: per vendor with credentials set, whether they are present, whether the host answers,
 * whether authentication passes (one cheap listing) and the rate-limit headroom. Prints no secret: only the names
 * of the variables that are set, and the base URL through {@link Redactor#url(String)}.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks each vendor with credentials set: credentials present, host reachable, "
                + "authentication passes, rate-limit headroom. Prints no secret.",
            "Exit 0 when every checked vendor passes, else the code of the first failure."})
final class Doctor implements Callable<Integer> {
    private final Cli cli;

    Doctor(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        JsonArray rows = new JsonArray();
        int exit = ExitCodes.OK;
        for (Vendor v : Vendors.ALL) {
            Map<String, String> config = cli.configuration(v);
            if (!v.hasCredentials(config)) {
                continue;
            }
            JsonObject row = new JsonObject();
            row.addProperty("vendor", v.name());
            List<String> set = new ArrayList<>();
            v.settings().stream().filter(s -> config.get(s.variable()) != null).forEach(s -> set.add(s.variable()));
            row.addProperty("setup", "credentials present");
            row.addProperty("variablesSet", String.join(", ", set));
            int code = check(v, config, row);
            if (exit == ExitCodes.OK) {
                exit = code;
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            cli.io().err().println("docsdk doctor: no vendor has credentials set (FILEAI_API_KEY, WEBADMIT_API_KEY, "
                    + "SMARTDOCUMENTOR_CLIENT_SECRET or SMARTDOCUMENTOR_TOKEN, DCYCLE_API_KEY, DOCUMENT360_TOKEN or "
                    + "DOCUMENT360_API_KEY, or the profile file)");
            return ExitCodes.FAILURE;
        }
        cli.output(null).print(rows, -1);
        return exit;
    }

    private int check(Vendor v, Map<String, String> config, JsonObject row) {
        AutoCloseable client;
        try {
            client = cli.client(v, config);
        } catch (RuntimeException e) {
            row.addProperty("host", "not checked");
            row.addProperty("authentication", "not checked: " + Redactor.text(e.getMessage()));
            return ExitCodes.of(e);
        }
        try (client) {
            row.addProperty("baseUrl", baseUrl(client).map(Redactor::url).orElse(null));
            Optional<Operation> probe = probe(client.getClass());
            if (probe.isEmpty()) {
                row.addProperty("host", "not checked");
                row.addProperty("authentication", "not checked (no listing without arguments)");
                return ExitCodes.OK;
            }
            Operation op = probe.get();
            row.addProperty("probe", op.resource() + " " + op.verb());
            int code = ExitCodes.OK;
            try {
                Object result = invoke(client, op);
                if (result instanceof Iterable<?> items) {
                    items.iterator().hasNext();      // the first page only
                }
                row.addProperty("host", "reachable");
                row.addProperty("authentication", "passed");
            } catch (AuthenticationException | PermissionDeniedException e) {
                row.addProperty("host", "reachable");
                row.addProperty("authentication", "failed: HTTP " + e.statusCode());
                code = ExitCodes.of(e);
            } catch (SdkHttpException e) {
                row.addProperty("host", "reachable");
                row.addProperty("authentication", "unknown: HTTP " + e.statusCode());
                code = ExitCodes.of(e);
            } catch (TransportException e) {
                row.addProperty("host", "unreachable: " + Redactor.text(e.getMessage()));
                row.addProperty("authentication", "not checked");
                code = ExitCodes.of(e);
            }
            rateLimit(client).ifPresentOrElse(r -> {
                row.addProperty("rateLimitRemaining", r.remaining().isPresent() ? r.remaining().getAsLong() : null);
                row.addProperty("rateLimit", r.limit().isPresent() ? r.limit().getAsLong() : null);
            }, () -> row.addProperty("rateLimit", "not reported"));
            return code;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first listing that needs no argument (the resources in name order). */
    static Optional<Operation> probe(Class<?> clientClass) {
        for (Map<String, Operation> verbs : Operations.of(clientClass).values()) {
            Operation list = verbs.get("list");
            if (list != null && list.required().isEmpty()) {
                return Optional.of(list);
            }
        }
        return Optional.empty();
    }

    private static Object invoke(Object client, Operation op) throws Exception {
        List<Object> args = new ArrayList<>();
        if (op.paramsClass() != null) {
            args.add(op.paramsClass().getMethod("none").invoke(null));
        }
        if (op.takesOptions()) {
            args.add(RequestOptions.none());
        }
        try {
            return op.method().invoke(op.accessor().invoke(client), args.toArray());
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<RateLimit> rateLimit(Object client) {
        try {
            return (Optional<RateLimit>) client.getClass().getMethod("lastRateLimit").invoke(client);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> baseUrl(Object client) {
        try {
            return Optional.ofNullable((String) client.getClass().getMethod("baseUrl").invoke(client));
        } catch (ReflectiveOperationException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
