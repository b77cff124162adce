package io.ovrsis.plugins.rsfusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.LayerNorm;
import io.ovrsis.api.nn.Ops;
import io.ovrsis.api.nn.TensorModule;

/**
 * The spatial block of method.md §3.1 ({@code spatial_fusion.sa.*}): SegFormer attention whose keys
 * come from the spatially reduced concatenation [LN(x), guidance] and whose values come from the
 * reduced LN(x) alone, then a gated ReLU6 MLP followed by a depthwise 7×7 convolution.
 *
 * <p>The guidance half of {@code q} and {@code sr_k} is computed once per image ({@link #prepare})
 * and broadcast over the classes; this equals the authors' concatenation up to float rounding.
 */
final class SpatialFusionBlock extends TensorModule {
    private static final float LN_EPS = 1e-5f;
    private final int hidden;
    private final int guidance;
    private final int heads;
    private final int reduction;
    private final LayerNorm norm1;
    private final LayerNorm norm2;
    private final Dense q;
    private final Dense k;
    private final Dense v;
    private final Dense proj;
    private final BlockConv2d srK;
    private final LayerNorm normK;
    private final BlockConv2d srV;
    private final LayerNorm normV;
    private final Dense fc1;
    private final Dense fc2;
    private final Dense fc3;
    private final BlockConv2d dwconv;

    SpatialFusionBlock(int hidden, int guidance, int heads, int reduction, int mlpRatio) {
        this.hidden = hidden;
        this.guidance = guidance;
        this.heads = heads;
        this.reduction = reduction;
        int both = hidden + guidance;
        Container sa = child("sa", new Container());
        norm1 = sa.add("norm1", new LayerNorm(hidden, LN_EPS));
        Container attn = sa.add("attention", new Container());
        q = attn.add("q", Dense.block(both, hidden));
        k = attn.add("k", Dense.block(both, hidden));
        v = attn.add("v", Dense.block(hidden, hidden));
        proj = attn.add("proj", Dense.block(hidden, hidden));
        if (reduction > 1) {
            srK = attn.add("sr_k", new BlockConv2d(both, both, reduction, reduction, 0, 1));
            normK = attn.add("norm_k", new LayerNorm(both, LN_EPS));
            srV = attn.add("sr_v", new BlockConv2d(hidden, hidden, reduction, reduction, 0, 1));
            normV = attn.add("norm_v", new LayerNorm(hidden, LN_EPS));
        } else {
            srK = null;
            normK = null;
            srV = null;
            normV = null;
        }
        norm2 = sa.add("norm2", new LayerNorm(hidden, LN_EPS));
        Container mlp = sa.add("mlp", new Container());
        int wide = mlpRatio * hidden;
        fc1 = mlp.add("fc1", Dense.block(hidden, wide));
        fc2 = mlp.add("fc2", Dense.block(hidden, wide));
        fc3 = mlp.add("fc3", Dense.block(wide, hidden));
        dwconv = mlp.add("dwconv", new Container()).add("dwconv", new BlockConv2d(hidden, hidden, 7, 1, 3, hidden));
    }

    /** The guidance halves of q and of the key input, per image. */
    record Prepared(NDArray query, NDArray key) {
    }

    /**
     * @param tokens guidance (B, N, G)
     * @param map the same guidance as (B, G, h, w)
     */
    Prepared prepare(NDArray tokens, NDArray map) {
        NDArray gq = q.forwardPart(tokens, hidden, hidden + guidance, true);
        NDArray gk = reduction > 1 ? srK.forwardPart(map, hidden, hidden + guidance, true)
                : k.forwardPart(tokens, hidden, hidden + guidance, true);
        return new Prepared(gq.expandDims(1), gk.expandDims(1));
    }

    /** x (B, T, N, C) tokens of a h×w grid → same shape. */
    NDArray forward(NDArray x, Prepared g, int h, int w) {
        Shape s = x.getShape();
        long b = s.get(0);
        long t = s.get(1);
        long n = s.get(2);
        long bt = b * t;
        NDArray a = norm1.forward(x); // (B, T, N, C)
        NDArray query = q.forwardPart(a, 0, hidden, false).add(g.query()).reshape(bt, n, hidden);
        NDArray key;
        NDArray value;
        if (reduction > 1) {
            NDArray image = a.reshape(bt, h, w, hidden).transpose(0, 3, 1, 2); // (BT, C, h, w)
            NDArray kin = srK.forwardPart(image, 0, hidden, false);
            Shape ks = kin.getShape();
            long m = ks.get(2) * ks.get(3);
            kin = kin.reshape(b, t, hidden + guidance, ks.get(2), ks.get(3)).add(g.key())
                    .reshape(bt, hidden + guidance, m).transpose(0, 2, 1);
            key = k.forward(normK.forward(kin));
            NDArray vin = srV.forward(image).reshape(bt, hidden, m).transpose(0, 2, 1);
            value = v.forward(normV.forward(vin));
        } else {
            key = k.forwardPart(a, 0, hidden, false).add(g.key()).reshape(bt, n, hidden);
            value = v.forward(a).reshape(bt, n, hidden);
        }
        NDArray y = x.add(proj.forward(Attention.multiHead(query, key, value, heads)).reshape(s));
        NDArray m = norm2.forward(y);
        NDArray gated = Ops.relu6(fc1.forward(m)).mul(fc2.forward(m));
        NDArray mixed = fc3.forward(gated).reshape(bt, h, w, hidden).transpose(0, 3, 1, 2);
        NDArray local = dwconv.forward(mixed).transpose(0, 2, 3, 1).reshape(s);
        return y.add(local);
    }
}
