package io.ovrsis.plugins.catseg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.LayerNorm;
import io.ovrsis.api.nn.Ops;
import io.ovrsis.api.nn.TensorModule;
import io.ovrsis.plugins.catseg.ShiftedWindows.Geometry;

/**
 * CAT-Seg's guided Swin block ({@code swin_block.block_1} / {@code block_2}): window attention whose
 * queries and keys see [LN(x), normed appearance guidance] and whose values see LN(x) only, without a
 * relative position bias; then a GELU MLP of width 4·C. Both with residuals.
 *
 * <p>Every step but the attention acts per token, so the cyclic shift is applied to LN(x) and the
 * guidance before the projections and undone on the attention output, and the guidance halves of
 * q and k are projected once per image ({@link #prepare}) and broadcast over the classes.
 */
final class SwinBlock extends TensorModule {
    private static final float LN_EPS = 1e-5f;
    private final int hidden;
    private final int guidance;
    private final int heads;
    private final int windowSize;
    private final boolean shifted;
    private final LayerNorm norm1;
    private final Dense q;
    private final Dense k;
    private final Dense v;
    private final Dense proj;
    private final LayerNorm norm2;
    private final Dense fc1;
    private final Dense fc2;

    SwinBlock(int hidden, int guidance, int heads, int windowSize, boolean shifted) {
        this.hidden = hidden;
        this.guidance = guidance;
        this.heads = heads;
        this.windowSize = windowSize;
        this.shifted = shifted;
        norm1 = child("norm1", new LayerNorm(hidden, LN_EPS));
        Container attn = child("attn", new Container());
        q = attn.add("q", new Dense(hidden + guidance, hidden));
        k = attn.add("k", new Dense(hidden + guidance, hidden));
        v = attn.add("v", new Dense(hidden, hidden));
        proj = attn.add("proj", new Dense(hidden, hidden));
        norm2 = child("norm2", new LayerNorm(hidden, LN_EPS));
        Container mlp = child("mlp", new Container());
        fc1 = mlp.add("fc1", new Dense(hidden, 4 * hidden));
        fc2 = mlp.add("fc2", new Dense(4 * hidden, hidden));
    }

    /** This block's windows on an h×w grid. */
    Geometry geometry(int h, int w) {
        return Geometry.of(h, w, windowSize, shifted);
    }

    /** The guidance halves of q and k (with their biases) in this block's window layout, (B, 1, nW, N, C). */
    record Prepared(NDArray query, NDArray key) {
    }

    /** @param normedGuidance {@code guidance_norm} of the projected guidance, (B, h, w, G) */
    Prepared prepare(NDArray normedGuidance, Geometry g) {
        NDArray gs = g.shift() > 0 ? ShiftedWindows.roll(normedGuidance, -g.shift(), 1, 2) : normedGuidance;
        NDArray windows = ShiftedWindows.partition(gs.expandDims(1), g);
        return new Prepared(q.forwardPart(windows, hidden, hidden + guidance, true),
                k.forwardPart(windows, hidden, hidden + guidance, true));
    }

    /**
     * @param x tokens (B, T, h, w, C)
     * @param mask {@link ShiftedWindows#mask} of {@code g}, null when {@code g} has no shift
     * @return the same shape
     */
    NDArray forward(NDArray x, Prepared prepared, Geometry g, NDArray mask) {
        Shape s = x.getShape();
        long bt = s.get(0) * s.get(1);
        long windows = bt * g.windows();
        int n = g.tokens();
        int d = hidden / heads;
        NDArray a = norm1.forward(x);
        if (g.shift() > 0) {
            a = ShiftedWindows.roll(a, -g.shift(), 2, 3);
        }
        NDArray aw = ShiftedWindows.partition(a, g); // (B, T, nW, N, C)
        NDArray query = q.forwardPart(aw, 0, hidden, false).add(prepared.query());
        NDArray key = k.forwardPart(aw, 0, hidden, false).add(prepared.key());
        NDArray qh = Ops.scale(query, (float) Math.pow(d, -0.5)).reshape(windows, n, heads, d).transpose(0, 2, 1, 3);
        NDArray kh = key.reshape(windows, n, heads, d).transpose(0, 2, 3, 1);
        NDArray vh = v.forward(aw).reshape(windows, n, heads, d).transpose(0, 2, 1, 3);
        NDArray scores = qh.matMul(kh); // (B·T·nW, heads, N, N)
        if (mask != null) {
            scores = scores.reshape(bt, g.windows(), heads, n, n).add(mask).reshape(windows, heads, n, n);
        }
        NDArray attended = scores.softmax(3).matMul(vh).transpose(0, 2, 1, 3)
                .reshape(s.get(0), s.get(1), g.windows(), n, hidden);
        NDArray out = ShiftedWindows.reverse(proj.forward(attended), g);
        if (g.shift() > 0) {
            out = ShiftedWindows.roll(out, g.shift(), 2, 3);
        }
        NDArray y = x.add(out);
        return y.add(fc2.forward(Ops.gelu(fc1.forward(norm2.forward(y)))));
    }
}
