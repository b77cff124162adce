package io.ovrsis.runtime.cli;

import java.util.Arrays;
import picocli.CommandLine;

/** Entry point of {@code ovrsis}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int run(String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        if (debug) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.INFO);
        }
        OvrsisCommand root = new OvrsisCommand();
        CommandLine cli = new CommandLine(root);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) ->
                UserErrors.report(ex, root.currentExperiment(), debug, System.err));
        cli.setParameterExceptionHandler((ex, argv) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println(ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
            cmd.getErr().println("Run `ovrsis " + (cmd == cli ? "" : cmd.getCommandName() + " ") + "--help` for usage.");
            return UserErrors.USER;
        });
        try {
            return cli.execute(args);
        } catch (Throwable t) {
            return UserErrors.report(t, root.currentExperiment(), debug, System.err);
        }
    }
}
