package io.ovrsis.plugins.rsfusion;

import io.ovrsis.api.nn.Ops;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Multi-head scaled dot-product attention with explicit products, scale head_dim^-0.5. */
final class Attention {
    private Attention() {
    }

    /**
     * @param q (S, N, C)
     * @param k (S, M, C)
     * @param v (S, M, C)
     * @return softmax(q kᵀ · d^-0.5) v per head, heads concatenated: (S, N, C)
     */
    static NDArray multiHead(NDArray q, NDArray k, NDArray v, int heads) {
        Shape qs = q.getShape();
        long s = qs.get(0);
        long n = qs.get(1);
        long c = qs.get(2);
        long m = k.getShape().get(1);
        long d = c / heads;
        // scaling q (N·C values) instead of the scores (N·M per head) is the same product, cheaper
        NDArray qh = Ops.scale(q, (float) Math.pow(d, -0.5)).reshape(s, n, heads, d).transpose(0, 2, 1, 3);
        NDArray kh = k.reshape(s, m, heads, d).transpose(0, 2, 3, 1);
        NDArray vh = v.reshape(s, m, heads, d).transpose(0, 2, 1, 3);
        NDArray weights = qh.matMul(kh).softmax(3);
        return weights.matMul(vh).transpose(0, 2, 1, 3).reshape(s, n, c);
    }
}
