package io.ovrsis.plugins.rscma;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.ovrsis.api.model.FeatureRef;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * YAML block of {@code model.aggregator} with {@code component: rscma}.
 *
 * @param directions input rotations in degrees (counter-clockwise), distinct, from {0, 90, 180, 270};
 *     0 first. One channel per direction and template enters {@code conv1}.
 * @param source feature map of the main image encoder that is correlated with the text
 * @param extraCost auxiliary encoder names ({@code model.auxEncoders}) whose map {@code extraCostFeature}
 *     gives an extra cost each (the paper uses {@code [dino]}); empty = CAT-Seg's single cost
 * @param extraCostFeature the map read from every extra-cost encoder (the DINO last layer, {@code dense})
 * @param templateCount prompt templates P per class that the text encoder produces (1 in the paper);
 *     every template gives its own cost channel, so {@code conv1} takes directions × P inputs
 * @param hidden channels C of the embedded cost volume (B, C, T, h, w)
 * @param fusionType how main and extra costs are combined when {@code extraCost} is not empty
 * @param kernel side of the square embedding convolutions {@code conv1}, {@code conv2},
 *     {@code fusion_corr} (odd; padding kernel/2)
 */
public record RsCmaAggregatorConfig(
        @NotEmpty List<@NotNull Integer> directions,
        @NotBlank String source,
        @NotNull List<@NotBlank String> extraCost,
        @NotBlank String extraCostFeature,
        @Min(1) int templateCount,
        @Min(1) int hidden,
        @NotNull CostFusionType fusionType,
        @Min(1) int kernel) {

    public RsCmaAggregatorConfig {
        // copies that keep null elements, so that validation (not binding) reports them
        directions = directions == null ? null : Collections.unmodifiableList(new ArrayList<>(directions));
        extraCost = extraCost == null ? null : Collections.unmodifiableList(new ArrayList<>(extraCost));
    }

    /** Every key at its default: four directions, no extra cost, hidden 128, 7×7 convolutions. */
    public static RsCmaAggregatorConfig defaults() {
        return new RsCmaAggregatorConfig(List.of(0, 90, 180, 270), "dense", List.of(), "dense", 1, 128,
                CostFusionType.SIMPLE_SEPARATE, 7);
    }

    /** Quarter turns k = degrees / 90 per direction, in order. */
    public int[] quarterTurns() {
        return directions.stream().mapToInt(d -> d / 90).toArray();
    }

    @JsonIgnore
    @AssertTrue(message = "directions must be distinct values from {0, 90, 180, 270} with 0 first, e.g. [0, 90, 180, 270] or [0]")
    public boolean isDirectionsValid() {
        if (directions == null || directions.isEmpty() || directions.stream().anyMatch(d -> d == null)) {
            return true; // reported by @NotEmpty / @NotNull
        }
        return directions.get(0) == 0
                && directions.stream().allMatch(d -> d >= 0 && d < 360 && d % 90 == 0)
                && new HashSet<>(directions).size() == directions.size();
    }

    @JsonIgnore
    @AssertTrue(message = "kernel must be odd (padding is kernel/2), e.g. 7")
    public boolean isKernelOdd() {
        return kernel % 2 == 1;
    }

    @JsonIgnore
    @AssertTrue(message = "fusionType simple_separate fuses exactly one extra cost; use at most one extraCost entry"
            + " or simple_concatenation / simple_mean")
    public boolean isExtraCostFitForFusionType() {
        return extraCost == null || fusionType != CostFusionType.SIMPLE_SEPARATE || extraCost.size() <= 1;
    }

    @JsonIgnore
    @AssertTrue(message = "extraCost names must be distinct and must not be imageEncoder")
    public boolean isExtraCostDistinct() {
        return extraCost == null || (new HashSet<>(extraCost).size() == extraCost.size()
                && !extraCost.contains(FeatureRef.MAIN));
    }
}
