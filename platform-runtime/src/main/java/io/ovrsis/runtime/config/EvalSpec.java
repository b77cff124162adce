package io.ovrsis.runtime.config;

import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * Evaluation ({@code eval}).
 *
 * @param datasets dataset readers to evaluate on, each with an optional split; empty by default
 * @param metrics metrics computed on every dataset; {@code [{component: semseg}]} by default
 * @param overlays number of prediction overlay images logged per dataset
 * @param inference how images are fed to the model
 */
public record EvalSpec(List<BoundDataset> datasets, List<BoundComponent> metrics, @Min(0) int overlays,
        InferenceSpec inference) {

    public EvalSpec {
        datasets = List.copyOf(datasets);
        metrics = List.copyOf(metrics);
    }
}
