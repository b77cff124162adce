package io.ovrsis.plugins.mlflow;

import io.ovrsis.api.track.RunStatus;
import io.ovrsis.api.track.TrackedRun;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a run as KILLED when the JVM shuts down while it is still running (Ctrl-C, SIGTERM), so
 * that no run stays RUNNING; {@link #disarm()} removes the hook once the run has ended normally.
 */
final class ShutdownGuard {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownGuard.class);

    private final Thread hook;

    private ShutdownGuard(Thread hook) {
        this.hook = hook;
    }

    static ShutdownGuard register(TrackedRun run, String description) {
        Thread hook = new Thread(() -> {
            try {
                if (!run.ended()) {
                    run.end(RunStatus.KILLED);
                }
            } catch (IOException | RuntimeException e) {
                LOG.error("could not mark {} as KILLED at shutdown: {}", description, e.toString());
            }
        }, "mlflow-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return new ShutdownGuard(hook);
    }

    /** Called once the run has ended; a no-op inside the hook itself (the JVM is shutting down). */
    void disarm() {
        if (Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down: the hook runs, sees the run ended and does nothing
            LOG.debug("shutdown in progress; hook for the run stays registered");
        }
    }
}
