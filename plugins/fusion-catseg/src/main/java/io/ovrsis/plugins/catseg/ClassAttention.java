package io.ovrsis.plugins.catseg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.ovrsis.api.nn.Ops;

/**
 * Multi-head attention over the class axis with the authors' padding: the T class tokens are followed by
 * {@code extra} copies of one padding token. The copies are identical, so their keys and values are
 * computed once and their share of the attention sums is added {@code extra} times in closed form;
 * their own outputs are never needed (the authors drop them after upsampling).
 */
final class ClassAttention {
    private static final float LINEAR_EPS = 1e-6f;

    private ClassAttention() {
    }

    /**
     * Key and value of the padding token, (C) each, and how many copies follow the classes.
     * {@link #NONE} when there is no padding.
     */
    record Padding(NDArray key, NDArray value, int extra) {
        static final Padding NONE = new Padding(null, null, 0);
    }

    /**
     * Linear attention ("Transformers are RNNs") with φ(x) = elu(x) + 1, over S = T + extra keys:
     * out = S · φ(q)·Σ φ(k)(v/S)ᵀ / (φ(q)·Σ φ(k) + 1e-6), per head.
     *
     * @param q (n, T, C)
     * @param k (n, T, C)
     * @param v (n, T, C)
     * @return (n, T, C)
     */
    static NDArray linear(NDArray q, NDArray k, NDArray v, int heads, Padding pad) {
        Shape s = q.getShape();
        long n = s.get(0);
        long t = s.get(1);
        long c = s.get(2);
        long d = c / heads;
        float length = t + pad.extra();
        NDArray fq = feature(q).reshape(n, t, heads, d).transpose(0, 2, 1, 3); // (n, H, T, d)
        NDArray fk = feature(k).reshape(n, t, heads, d).transpose(0, 2, 1, 3);
        NDArray vs = Ops.scale(v, 1f / length).reshape(n, t, heads, d).transpose(0, 2, 1, 3);
        NDArray kv = fk.transpose(0, 1, 3, 2).matMul(vs); // (n, H, d, d)
        NDArray kSum = fk.sum(new int[] {2}); // (n, H, d)
        if (pad.extra() > 0) {
            NDArray fkPad = feature(pad.key()).reshape(heads, d, 1);
            NDArray vPad = Ops.scale(pad.value(), 1f / length).reshape(heads, 1, d);
            kv = kv.add(Ops.scale(fkPad.matMul(vPad), pad.extra()));
            kSum = kSum.add(Ops.scale(fkPad.reshape(heads, d), pad.extra()));
        }
        NDArray numerator = fq.matMul(kv); // (n, H, T, d)
        NDArray denominator = Scalars.plus(fq.matMul(kSum.expandDims(3)), LINEAR_EPS); // (n, H, T, 1)
        return Ops.scale(numerator.div(denominator), length).transpose(0, 2, 1, 3).reshape(n, t, c);
    }

    /**
     * Softmax attention with scores scaled by head_dim^-0.5; the padding copies enter the softmax as
     * one extra score raised by log(extra).
     */
    static NDArray full(NDArray q, NDArray k, NDArray v, int heads, Padding pad) {
        Shape s = q.getShape();
        long n = s.get(0);
        long t = s.get(1);
        long c = s.get(2);
        long d = c / heads;
        float scale = (float) Math.pow(d, -0.5);
        NDArray qh = q.reshape(n, t, heads, d).transpose(0, 2, 1, 3); // (n, H, T, d)
        NDArray kh = k.reshape(n, t, heads, d).transpose(0, 2, 3, 1); // (n, H, d, T)
        NDArray vh = v.reshape(n, t, heads, d).transpose(0, 2, 1, 3);
        NDArray scores = Ops.scale(qh.matMul(kh), scale); // (n, H, T, T)
        NDArray out;
        if (pad.extra() > 0) {
            NDArray padScore = Scalars.plus(Ops.scale(qh.matMul(pad.key().reshape(heads, d, 1)), scale),
                    (float) Math.log(pad.extra())); // (n, H, T, 1)
            NDArray weights = scores.concat(padScore, 3).softmax(3);
            NDArray toClasses = weights.get(new NDIndex("..., 0:{}", t));
            NDArray toPadding = weights.get(new NDIndex("..., {}:", t));
            out = toClasses.matMul(vh).add(toPadding.matMul(pad.value().reshape(heads, 1, d)));
        } else {
            out = scores.softmax(3).matMul(vh);
        }
        return out.transpose(0, 2, 1, 3).reshape(n, t, c);
    }

    /** elu(x) + 1. */
    private static NDArray feature(NDArray x) {
        return Scalars.plus(Activation.elu(x, 1f), 1f);
    }
}
