package io.ovrsis.plugins.clip.nn;

import ai.djl.ndarray.NDArray;
import io.ovrsis.api.nn.LayerNorm;
import io.ovrsis.api.nn.TensorModule;

/**
 * A pre-LN CLIP transformer block ({@code ln_1}, {@code attn}, {@code ln_2}, {@code mlp}; LayerNorm
 * eps 1e-5), with the authors' dense variant of the last image block (method.md §1.3).
 */
public final class ResidualAttentionBlock extends TensorModule {
    /** CLIP's LayerNorm epsilon. */
    public static final float LN_EPS = 1e-5f;

    private final LayerNorm ln1;
    private final ClipAttention attn;
    private final LayerNorm ln2;
    private final ClipMlp mlp;

    public ResidualAttentionBlock(int width, int heads, ClipInits inits) {
        this.ln1 = child("ln_1", new LayerNorm(width, LN_EPS));
        this.attn = child("attn", new ClipAttention(width, heads, inits.qkv(), inits.outProj()));
        this.ln2 = child("ln_2", new LayerNorm(width, LN_EPS));
        this.mlp = child("mlp", new ClipMlp(width, inits.fc(), inits.proj()));
    }

    /** {@code x + attn(ln_1 x)}, then {@code x + mlp(ln_2 x)}; x (B, L, D), mask (L, L) or null. */
    public NDArray forward(NDArray x, NDArray mask) {
        NDArray h = x.add(attn.forward(ln1.forward(x), mask));
        return h.add(mlp.forward(ln2.forward(h)));
    }

    /**
     * The authors' {@code forward_dense} (value–value path, no q·k attention):
     * {@code v = out_proj(ln_1(x)·Wvᵀ + b_v) + x[:, 0]} (the CLS token of the block input, broadcast
     * to every position), then {@code v + mlp(ln_2 v)}.
     */
    public NDArray forwardDense(NDArray x) {
        NDArray cls = x.get(":, 0:1, :");
        NDArray v = attn.projectedValues(ln1.forward(x)).add(cls);
        return v.add(mlp.forward(ln2.forward(v)));
    }

    public ClipAttention attention() {
        return attn;
    }
}
