package io.ovrsis.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The experiment file and its {@code --set} overrides, shared by commands that take an experiment. */
public final class ExperimentOptions {
    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "Experiment YAML file (e.g. experiments/demo.yaml).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a value after all files: dotted path = YAML value, e.g. --set train.iterations=200, "
                    + "--set model.aggregator.directions=[0,180], --set eval.datasets[0].split=val. Repeatable.")
    List<String> overrides = new ArrayList<>();
}
