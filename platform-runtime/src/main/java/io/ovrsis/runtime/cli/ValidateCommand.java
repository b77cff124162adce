package io.ovrsis.runtime.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code ovrsis validate FILE}: everything short of allocating tensors, reading weights or data. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check an experiment without running it: resolves extends and --set, binds every component's",
            "config strictly, validates constraints and checks that the components fit together (features, sizes).",
            "Prints all problems at once; exit code 2 if there are any. Reads no weights or data."})
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    OvrsisCommand root;

    @Mixin
    ExperimentOptions options;

    @Override
    public Integer call() {
        try (ExperimentSession s = ExperimentSession.open(root, options)) {
            System.out.println(options.file + ": valid.");
            s.composed().componentIds().forEach((k, id) -> System.out.printf("  %-28s %s%n", k, id));
            s.composed().unusedFeatures().forEach(w -> System.out.println("Note: " + w));
            return UserErrors.OK;
        }
    }
}
