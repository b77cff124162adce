package io.ovrsis.plugins.catseg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.LayerNorm;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.Resize;
import io.ovrsis.api.nn.TensorModule;

/**
 * The class half of a CAT-Seg layer ({@code attention}): average-pool every cost map, pad the T class
 * tokens at each pooled cell to {@code pad_len} with {@code padding_tokens} (class guidance padded with
 * {@code padding_guidance}), attend over them with [LN(x), class guidance] queries/keys and LN(x)
 * values (no output projection), add a ReLU MLP of width 4·C, upsample bilinearly with
 * align_corners=True, keep the T real classes and add the result to the un-pooled input. The pooled
 * sequence keeps its own residuals, so the input enters twice.
 */
final class ClassAggregation extends TensorModule {
    private static final float LN_EPS = 1e-5f;
    private final int hidden;
    private final int guidance;
    private final int heads;
    private final int padLength;
    private final ClassAttentionType type;
    private final Param paddingTokens;
    private final Param paddingGuidance;
    private final Dense q;
    private final Dense k;
    private final Dense v;
    private final Dense mlpIn;
    private final Dense mlpOut;
    private final LayerNorm norm1;
    private final LayerNorm norm2;

    ClassAggregation(int hidden, int guidance, int heads, int padLength, ClassAttentionType type) {
        this.hidden = hidden;
        this.guidance = guidance;
        this.heads = heads;
        this.padLength = padLength;
        this.type = type;
        // plain parameters of the module: detectron2's optimizer gives them weight decay
        paddingTokens = padLength > 0 ? param("padding_tokens", new Shape(1, 1, hidden), Init.zeros()) : null;
        paddingGuidance = padLength > 0 ? param("padding_guidance", new Shape(1, 1, guidance), Init.zeros()) : null;
        Container attention = child("attention", new Container());
        q = attention.add("q", new Dense(hidden + guidance, hidden));
        k = attention.add("k", new Dense(hidden + guidance, hidden));
        v = attention.add("v", new Dense(hidden, hidden));
        Container mlp = child("MLP", new Container());
        mlpIn = mlp.add("0", new Dense(hidden, 4 * hidden));
        mlpOut = mlp.add("2", new Dense(4 * hidden, hidden));
        norm1 = child("norm1", new LayerNorm(hidden, LN_EPS));
        norm2 = child("norm2", new LayerNorm(hidden, LN_EPS));
    }

    /**
     * @param x tokens (B, T, h, w, C)
     * @param textGuidance projected class guidance (T, G)
     * @param pool average-pooling window (1 = none)
     * @return the same shape as x
     */
    NDArray forward(NDArray x, NDArray textGuidance, int pool) {
        Shape s = x.getShape();
        long b = s.get(0);
        long t = s.get(1);
        int h = Math.toIntExact(s.get(2));
        int w = Math.toIntExact(s.get(3));
        long hp = h;
        long wp = w;
        NDArray cells; // (B, h', w', T, C)
        if (pool > 1) {
            NDArray maps = x.reshape(b * t, h, w, hidden).transpose(0, 3, 1, 2);
            NDArray p = Pool.avgPool2d(maps, new Shape(pool, pool), new Shape(pool, pool), new Shape(0, 0), false, true);
            hp = p.getShape().get(2);
            wp = p.getShape().get(3);
            cells = p.reshape(b, t, hidden, hp, wp).transpose(0, 3, 4, 1, 2);
        } else {
            cells = x.transpose(0, 2, 3, 1, 4);
        }
        NDArray seq = cells.reshape(b * hp * wp, t, hidden);
        NDArray a = norm1.forward(seq);
        NDArray query = q.forwardPart(a, 0, hidden, false).add(q.forwardPart(textGuidance, hidden, hidden + guidance, true));
        NDArray key = k.forwardPart(a, 0, hidden, false).add(k.forwardPart(textGuidance, hidden, hidden + guidance, true));
        NDArray value = v.forward(a);
        ClassAttention.Padding pad = padding(x.getManager(), t);
        NDArray attended = type == ClassAttentionType.LINEAR ? ClassAttention.linear(query, key, value, heads, pad)
                : ClassAttention.full(query, key, value, heads, pad);
        NDArray y = seq.add(attended);
        y = y.add(mlpOut.forward(Activation.relu(mlpIn.forward(norm2.forward(y)))));
        NDArray back;
        if (pool > 1) {
            NDArray grid = y.reshape(b, hp, wp, t, hidden).transpose(0, 3, 4, 1, 2); // (B, T, C, h', w')
            back = Resize.resize(grid, h, w, Resize.Mode.BILINEAR, true).transpose(0, 1, 3, 4, 2);
        } else {
            back = y.reshape(b, h, w, t, hidden).transpose(0, 3, 1, 2, 4);
        }
        return x.add(back);
    }

    /** The padding token's key and value for T classes, or none when T ≥ pad_len (or pad_len is 0). */
    private ClassAttention.Padding padding(NDManager manager, long classes) {
        int extra = padLength > 0 ? Math.toIntExact(Math.max(0, padLength - classes)) : 0;
        if (extra == 0) {
            return ClassAttention.Padding.NONE;
        }
        NDArray token = paddingTokens.array().reshape(1, hidden);
        token.attach(manager); // per-call views: keep them out of the model's manager
        NDArray tokenGuidance = paddingGuidance.array().reshape(1, guidance);
        tokenGuidance.attach(manager);
        NDArray a = norm1.forward(token);
        NDArray key = k.forwardPart(a, 0, hidden, false).add(k.forwardPart(tokenGuidance, hidden, hidden + guidance, true));
        return new ClassAttention.Padding(key.reshape(hidden), v.forward(a).reshape(hidden), extra);
    }
}
