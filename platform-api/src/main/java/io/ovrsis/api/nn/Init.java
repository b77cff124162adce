package io.ovrsis.api.nn;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Parameter initialisers, matching PyTorch's rules. Values are generated in Java from a seed. */
@FunctionalInterface
public interface Init {

    float[] values(Shape shape, SplittableRandom rng);

    static Init constant(float value) {
        return (shape, rng) -> {
            float[] v = new float[Math.toIntExact(shape.size())];
            Arrays.fill(v, value);
            return v;
        };
    }

    static Init zeros() {
        return constant(0f);
    }

    static Init ones() {
        return constant(1f);
    }

    /** U(-bound, bound). */
    static Init uniform(double bound) {
        return (shape, rng) -> {
            float[] v = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
            }
            return v;
        };
    }

    /** N(0, std²). */
    static Init normal(double std) {
        return (shape, rng) -> {
            float[] v = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (gaussian(rng) * std);
            }
            return v;
        };
    }

    /** {@code trunc_normal_(std)}: N(0, std²) redrawn outside [-2, 2] (absolute, as timm). */
    static Init truncNormal(double std) {
        return (shape, rng) -> {
            float[] v = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < v.length; i++) {
                double x;
                do {
                    x = gaussian(rng) * std;
                } while (x < -2 || x > 2);
                v[i] = (float) x;
            }
            return v;
        };
    }

    /**
     * PyTorch's default for Linear/Conv weights and biases ({@code kaiming_uniform_(a=√5)} and the
     * matching bias rule): U(-1/√fanIn, 1/√fanIn).
     */
    static Init torchDefault(long fanIn) {
        return uniform(1.0 / Math.sqrt(fanIn));
    }

    private static double gaussian(SplittableRandom rng) {
        // Box–Muller; SplittableRandom has no nextGaussian on Java 17
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
