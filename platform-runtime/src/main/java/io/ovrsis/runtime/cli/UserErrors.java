package io.ovrsis.runtime.cli;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.runtime.config.ConfigException;
import io.ovrsis.runtime.config.ConfigErrors;
import io.ovrsis.runtime.config.LoadedExperiment;
import io.ovrsis.runtime.plugin.PluginException;
import java.io.PrintStream;

/**
 * Turns exceptions into what the user sees: a mistake in input (config, weights, data, plugins) is
 * one message and exit code 2; anything else is an internal error (exit 1) with a hint to rerun with
 * {@code --debug}. Stack traces only with {@code --debug}.
 */
public final class UserErrors {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USER = 2;
    public static final int INTERRUPTED = 130;

    private UserErrors() {
    }

    /** Unwraps Guice's wrappers to the component's own error, if there is one. */
    public static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        for (int i = 0; i < 10 && cur != null; i++) {
            if (cur instanceof ComponentException || cur instanceof ConfigException || cur instanceof PluginException) {
                return cur;
            }
            if (cur instanceof ProvisionException pe && !pe.getErrorMessages().isEmpty()) {
                Throwable c = firstCause(pe.getErrorMessages());
                cur = c != null ? c : cur.getCause();
            } else if (cur instanceof CreationException ce && !ce.getErrorMessages().isEmpty()) {
                Throwable c = firstCause(ce.getErrorMessages());
                cur = c != null ? c : cur.getCause();
            } else {
                cur = cur.getCause();
            }
        }
        return t;
    }

    private static Throwable firstCause(java.util.Collection<Message> messages) {
        return messages.stream().map(Message::getCause).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** Prints the error and returns the exit code. */
    public static int report(Throwable error, LoadedExperiment experiment, boolean debug, PrintStream err) {
        Throwable t = unwrap(error);
        int code;
        if (t instanceof ConfigException ce) {
            err.println(ce.format());
            code = USER;
        } else if (t instanceof ComponentException ce) {
            if (experiment != null && !ce.keyPath().isEmpty()) {
                err.println(ConfigErrors.toConfigException(ce, experiment).format());
            } else {
                err.println(ce.code());
                err.println("  " + (ce.keyPath().isEmpty() ? "" : ce.keyPath() + ": ") + ce.getMessage().replace("\n", "\n  "));
            }
            code = USER;
        } else if (t instanceof PluginException pe) {
            err.println(pe.code());
            err.println("  " + pe.getMessage().replace("\n", "\n  "));
            code = USER;
        } else {
            err.println("OVRSIS-INTERNAL");
            err.println("  " + t.getClass().getSimpleName() + ": " + t.getMessage());
            if (!debug) {
                err.println("  This is a bug or an unexpected environment problem. Rerun with --debug for the stack trace"
                        + " and include it with `./ovrsis doctor` output in a bug report.");
            }
            code = INTERNAL;
        }
        if (debug) {
            error.printStackTrace(err);
        }
        return code;
    }
}
