package io.ovrsis.runtime.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The project's git commit, if git and a repository are there (for the run's source tags). */
public final class GitInfo {
    private GitInfo() {
    }

    public static Optional<String> commit(Path dir) {
        return git(dir, "rev-parse", "HEAD");
    }

    public static Optional<String> branch(Path dir) {
        return git(dir, "rev-parse", "--abbrev-ref", "HEAD");
    }

    private static Optional<String> git(Path dir, String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "git";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false).start();
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
