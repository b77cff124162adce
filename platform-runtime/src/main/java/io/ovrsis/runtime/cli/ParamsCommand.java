package io.ovrsis.runtime.cli;

import io.ovrsis.api.model.ModelComponent;
import io.ovrsis.runtime.model.ParameterCounter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ovrsis params FILE}: parameter counts from shapes, with the experiment's freezing rules. */
@Command(name = "params", mixinStandardHelpOptions = true,
        description = {"Print total and trainable parameter counts per component and in sum, computed from the",
            "declared shapes with the experiment's freezing rules (no weights are loaded or allocated)."})
final class ParamsCommand implements Callable<Integer> {
    @ParentCommand
    OvrsisCommand root;

    @Mixin
    ExperimentOptions options;

    @Option(names = "--list", description = "Also list every parameter: component, name, shape, trainable or frozen,"
            + " learning-rate multiplier.")
    boolean list;

    @Override
    public Integer call() {
        try (ExperimentSession s = ExperimentSession.open(root, options)) {
            Map<String, ModelComponent> components = s.composed().model().components();
            if (list) {
                System.out.print(ParameterCounter.list(components));
                System.out.println();
            }
            System.out.print(ParameterCounter.format(ParameterCounter.count(components, s.composed().componentIds())));
            return UserErrors.OK;
        }
    }
}
