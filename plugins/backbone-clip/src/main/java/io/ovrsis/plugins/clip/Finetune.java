package io.ovrsis.plugins.clip;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which CLIP parameters train (method.md §5, the authors' {@code CLIP_FINETUNE}). Names are relative to
 * the tower's root ({@code transformer.resblocks.0.attn.q_proj_weight}).
 */
public enum Finetune {
    /** Nothing trains; the tower runs without an autograd graph. */
    @JsonProperty("frozen")
    FROZEN,
    /** Only {@code q_proj_weight} and {@code v_proj_weight} of every attention layer (RSKT-Seg, CAT-Seg). */
    @JsonProperty("attention")
    ATTENTION,
    /**
     * The authors' {@code full}: every parameter whose name contains {@code transformer} (all blocks);
     * embeddings, {@code ln_pre}/{@code ln_post}/{@code ln_final} and the projections stay frozen.
     */
    @JsonProperty("full")
    FULL,
    /**
     * Every parameter, embeddings and projections included: for towers trained from scratch (the
     * randomly initialised demo), not a mode of the paper.
     */
    @JsonProperty("all")
    ALL;

    /** Whether the parameter with this dotted name trains under this mode. */
    public boolean trains(String name) {
        return switch (this) {
            case FROZEN -> false;
            case ATTENTION -> name.contains("transformer") && name.contains("attn")
                    && (name.contains("q_proj") || name.contains("v_proj"));
            case FULL -> name.contains("transformer");
            case ALL -> true;
        };
    }
}
