package com.docsdk.cli;

import com.docsdk.cli.ExitCodes.UsageException;
import com.docsdk.cli.Operations.Operation;
import com.docsdk.cli.Vendors.Setting;
import com.docsdk.cli.Vendors.Vendor;
import com.docsdk.core.ClientBuilder;
import com.docsdk.core.Redactor;
import com.docsdk.core.RequestOptions;
import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code docsdk} command line: {@code docsdk <vendor> <resource> <verb>} for every operation of the generated
 * services (by reflection, see {@link Operations}), the flows, {@code doctor} and {@code completion}. One instance
 * runs commands with the given streams and environment, so tests run it in-process.
 */
public final class Cli {
    /**
     * What a run reads and writes: data on {@code out}, errors (always) and progress and logs (terminal only) on
     * {@code err}. {@code customizer} sees every client builder before {@code build()} (tests: no retry waits).
     */
    public record Io(PrintStream out, PrintStream err, InputStream in, Map<String, String> env, Path home,
            boolean terminal, Consumer<ClientBuilder<?>> customizer) {
        public static Io system(boolean terminal) {
            return new Io(new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                    StandardCharsets.UTF_8), System.err, System.in, System.getenv(),
                    Path.of(System.getProperty("user.home")), terminal, b -> { });
        }

