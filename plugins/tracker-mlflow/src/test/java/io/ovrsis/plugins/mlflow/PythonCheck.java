package io.ovrsis.plugins.mlflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short script with the machine's {@code /usr/bin/python3} (which has PyYAML) to compare our
 * output with Python's own; tests using it are skipped where that Python is absent.
 */
final class PythonCheck {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonCheck() {
    }

    /** True when /usr/bin/python3 exists and imports yaml. */
    static boolean available() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            run("import yaml", "");
            return true;
        } catch (IOException | AssertionError e) {
            return false;
        }
    }

    /** Runs {@code script} with {@code stdin}, returns stdout; fails on a non-zero exit. */
    static String run(String script, String stdin) throws IOException {
        Process p = new ProcessBuilder(List.of(PYTHON.toString(), "-c", script)).redirectErrorStream(false).start();
        try (OutputStream os = p.getOutputStream()) {
            os.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out;
        String err;
        try (InputStream is = p.getInputStream(); InputStream es = p.getErrorStream()) {
            out = new String(is.readAllBytes(), StandardCharsets.UTF_8);
            err = new String(es.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("python did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("python failed (" + p.exitValue() + "): " + err);
        }
        return out;
    }
}
