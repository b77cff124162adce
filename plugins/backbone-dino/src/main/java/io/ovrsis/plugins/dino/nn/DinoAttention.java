package io.ovrsis.plugins.dino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
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

    /** x (B, N, D) → (B, N, D), autograd possibly recording. */
    public NDArray forward(NDArray x) {
        return forward(x, true);
    }

    /**
     * x (B, N, D) → (B, N, D). When autograd does not record, the attention is computed in chunks of
     * queries (about {@link #CHUNK_BYTES} of logits each) so that the (B, heads, N, N) logits never
     * exist at once (255 MB at 384 px), and a power-of-two scale is applied to q before the product,
     * which gives bit-identical logits one pass cheaper.
     */
    public NDArray forward(NDArray x, boolean recording) {
        Shape s = x.getShape();
        long b = s.get(0);
        long n = s.get(1);
        long headDim = width / heads;
        float scale = (float) Math.pow(headDim, -0.5);
        // (B, N, 3D) -> (3, B, heads, N, head_dim), as DINO's reshape(B, N, 3, H, d).permute(2, 0, 3, 1, 4)
        NDArray parts = qkv.forward(x).reshape(b, n, 3, heads, headDim).transpose(2, 0, 3, 1, 4);
        NDArray q = parts.get(0);
        NDArray k = parts.get(1);
        NDArray v = parts.get(2);
        NDArray out;
        if (recording) {
            NDArray logits = Ops.scale(q.matMul(k.transpose(0, 1, 3, 2)), scale);
            out = logits.softmax(-1).matMul(v);
        } else {
            out = chunked(q, k, v, scale, b, n);
        }
        return proj.forward(out.transpose(0, 2, 1, 3).reshape(b, n, width));
    }

    /** Target size of one chunk's logits. */
    static final long CHUNK_BYTES = 16L << 20;

    private NDArray chunked(NDArray q, NDArray k, NDArray v, float scale, long b, long n) {
        boolean powerOfTwo = scale == Math.scalb(1f, Math.getExponent(scale));
        NDArray query = powerOfTwo ? Ops.scale(q, scale) : q;
        NDArray keysT = k.transpose(0, 1, 3, 2);
        long rows = Math.max(1, CHUNK_BYTES / (b * heads * n * Float.BYTES));
        NDList outs = new NDList();
        for (long start = 0; start < n; start += rows) {
            long end = Math.min(n, start + rows);
            try (NDScope scope = new NDScope()) {
                NDArray logits = query.get(":, :, " + start + ":" + end + ", :").matMul(keysT);
                if (!powerOfTwo) {
                    logits = Ops.scale(logits, scale);
                }
                NDArray o = logits.softmax(-1).matMul(v);
                NDScope.unregister(o);
                outs.add(o);
            }
        }
        NDArray out = outs.size() == 1 ? outs.get(0) : NDArrays.concat(outs, 2);
        if (outs.size() > 1) {
            outs.close();
        }
        return out;
    }
}
