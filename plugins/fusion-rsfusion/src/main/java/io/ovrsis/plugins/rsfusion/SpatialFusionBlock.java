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
 * and broadcast over the classes; this equals the authors' concatenation up to float rounding. The
 * spatial reductions (kernel = stride) run as matrix products over 2×2 patches of the tokens, which
 * is the same sum and needs no channels-first copy. The attention is PyTorch's fused kernel
 * ({@link FusedAttention}): its scores (45 MB at the paper size) are never materialised.
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

    /**
     * Per-forward inputs shared by every cost map: the guidance halves of q (B, N, C) and of the key
     * input ((B, M, C + G) reduced, else (B, N, C)) with their biases, and weights derived once per
     * forward: q's x-half scaled by head_dim^-0.5 (as is the guidance half), the reductions as patch
     * matrices.
     */
    record Prepared(NDArray query, NDArray key, NDArray queryWeight, NDArray keyWeight, NDArray valueWeight) {
    }

    /** @param tokens projected appearance guidance (B, N, G) of an h×w grid */
    Prepared prepare(NDArray tokens, int h, int w) {
        float scale = Attention.scale(hidden, heads);
        NDArray gq = Ops.scale(q.forwardPart(tokens, hidden, hidden + guidance, true), scale);
        NDArray wq = Ops.scale(q.part(0, hidden, tokens), scale);
        if (reduction == 1) {
            return new Prepared(gq, k.forwardPart(tokens, hidden, hidden + guidance, true), wq, null, null);
        }
        long b = tokens.getShape().get(0);
        NDArray gk = Dense.apply(Patches.of(tokens, h, w, reduction), srK.patchWeight(hidden, hidden + guidance, tokens),
                srK.bias());
        return new Prepared(gq, gk.reshape(b, -1, hidden + guidance), wq, srK.patchWeight(0, hidden, tokens),
                srV.patchWeight(0, hidden, tokens));
    }

    /** x (B, T, N, C) tokens of a h×w grid → same shape. */
    NDArray forward(NDArray x, Prepared g, int h, int w) {
        Shape s = x.getShape();
        long b = s.get(0);
        long t = s.get(1);
        long n = s.get(2);
        long bt = b * t;
        NDArray a = norm1.forward(x); // (B, T, N, C)
        NDArray query = Dense.apply(a, g.queryWeight(), null).add(g.query().expandDims(1)).reshape(bt, n, hidden);
        NDArray key;
        NDArray value;
        if (reduction > 1) {
            NDArray patches = Patches.of(a.reshape(bt, n, hidden), h, w, reduction); // (B·T·M, r·r·C), for sr_k and sr_v
            NDArray kin = Dense.apply(patches, g.keyWeight(), null).reshape(b, t, -1, hidden + guidance)
                    .add(g.key().expandDims(1)).reshape(bt, -1, hidden + guidance);
            key = k.forward(normK.forward(kin));
            NDArray vin = Dense.apply(patches, g.valueWeight(), srV.bias()).reshape(bt, -1, hidden);
            value = v.forward(normV.forward(vin));
        } else {
            key = k.forwardPart(a, 0, hidden, false).add(g.key().expandDims(1)).reshape(bt, n, hidden);
            value = v.forward(a).reshape(bt, n, hidden);
        }
        NDArray y = x.add(proj.forward(Attention.multiHead(query, key, value, heads, true)).reshape(s));
        NDArray gated = GatedMlp.gate(norm2.forward(y), fc1, fc2);
        // (B·T, h, w, C) seen as (B·T, C, h, w): a channels-last image, convolved without a layout copy
        NDArray mixed = fc3.forward(gated).reshape(bt, h, w, hidden).transpose(0, 3, 1, 2);
        NDArray local = dwconv.forward(mixed).transpose(0, 2, 3, 1).reshape(s);
        return y.add(local);
    }
}
