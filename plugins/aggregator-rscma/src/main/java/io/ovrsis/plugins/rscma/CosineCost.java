package io.ovrsis.plugins.rscma;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Ops;

/** The cosine image–text cost of method.md §2 step 3, as one batched matrix product. */
final class CosineCost {
    /** {@code F.normalize} eps of the authors' code. */
    static final float EPS = 1e-12f;

    private CosineCost() {
    }

    /**
     * Text (T, P, D) → L2-normalised over D, laid out as (D, P·T) with column p·T + t, ready to be
     * the right operand of a product.
     */
    static NDArray textMatrix(NDArray text) {
        Shape s = text.getShape();
        long t = s.get(0);
        long p = s.get(1);
        long d = s.get(2);
        return Ops.l2Normalize(text, 2, EPS).transpose(1, 0, 2).reshape(p * t, d).transpose();
    }

    /**
     * {@code corr[b, n·P + p, t, h, w] = Σ_c f[b, n, c, h, w] · text[t, p, c]}.
     *
     * @param features (B, N, D, h, w), already L2-normalised over D
     * @param textMatrix (D, P·T) from {@link #textMatrix}
     * @return (B, N·P, T, h, w)
     */
    static NDArray correlate(NDArray features, NDArray textMatrix, int templates, int classes) {
        Shape s = features.getShape();
        long b = s.get(0);
        long n = s.get(1);
        long d = s.get(2);
        long h = s.get(3);
        long w = s.get(4);
        NDArray tokens = features.reshape(b, n, d, h * w).transpose(0, 1, 3, 2);
        NDArray corr = tokens.matMul(textMatrix);
        return corr.transpose(0, 1, 3, 2).reshape(b, n * templates, classes, h, w);
    }
}
