package io.ovrsis.plugins.rsfusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import io.ovrsis.api.nn.LayerNorm;
import io.ovrsis.api.nn.Ops;
import io.ovrsis.api.nn.Resize;
import io.ovrsis.api.nn.TensorModule;

/**
 * The class block of method.md §3.2 ({@code class_fusion.sa.*}): average-pool the grid, attend over
 * the T classes at each pooled cell with [LN(x), class guidance] queries and keys, a gated MLP with
 * a trailing ReLU6, then upsample bilinearly (align_corners=True) and add to the un-pooled input.
 * The pooled block keeps its own residuals, so the input is added twice (method.md §14.3).
 */
final class ClassFusionBlock extends TensorModule {
    private static final float LN_EPS = 1e-5f;
    private final int hidden;
    private final int guidance;
    private final int heads;
    private final int pool;
    private final LayerNorm norm1;
    private final LayerNorm norm2;
    private final Dense q;
    private final Dense k;
    private final Dense v;
    private final Dense proj;
    private final Dense fc1;
    private final Dense fc2;
    private final Dense fc3;

    ClassFusionBlock(int hidden, int guidance, int heads, int pool, int mlpRatio) {
        this.hidden = hidden;
        this.guidance = guidance;
        this.heads = heads;
        this.pool = pool;
        Container sa = child("sa", new Container());
        norm1 = sa.add("norm1", new LayerNorm(hidden, LN_EPS));
        Container attn = sa.add("attention", new Container());
        q = attn.add("q", Dense.block(hidden + guidance, hidden));
        k = attn.add("k", Dense.block(hidden + guidance, hidden));
        v = attn.add("v", Dense.block(hidden, hidden));
        proj = attn.add("proj", Dense.block(hidden, hidden));
        norm2 = sa.add("norm2", new LayerNorm(hidden, LN_EPS));
        Container mlp = sa.add("mlp", new Container());
        int wide = mlpRatio * hidden;
        fc1 = mlp.add("fc1", Dense.block(hidden, wide));
        fc2 = mlp.add("fc2", Dense.block(hidden, wide));
        fc3 = mlp.add("fc3", Dense.block(wide, hidden));
    }

    /**
     * Per-forward parts: the class-guidance halves of q (scaled by head_dim^-0.5) and k with their
     * biases, (T, C) each; the x-halves of q (scaled) and k stacked with v for one product.
     */
    record Prepared(NDArray query, NDArray key, Affine qkv) {
    }

    /** @param text projected class guidance (T, G) */
    Prepared prepare(NDArray text) {
        float scale = Attention.scale(hidden, heads);
        NDArray gq = Ops.scale(q.forwardPart(text, hidden, hidden + guidance, true), scale);
        NDArray gk = k.forwardPart(text, hidden, hidden + guidance, true);
        NDArray w = Ops.scale(q.part(0, hidden, text), scale).concat(k.part(0, hidden, text), 0)
                .concat(v.part(0, hidden, text), 0);
        NDArray bias = text.getManager().zeros(new Shape(2L * hidden)).concat(v.bias(), 0); // q, k biases are in gq, gk
        return new Prepared(gq, gk, new Affine(w, bias));
    }

    /** x (B, T, N, C) tokens of a h×w grid → same shape. */
    NDArray forward(NDArray x, Prepared g, int h, int w) {
        Shape s = x.getShape();
        long b = s.get(0);
        long t = s.get(1);
        long hp = h;
        long wp = w;
        NDArray pooled; // (B, h', w', T, C)
        if (pool > 1) {
            // (B·T, h, w, C) seen as (B·T, C, h, w): channels-last, pooled without a layout copy
            NDArray image = x.reshape(b * t, h, w, hidden).transpose(0, 3, 1, 2);
            NDArray p = Pool.avgPool2d(image, new Shape(pool, pool), new Shape(pool, pool), new Shape(0, 0), false, true);
            hp = p.getShape().get(2);
            wp = p.getShape().get(3);
            pooled = p.reshape(b, t, hidden, hp, wp).transpose(0, 3, 4, 1, 2);
        } else {
            pooled = x.reshape(b, t, h, w, hidden).transpose(0, 2, 3, 1, 4);
        }
        NDArray seq = pooled.reshape(b * hp * wp, t, hidden);
        NDArray qkv = g.qkv().apply(norm1.forward(seq)); // (B·h'·w', T, 3C)
        NDArray query = qkv.get(new NDIndex("..., :{}", hidden)).add(g.query());
        NDArray key = qkv.get(new NDIndex("..., {}:{}", hidden, 2 * hidden)).add(g.key());
        NDArray value = qkv.get(new NDIndex("..., {}:", 2 * hidden));
        NDArray y = seq.add(proj.forward(Attention.multiHead(query, key, value, heads, false)));
        y = y.add(Ops.relu6(fc3.forward(GatedMlp.gate(norm2.forward(y), fc1, fc2))));
        NDArray back; // (B, h, w, T·C)
        if (pool > 1) {
            back = upsample(y.reshape(b, hp, wp * t * hidden), h, w, (int) hp, (int) wp, t * hidden);
        } else {
            back = y;
        }
        return x.add(back.reshape(b, (long) h * w, t, hidden).transpose(0, 2, 1, 3));
    }

    /**
     * Bilinear, align_corners=True upsampling of (B, h', w'·K) cells to (B, h, w, K), as {@link Resize}
     * computes it (rows, then columns) but on the cell-major layout: two matrix products and no copy.
     */
    private static NDArray upsample(NDArray cells, int h, int w, int hp, int wp, long k) {
        NDManager m = cells.getManager();
        long b = cells.getShape().get(0);
        // From Java memory: left to the caller's scope, never closed before backward (see api nn docs).
        NDArray rows = m.create(Resize.weights(hp, h, Resize.Mode.BILINEAR, true, Double.NaN), new Shape(h, hp));
        NDArray cols = m.create(Resize.weights(wp, w, Resize.Mode.BILINEAR, true, Double.NaN), new Shape(w, wp));
        NDArray tall = rows.matMul(cells); // (B, h, w'·K)
        return cols.matMul(tall.reshape(b * h, wp, k)).reshape(b, h, w, k);
    }
}
