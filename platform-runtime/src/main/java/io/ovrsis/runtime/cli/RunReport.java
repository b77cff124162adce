package io.ovrsis.runtime.cli;

import io.ovrsis.runtime.run.ExperimentRun;
import java.io.PrintStream;
import java.util.Locale;

/** The lines a user reads at the end of a run. */
final class RunReport {
    private RunReport() {
    }

    static void print(ExperimentRun.Outcome o, PrintStream out) {
        out.println();
        out.println("Run " + o.runId() + " FINISHED (" + o.trackingLocation() + ")");
        o.metrics().forEach((k, v) -> {
            if (k.split("/").length == 2) {
                out.printf(Locale.ROOT, "  %-12s %7.2f%n", k, v);
            }
        });
        if (o.lastCheckpoint() != null) {
            out.println("  checkpoint   " + o.lastCheckpoint());
        }
    }
}
