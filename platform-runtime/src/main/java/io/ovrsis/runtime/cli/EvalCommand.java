package io.ovrsis.runtime.cli;

import io.ovrsis.runtime.run.ExperimentRun;
import io.ovrsis.runtime.run.RunMetadata;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ovrsis eval FILE --checkpoint PATH}: evaluate a trained checkpoint on eval.datasets. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a checkpoint on every dataset of eval.datasets, each with its own class names,",
            "and log the results as a new MLflow run."})
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    OvrsisCommand root;

    @Mixin
    ExperimentOptions options;

    @Option(names = "--checkpoint", required = true, paramLabel = "PATH",
            description = "A checkpoint folder (checkpoints/<run id>/iter_<n>) or a run's checkpoint folder (uses its 'latest').")
    Path checkpoint;

    @Option(names = "--run-name", paramLabel = "NAME", description = "Run name (default: eval- + file name + time).")
    String runName;

    @Override
    public Integer call() throws Exception {
        try (ExperimentSession s = ExperimentSession.open(root, options)) {
            String stem = options.file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            RunMetadata meta = new RunMetadata(s.loaded(), s.host().catalog(), root.projectDir(),
                    runName != null ? runName : "eval-" + stem + "-" + java.time.LocalDateTime.now()
                            .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")), "ovrsis eval");
            ExperimentRun.Outcome outcome = new ExperimentRun(s.composed(), ExperimentSession.environment(root.projectDir()),
                    meta, System.out).execute(null, checkpoint);
            RunReport.print(outcome, System.out);
            return UserErrors.OK;
        }
    }
}
