package io.ovrsis.plugins.rsfusion;

import ai.djl.ndarray.NDArray;
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

    /** The class-guidance halves of q and k, (T, C) each. */
    record Prepared(NDArray query, NDArray key) {
    }

    /** @param text projected class guidance (T, G) */
    Prepared prepare(NDArray text) {
        return new Prepared(q.forwardPart(text, hidden, hidden + guidance, true),
                k.forwardPart(text, hidden, hidden + guidance, true));
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
            NDArray image = x.reshape(b * t, h, w, hidden).transpose(0, 3, 1, 2);
            NDArray p = Pool.avgPool2d(image, new Shape(pool, pool), new Shape(pool, pool), new Shape(0, 0), false, true);
            hp = p.getShape().get(2);
            wp = p.getShape().get(3);
            pooled = p.reshape(b, t, hidden, hp, wp).transpose(0, 3, 4, 1, 2);
        } else {
            pooled = x.reshape(b, t, h, w, hidden).transpose(0, 2, 3, 1, 4);
        }
        NDArray seq = pooled.reshape(b * hp * wp, t, hidden);
        NDArray a = norm1.forward(seq);
        NDArray query = q.forwardPart(a, 0, hidden, false).add(g.query());
        NDArray key = k.forwardPart(a, 0, hidden, false).add(g.key());
        NDArray y = seq.add(proj.forward(Attention.multiHead(query, key, v.forward(a), heads)));
        NDArray m = norm2.forward(y);
        y = y.add(Ops.relu6(fc3.forward(Ops.relu6(fc1.forward(m)).mul(fc2.forward(m)))));
        NDArray back; // (B, T, N, C)
        if (pool > 1) {
            NDArray grid = y.reshape(b, hp, wp, t, hidden).transpose(0, 3, 4, 1, 2); // (B, T, C, h', w')
            NDArray up = Resize.resize(grid, h, w, Resize.Mode.BILINEAR, true);
            back = up.transpose(0, 1, 3, 4, 2).reshape(s);
        } else {
            back = y.reshape(b, h, w, t, hidden).transpose(0, 3, 1, 2, 4).reshape(s);
        }
        return x.add(back);
    }
}
