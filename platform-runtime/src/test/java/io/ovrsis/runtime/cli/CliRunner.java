package io.ovrsis.runtime.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs the CLI in-process as a user would, capturing its exit code, stdout and stderr. */
public final class CliRunner {
    private CliRunner() {
    }

    /** What one command did. */
    public record Result(int code, String out, String err) {
        /** The error codes printed, one per error. */
        public List<String> codes() {
            return err.lines().filter(l -> l.matches("(\\d+\\) )?OVRSIS-[A-Z0-9-]+")).toList();
        }
    }

    /** The project root the tests run against ({@code -Dovrsis.project.dir}, else the parent folder). */
    public static Path project() {
        return Path.of(System.getProperty("ovrsis.project.dir", "..")).toAbsolutePath().normalize();
    }

    public static Result ovrsis(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    public static Result ovrsis(List<String> args) {
        return ovrsis(args.toArray(String[]::new));
    }
}
