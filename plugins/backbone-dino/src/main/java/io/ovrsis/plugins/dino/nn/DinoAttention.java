package io.ovrsis.plugins.dino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.Linear;
import io.ovrsis.api.nn.Ops;
import io.ovrsis.api.nn.TensorModule;

/**
 * DINO's multi-head self-attention: one fused {@code qkv} Linear (D → 3D, with bias) whose output
 * splits as (3, heads, head_dim), logits {@code (q·kᵀ)·head_dim^-0.5} (scaled after the product, as
 * DINO does), softmax, {@code proj} (D → D).
 */
public final class DinoAttention extends TensorModule {
    private final int width;
    private final int heads;
    private final Linear qkv;
    private final Linear proj;

    public DinoAttention(int width, int heads) {
        if (width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " is not divisible by " + heads + " heads");
        }
        this.width = width;
        this.heads = heads;
        this.qkv = child("qkv", new Linear(width, 3 * width, true, Init.truncNormal(DinoVisionTransformer.INIT_STD),
                Init.zeros()));
        this.proj = child("proj", new Linear(width, width, true, Init.truncNormal(DinoVisionTransformer.INIT_STD),
                Init.zeros()));
    }

    /** x (B, N, D) → (B, N, D). */
    public NDArray forward(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long n = s.get(1);
        long headDim = width / heads;
        // (B, N, 3D) -> (3, B, heads, N, head_dim), as DINO's reshape(B, N, 3, H, d).permute(2, 0, 3, 1, 4)
        NDArray parts = qkv.forward(x).reshape(b, n, 3, heads, headDim).transpose(2, 0, 3, 1, 4);
        NDArray q = parts.get(0);
        NDArray k = parts.get(1);
        NDArray v = parts.get(2);
        NDArray logits = Ops.scale(q.matMul(k.transpose(0, 1, 3, 2)), (float) Math.pow(headDim, -0.5));
        NDArray out = logits.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(b, n, width);
        return proj.forward(out);
    }
}
