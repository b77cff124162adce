package io.ovrsis.plugins.dino;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which DINO parameters train: the authors' {@code DINO_FINETUNE} (RSKT-Seg's
 * {@code build_dino_set_finetune}, GSNet's {@code from_config}). Names are the tower's own
 * ({@code blocks.0.attn.qkv.weight}).
 */
public enum Finetune {
    /** Nothing trains (RSKT-Seg's setting); the tower runs without an autograd graph. */
    @JsonProperty("frozen")
    FROZEN,
    /** Every {@code attn.qkv.weight} and the position table {@code pos_embed}. */
    @JsonProperty("attention")
    ATTENTION,
    /** Every parameter. */
    @JsonProperty("full")
    FULL;

    /** Whether the parameter with this dotted name trains under this mode. */
    public boolean trains(String name) {
        return switch (this) {
            case FROZEN -> false;
            case ATTENTION -> name.contains("attn.qkv.weight") || name.contains("pos_embed");
            case FULL -> true;
        };
    }
}
