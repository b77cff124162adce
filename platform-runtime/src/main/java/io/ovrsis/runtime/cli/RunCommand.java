package io.ovrsis.runtime.cli;

import io.ovrsis.runtime.run.ExperimentRun;
import io.ovrsis.runtime.run.RunMetadata;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ovrsis run FILE}: train, evaluate and track. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Train and evaluate an experiment and log the run to MLflow (tracking.uri, tracking.experiment).",
            "Validates everything first: a config mistake exits with code 2 before any run is created.",
            "Checkpoints go to <train.checkpointDir>/<run id>/iter_<n>/; prints the run id and final metrics."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    OvrsisCommand root;

    @Mixin
    ExperimentOptions options;

    @Option(names = "--run-name", paramLabel = "NAME", description = "Run name (default: file name + time).")
    String runName;

    @Option(names = "--resume", paramLabel = "CHECKPOINT",
            description = "Continue training from a checkpoint folder (model, optimizer state, iteration).")
    Path resume;

    @Override
    public Integer call() throws Exception {
        try (ExperimentSession s = ExperimentSession.open(root, options)) {
            RunMetadata meta = new RunMetadata(s.loaded(), s.host().catalog(), root.projectDir(), runName, "ovrsis run");
            ExperimentRun.Outcome outcome = new ExperimentRun(s.composed(), ExperimentSession.environment(root.projectDir()),
                    meta, System.out).execute(resume, null);
            RunReport.print(outcome, System.out);
            return UserErrors.OK;
        }
    }
}
