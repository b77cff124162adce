package io.ovrsis.runtime.run;

import io.ovrsis.api.component.ProgressReporter;
import io.ovrsis.api.weights.StateDictReader;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * Where things are and how progress is shown.
 *
 * @param projectDir the project root (relative config paths resolve against it)
 * @param pretrainDir weight files ({@code pretrain/})
 * @param datasetsDir dataset roots ({@code datasets/})
 * @param stateDictReader the PyTorch checkpoint reader handed to components
 * @param progress makes progress bars (task, total)
 */
public record RuntimeEnvironment(Path projectDir, Path pretrainDir, Path datasetsDir, StateDictReader stateDictReader,
                                 BiFunction<String, Long, ProgressReporter> progress) {
}
