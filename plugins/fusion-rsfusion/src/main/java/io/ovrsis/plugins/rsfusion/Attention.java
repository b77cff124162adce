package io.ovrsis.plugins.rsfusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Multi-head scaled dot-product attention with explicit products, scale head_dim^-0.5. */
final class Attention {
    private Attention() {
    }

    /** head_dim^-0.5, the factor the queries carry into {@link #multiHead}. */
    static float scale(int hidden, int heads) {
        return (float) Math.pow(hidden / heads, -0.5);
    }

    /**
     * @param q (S, N, C) queries already multiplied by {@link #scale} (callers fold it into the query
     *     weights once per forward: fewer values than q, and exact for the power-of-two scales of
     *     head_dim 16 or 4)
     * @param k (S, M, C)
     * @param v (S, M, C)
     * @param fused use {@link FusedAttention} (falls back to the explicit products if unavailable)
     * @return softmax(q kᵀ) v per head, heads concatenated: (S, N, C)
     */
    static NDArray multiHead(NDArray q, NDArray k, NDArray v, int heads, boolean fused) {
        Shape qs = q.getShape();
        long s = qs.get(0);
        long n = qs.get(1);
        long c = qs.get(2);
        long m = k.getShape().get(1);
        long d = c / heads;
        NDArray qh = q.reshape(s, n, heads, d).transpose(0, 2, 1, 3);
        NDArray vh = v.reshape(s, m, heads, d).transpose(0, 2, 1, 3);
        NDArray out = fused ? FusedAttention.attend(qh, k.reshape(s, m, heads, d).transpose(0, 2, 1, 3), vh) : null;
        if (out == null) {
            NDArray weights = qh.matMul(k.reshape(s, m, heads, d).transpose(0, 2, 3, 1)).softmax(3);
            out = weights.matMul(vh);
        }
        return out.transpose(0, 2, 1, 3).reshape(s, n, c);
    }
}
