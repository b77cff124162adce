package io.ovrsis.api.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Ops;
import java.util.Random;

/** Deterministic test tensors: seeded Gaussian arrays and L2-normalised text embeddings. */
public final class TestArrays {
    private TestArrays() {
    }

    public static NDArray randn(NDManager m, long seed, long... shape) {
        Random r = new Random(seed);
        float[] v = new float[Math.toIntExact(new Shape(shape).size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return m.create(v, new Shape(shape));
    }

    /** (T, P, D) text embeddings, L2-normalised over D. */
    public static NDArray text(NDManager m, long seed, int classes, int templates, int dim) {
        return Ops.l2Normalize(randn(m, seed, classes, templates, dim), 2, 1e-12f);
    }
}
