package com.docsdk.cli;

/** The {@code docsdk} executable: exits with the code {@link Cli#run(String...)} returns (see {@link ExitCodes}). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        boolean terminal = System.console() != null;
        // Logs go to stderr, and only on a terminal (never in CI or when piped).
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", terminal ? "warn" : "off");
        Cli cli = new Cli(Cli.Io.system(terminal));
        Thread main = Thread.currentThread();
        // Ctrl-C: interrupt the command so downloads remove their temporary file, then let the JVM exit (130).
        Thread hook = new Thread(() -> {
            cli.interrupted();
            main.interrupt();
            try {
                main.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }, "docsdk-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        int code = cli.run(args);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return;                     // interrupted: the hook ends the process with 130
        }
        System.exit(code);
    }
}
