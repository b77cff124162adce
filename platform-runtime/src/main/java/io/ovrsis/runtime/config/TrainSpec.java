package io.ovrsis.runtime.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The optimisation schedule ({@code train}); AdamW with linear warmup.
 *
 * @param iterations optimizer steps; required
 * @param lr base learning rate
 * @param weightDecay AdamW weight decay
 * @param betas AdamW betas, two values in [0, 1)
 * @param eps AdamW epsilon
 * @param warmupIters linear warmup steps
 * @param gradClipNorm clip the gradient norm to this; 0 turns clipping off
 * @param checkpointEvery save a checkpoint every n steps; 0 saves only at the end
 * @param checkpointDir where checkpoints go, relative to the project; each run writes {@code <dir>/<run id>/iter_<n>/}
 * @param logEvery log training metrics every n steps
 * @param evalEvery evaluate every n steps; 0 evaluates only at the end
 */
public record TrainSpec(
        @PositiveOrZero long iterations,
        @Positive double lr,
        @PositiveOrZero double weightDecay,
        @NotNull @Size(min = 2, max = 2)
        List<@NotNull @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double> betas,
        @Positive double eps,
        @PositiveOrZero long warmupIters,
        @PositiveOrZero double gradClipNorm,
        @PositiveOrZero long checkpointEvery,
        @NotBlank String checkpointDir,
        @Positive long logEvery,
        @PositiveOrZero long evalEvery) {

    public TrainSpec {
        betas = betas == null ? null : Collections.unmodifiableList(new ArrayList<>(betas));
    }

    /** Every default, with the given number of iterations (which has no default). */
    public static TrainSpec defaults(long iterations) {
        return new TrainSpec(iterations, 2e-4, 1e-4, List.of(0.9, 0.999), 1e-8, 0, 0.01, 0, "checkpoints", 10, 0);
    }
}
