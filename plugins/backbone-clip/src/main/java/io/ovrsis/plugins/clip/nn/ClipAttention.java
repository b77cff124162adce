package io.ovrsis.plugins.clip.nn;

import io.ovrsis.api.nn.Ops;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.Linear;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;

/**
 * CLIP's multi-head self-attention in the authors' split layout ({@code model_vpt.Attention}):
 * {@code q_proj_weight}, {@code k_proj_weight}, {@code v_proj_weight} (each D×D), one
 * {@code in_proj_bias} (3D) and {@code out_proj}. Numerically {@code nn.MultiheadAttention} with
 * {@code use_separate_proj_weight=True}: q is divided by √head_dim, an additive mask is added to
 * the logits before the softmax.
 *
 * <p>Activations are batch first, (B, L, D); PyTorch's sequence-first layout only changes the order
 * of the loops, not the values.
 */
public final class ClipAttention extends TensorModule {
    private final int width;
    private final int heads;
    private final Param qProj;
    private final Param kProj;
    private final Param vProj;
    private final Param inProjBias;
    private final Linear outProj;

    /**
     * @param qkvInit initialiser of each of the three projection weights
     * @param outInit initialiser of {@code out_proj.weight} (its bias starts at zero, as in torch)
     */
    public ClipAttention(int width, int heads, Init qkvInit, Init outInit) {
        if (width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " is not divisible by " + heads + " heads");
        }
        this.width = width;
        this.heads = heads;
        Shape square = new Shape(width, width);
        this.qProj = param("q_proj_weight", square, qkvInit);
        this.kProj = param("k_proj_weight", square, qkvInit);
        this.vProj = param("v_proj_weight", square, qkvInit);
        this.inProjBias = param("in_proj_bias", new Shape(3L * width), Init.zeros());
        this.outProj = child("out_proj", new Linear(width, width, true, outInit, Init.zeros()));
    }

    /**
     * Self-attention of x (B, L, D) with an optional additive mask (L, L), e.g. CLIP's causal mask
     * with -inf above the diagonal.
     */
    public NDArray forward(NDArray x, NDArray mask) {
        Shape s = x.getShape();
        long b = s.get(0);
        long len = s.get(1);
        long headDim = width / heads;
        NDArray q = Ops.scale(project(x, qProj, 0), (float) (1.0 / Math.sqrt(headDim)));
        NDArray k = project(x, kProj, 1);
        NDArray v = project(x, vProj, 2);
        q = q.reshape(b, len, heads, headDim).transpose(0, 2, 1, 3);
        k = k.reshape(b, len, heads, headDim).transpose(0, 2, 3, 1);
        v = v.reshape(b, len, heads, headDim).transpose(0, 2, 1, 3);
        NDArray logits = q.matMul(k);
        if (mask != null) {
            logits = logits.add(mask);
        }
        NDArray out = logits.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(b, len, width);
        return outProj.forward(out);
    }

    /**
     * The value path of the authors' dense last block: {@code out_proj(y·Wvᵀ + b_v)} for every token
     * of y (B, L, D). The original also projects q and k through {@code out_proj} and discards them.
     */
    public NDArray projectedValues(NDArray y) {
        return outProj.forward(project(y, vProj, 2));
    }

    /** y·Wᵀ + in_proj_bias[part·D : (part+1)·D]. */
    private NDArray project(NDArray x, Param weight, int part) {
        NDArray bias = inProjBias.array().get((long) part * width + ":" + (long) (part + 1) * width);
        return ai.djl.nn.core.Linear.linear(x, weight.array(), bias).singletonOrThrow();
    }

    public int width() {
        return width;
    }

    public int heads() {
        return heads;
    }
}
