package io.ovrsis.runtime.cli;

import io.ovrsis.runtime.config.ConfigPrinter;
import io.ovrsis.runtime.config.ExperimentLoader;
import io.ovrsis.runtime.config.LoadedExperiment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code ovrsis print-config FILE}: the resolved YAML with each value's source. */
@Command(name = "print-config", mixinStandardHelpOptions = true,
        description = {"Print the experiment after extends and --set are applied, each value followed by where it came",
            "from (file:line or --set #n). Builds nothing."})
final class PrintConfigCommand implements Callable<Integer> {
    @ParentCommand
    OvrsisCommand root;

    @Mixin
    ExperimentOptions options;

    @Override
    public Integer call() {
        LoadedExperiment loaded = new ExperimentLoader(root.projectDir()).load(options.file, options.overrides);
        root.setCurrentExperiment(loaded);
        System.out.print(ConfigPrinter.print(loaded));
        return UserErrors.OK;
    }
}