        /** A line of progress on stderr, only on a terminal. */
        public void progress(String line) {
            if (terminal) {
                err.println(line);
            }
        }
    }

    @Command(name = "docsdk", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = "The docsdk SDK's command line: every operation of fileAI, WebAdMIT, SmartDocumentor, "
                    + "Dcycle and Document360, and the integration flows.",
            footerHeading = "%nExit codes:%n",
            footer = {"  0 ok, 1 failure, 2 usage, 3 not found, 4 authentication, 5 permission,",
                "  6 rate limited after retries, 7 server or transport, 8 finished with errors,",
                "  9 wait timed out, 130 interrupted",
                "%nConfiguration: flags, then the environment (FILEAI_API_KEY...), then the profile file",
                "(~/.config/docsdk/config, section chosen with --profile). Secrets are never flag values:",
                "--api-key-env VAR names a variable, --api-key-file FILE a file."})
    static final class Root {
        @Option(names = "--output", paramLabel = "json|ndjson|table|text", scope = ScopeType.INHERIT,
                description = "output format (default: table on a terminal, json otherwise)")
        Output.Format output;

        @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
                description = "the profile file's section (default: $DOCSDK_PROFILE, else default)")
        String profile;
    }

    /** The version of the running jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"docsdk " + (v == null ? "development build" : v)};
        }
    }

    private final Io io;
    private final Root root = new Root();
    private final Map<String, CommandSpec> vendorSpecs = new LinkedHashMap<>();
    private volatile boolean interrupted;

    public Cli(Io io) {
        this.io = io;
    }

    public Io io() {
        return io;
    }

    /** Called from the shutdown hook on Ctrl-C. */
    void interrupted() {
        interrupted = true;
    }

    /** Runs one command line; returns its exit code ({@link ExitCodes}). */
    public int run(String... args) {
        CommandLine cmd;
        try {
            cmd = commandLine();
        } catch (RuntimeException e) {
            io.err().println("docsdk: " + Redactor.text(String.valueOf(e.getMessage())));
            return ExitCodes.FAILURE;
        }
        cmd.setExpandAtFiles(false);
        cmd.setOut(new java.io.PrintWriter(io.out(), true));
        cmd.setErr(new java.io.PrintWriter(io.err(), true));
        cmd.setExecutionExceptionHandler((e, c, parsed) -> fail(e));
        cmd.setParameterExceptionHandler((e, a) -> {
            io.err().println("docsdk: " + usageMessage(e));
            io.err().println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        return cmd.execute(args);
    }

    /**
     * The parse error without the values of unknown options: {@code --api-key sk_live_...} must not echo the key
     * (a secret is never a flag value; the message says where secrets go instead).
     */
    static String usageMessage(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> shown = new ArrayList<>();
            for (String arg : u.getUnmatched()) {
                if (arg.startsWith("-")) {
                    shown.add(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) + "=..." : arg);
                }
            }
            String hint = shown.stream().anyMatch(a -> a.matches("--(api-key|token|client-secret)(=.*)?"))
                    ? " (secrets are never flag values: use --<name>-env VAR or --<name>-file FILE)" : "";
            return shown.isEmpty() ? "unexpected argument(s) after the command"
                    : "unknown option(s): " + String.join(", ", shown) + hint;
        }
        return Redactor.text(e.getMessage());
    }

    int fail(Throwable e) {
        Throwable t = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        int code = interrupted ? ExitCodes.INTERRUPTED : ExitCodes.of(t);
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        io.err().println("docsdk: " + (code == ExitCodes.INTERRUPTED ? "interrupted" : Redactor.text(message)));
        return code;
    }

    CommandLine commandLine() {
        CommandLine cmd = new CommandLine(root);
        for (Vendor v : Vendors.ALL) {
            cmd.addSubcommand(v.name(), vendorCommand(v));
        }
        cmd.addSubcommand("doctor", new Doctor(this));
        cmd.addSubcommand("completion", new Completion());
        return cmd;
    }

    private CommandLine vendorCommand(Vendor v) {
        CommandSpec spec = CommandSpec.create().name(v.name());
        spec.mixinStandardHelpOptions(true);
        spec.usageMessage().description(v.title() + ": its services' operations and flows.");
        for (Setting s : v.settings()) {
            if (s.secret()) {
                spec.addOption(OptionSpec.builder("--" + s.flag() + "-env").paramLabel("VAR").type(String.class)
                        .scopeType(ScopeType.INHERIT)
                        .description("read the " + s.flag() + " from the environment variable VAR (default: "
                                + s.variable() + ")").build());
                spec.addOption(OptionSpec.builder("--" + s.flag() + "-file").paramLabel("FILE").type(Path.class)
                        .scopeType(ScopeType.INHERIT)
                        .description("read the " + s.flag() + " from FILE").build());
            } else {
                spec.addOption(OptionSpec.builder("--" + s.flag()).paramLabel(Operations.label(s.flag()))
                        .type(String.class).scopeType(ScopeType.INHERIT)
                        .description("default: $" + s.variable()).build());
            }
        }
        vendorSpecs.put(v.name(), spec);
        CommandLine vendorCmd = new CommandLine(spec);
        Class<?> clientClass = clientClass(v);
        Operations.of(clientClass).forEach((resource, verbs) -> {
            Operation first = verbs.values().iterator().next();
            CommandLine resourceCmd = Operations.resource(resource, first.accessor().getReturnType());
            verbs.forEach((verb, op) -> resourceCmd.addSubcommand(verb,
                    new CommandLine(Operations.command(op, parsed -> invoke(v, op, parsed)))));
            Flows.extendResource(this, v, resource, resourceCmd);
            vendorCmd.addSubcommand(resource, resourceCmd);
        });
        Flows.addTo(this, v, vendorCmd);
        return vendorCmd;
    }

    static Class<?> clientClass(Vendor v) {
        try {
            return Class.forName(v.clientClass());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the " + v.title() + " module is not on the class path", e);
        }
    }

    // ---------------------------------------------------------------- configuration and clients

    /** The merged configuration (profile < environment < flags) for a vendor, as the SDK's variables. */
    Map<String, String> configuration(Vendor v) {
        String profile = root.profile != null ? root.profile
                : io.env().getOrDefault("DOCSDK_PROFILE", Config.DEFAULT_PROFILE);
        Map<String, String> fromProfile = Config.readProfile(Config.profileFile(io.env(), io.home()), profile);
        Map<String, String> flags = new LinkedHashMap<>();
        CommandSpec spec = vendorSpecs.get(v.name());
        for (Setting s : v.settings()) {
            if (s.secret()) {
                String variable = spec == null ? null : spec.findOption("--" + s.flag() + "-env").getValue();
                Path file = spec == null ? null : spec.findOption("--" + s.flag() + "-file").getValue();
                if (variable != null) {
                    String value = io.env().get(variable);
                    if (value == null || value.isBlank()) {
                        throw new UsageException("--" + s.flag() + "-env " + variable
                                + ": the environment variable is not set");
                    }
                    flags.put(s.variable(), value.strip());
                }
                if (file != null) {
                    try {
                        flags.put(s.variable(), Files.readString(file, StandardCharsets.UTF_8).strip());
                    } catch (IOException e) {
                        throw new UsageException("--" + s.flag() + "-file " + file + ": cannot read it ("
                                + e.getClass().getSimpleName() + ")");
                    }
                }
            } else if (spec != null && spec.findOption("--" + s.flag()).getValue() != null) {
                flags.put(s.variable(), spec.findOption("--" + s.flag()).getValue());
            }
        }
        return Config.merge(fromProfile, io.env(), flags);
    }

    /** A client of {@code v} built by its {@code builder().fromEnv(configuration)}. */
    @SuppressWarnings("unchecked")
    <T> T client(Vendor v, Map<String, String> configuration) {
        try {
            Class<?> c = clientClass(v);
            ClientBuilder<?> b = (ClientBuilder<?>) c.getMethod("builder").invoke(null);
            b.fromEnv(configuration);
            b.applicationName("docsdk-cli");
            io.customizer().accept(b);
            return (T) b.getClass().getMethod("build").invoke(b);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the " + v.title() + " client", e);
        }
    }

    <T> T client(Vendor v) {
        return client(v, configuration(v));
    }

    /** The vendor's Gson ({@code com.docsdk.<vendor>.internal.JSON.getGson()}), which reads and writes its models. */
    static Gson gson(Vendor v) {
        String pkg = v.clientClass().substring(0, v.clientClass().lastIndexOf('.'));
        for (String name : List.of(pkg + ".internal.JSON", pkg + ".generated.invoker.JSON")) {
            try {
                return (Gson) Class.forName(name).getMethod("getGson").invoke(null);
            } catch (ReflectiveOperationException e) {
                // try the next
            }
        }
        return Output.plainGson();
    }

    Output output(Vendor v) {
        Output.Format f = root.output != null ? root.output : Output.Format.defaultFor(io.terminal());
        return new Output(f, v == null ? Output.plainGson() : gson(v), io.out());
    }

    Output.Format format() {
        return root.output != null ? root.output : Output.Format.defaultFor(io.terminal());
    }

    // ---------------------------------------------------------------- operations

    private int invoke(Vendor v, Operation op, CommandSpec parsed) {
        Gson gson = gson(v);
        List<Object> args = new ArrayList<>();
        int i = 0;
        for (Parameter p : op.required()) {
            Object raw = parsed.positionalParameters().get(i++).getValue();
            List<String> texts = raw instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(raw));
            args.add(Values.convert(p.getName(), p.getParameterizedType(), texts, gson, io.in()));
        }
        try {
            if (op.paramsClass() != null) {
                Object builder = op.paramsClass().getMethod("builder").invoke(null);
                for (Map.Entry<String, Method> setter : Operations.optionSetters(op.paramsClass()).entrySet()) {
                    Object value = parsed.findOption("--" + setter.getKey()).getValue();
                    if (value == null || value instanceof List<?> l && l.isEmpty()) {
                        continue;
                    }
                    List<String> texts = value instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                            : List.of(String.valueOf(value));
                    setter.getValue().invoke(builder, Values.convert(setter.getKey(),
                            setter.getValue().getGenericParameterTypes()[0], texts, gson, io.in()));
                }
                args.add(builder.getClass().getMethod("build").invoke(builder));
            }
            if (op.takesOptions()) {
                args.add(RequestOptions.none());
            }
            long max = parsed.findOption("--max-items") == null ? -1L : parsed.findOption("--max-items").getValue();
            try (AutoCloseable client = client(v)) {
                Object service = op.accessor().invoke(client);
                Object result = op.method().invoke(service, args.toArray());
                output(v).print(result, max);
            }
            return ExitCodes.OK;
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
