package io.ovrsis.plugins.catseg;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Attention over the classes in CAT-Seg's class aggregation (the authors' {@code ATTENTION_TYPE}). */
public enum ClassAttentionType {
    /**
     * "Transformers are RNNs" linear attention with feature map elu(x) + 1 and eps 1e-6; every released
     * CAT-Seg and RSKT-Seg config uses it.
     */
    @JsonProperty("linear")
    LINEAR,
    /** Softmax attention, scores scaled by head_dim^-0.5. */
    @JsonProperty("full")
    FULL;

    /** The YAML spelling. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
