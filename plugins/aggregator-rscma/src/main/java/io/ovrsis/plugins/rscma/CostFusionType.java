package io.ovrsis.plugins.rscma;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How the main (rotated CLIP) cost is combined with the extra costs (method.md §2 step 5). Only
 * used when {@code extraCost} is not empty; without extra costs {@code conv1} embeds the main cost
 * alone and its output has no sigmoid (method.md §14.4).
 */
public enum CostFusionType {
    /** {@code x0 = σ(fusion_corr(cat[σ(conv1(main)), σ(conv2(extra))])) + σ(conv1(main))}; one extra cost. */
    @JsonProperty("simple_separate")
    SIMPLE_SEPARATE,
    /** {@code x0 = conv1(cat[main, extra...])}. */
    @JsonProperty("simple_concatenation")
    SIMPLE_CONCATENATION,
    /** {@code x0 = conv1(mean over every main and extra channel)}, a single input channel. */
    @JsonProperty("simple_mean")
    SIMPLE_MEAN;

    /** The YAML spelling. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
