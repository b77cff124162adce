package io.ovrsis.plugins.dino.nn;

import ai.djl.ndarray.NDArray;
import io.ovrsis.api.nn.LayerNorm;
import io.ovrsis.api.nn.TensorModule;

/** A pre-norm DINO block: {@code x + attn(norm1 x)}, then {@code x + mlp(norm2 x)}; LayerNorm eps 1e-6. */
public final class DinoBlock extends TensorModule {
    private final LayerNorm norm1;
    private final DinoAttention attn;
    private final LayerNorm norm2;
    private final DinoMlp mlp;

    public DinoBlock(int width, int heads) {
        this.norm1 = child("norm1", new LayerNorm(width, DinoVisionTransformer.LN_EPS));
        this.attn = child("attn", new DinoAttention(width, heads));
        this.norm2 = child("norm2", new LayerNorm(width, DinoVisionTransformer.LN_EPS));
        this.mlp = child("mlp", new DinoMlp(width));
    }

    /** x (B, N, D) → (B, N, D). */
    public NDArray forward(NDArray x) {
        return forward(x, true);
    }

    /** x (B, N, D) → (B, N, D); without recording, attention runs in query chunks. */
    public NDArray forward(NDArray x, boolean recording) {
        NDArray h = x.add(attn.forward(norm1.forward(x), recording));
        return h.add(mlp.forward(norm2.forward(h)));
    }
}
