package io.ovrsis.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Exact {@code F.interpolate} (no antialias) on the last two axes, as two matrix products
 * {@code Ry · x · Rxᵀ}. DJL's own interpolation ignores {@code align_corners} and forces antialias,
 * so it cannot be used for bicubic, align_corners=True or downsampling.
 */
public final class Resize {

    /** Interpolation kernel. */
    public enum Mode { BILINEAR, BICUBIC }

    private Resize() {
    }

    /** Resize to (outH, outW); source coordinates from in/out as PyTorch does with {@code size=}. */
    public static NDArray resize(NDArray x, int outH, int outW, Mode mode, boolean alignCorners) {
        Shape s = x.getShape();
        int inH = (int) s.get(s.dimension() - 2);
        int inW = (int) s.get(s.dimension() - 1);
        return apply(x, weights(inH, outH, mode, alignCorners, Double.NaN),
                weights(inW, outW, mode, alignCorners, Double.NaN), outH, outW);
    }

    /**
     * Resize with PyTorch's {@code scale_factor=} semantics: output side floor(in·scale), source
     * coordinate (i + 0.5) / scale − 0.5 (not in/out). DINO's position-embedding resize needs this.
     */
    public static NDArray resizeByScale(NDArray x, double scale, Mode mode) {
        Shape s = x.getShape();
        int inH = (int) s.get(s.dimension() - 2);
        int inW = (int) s.get(s.dimension() - 1);
        int outH = (int) Math.floor(inH * scale);
        int outW = (int) Math.floor(inW * scale);
        return apply(x, weights(inH, outH, mode, false, scale), weights(inW, outW, mode, false, scale), outH, outW);
    }

    private static NDArray apply(NDArray x, float[] ry, float[] rx, int outH, int outW) {
        Shape s = x.getShape();
        int inH = (int) s.get(s.dimension() - 2);
        int inW = (int) s.get(s.dimension() - 1);
        NDManager m = x.getManager();
        // Not closed here: the matrices are created from Java memory, and autograd keeps using them
        // until backward; closing them early lets that memory be reused and corrupts gradients.
        // They belong to the caller's NDScope / manager like any other temporary.
        NDArray my = m.create(ry, new Shape(outH, inH));
        NDArray mxT = m.create(rx, new Shape(outW, inW)).transpose();
        return my.matMul(x).matMul(mxT);
    }

    /** Row-major (out × in) interpolation matrix. {@code scale} NaN means use in/out. */
    public static float[] weights(int in, int out, Mode mode, boolean alignCorners, double scale) {
        float[] w = new float[out * in];
        double ratio;
        if (alignCorners) {
            ratio = out > 1 ? (in - 1) / (double) (out - 1) : 0;
        } else {
            ratio = Double.isNaN(scale) ? in / (double) out : 1.0 / scale;
        }
        for (int i = 0; i < out; i++) {
            double src = alignCorners ? i * ratio : (i + 0.5) * ratio - 0.5;
            if (mode == Mode.BILINEAR) {
                if (!alignCorners && src < 0) {
                    src = 0;
                }
                int i0 = Math.min((int) Math.floor(src), in - 1);
                int i1 = Math.min(i0 + 1, in - 1);
                double l1 = src - i0;
                w[i * in + i0] += (float) (1 - l1);
                w[i * in + i1] += (float) l1;
            } else {
                int i0 = (int) Math.floor(src);
                double t = src - i0;
                double[] c = cubicCoefficients(t);
                for (int k = 0; k < 4; k++) {
                    int idx = Math.max(0, Math.min(in - 1, i0 - 1 + k));
                    w[i * in + idx] += (float) c[k];
                }
            }
        }
        return w;
    }

    /** PyTorch's cubic convolution coefficients, A = −0.75. */
    private static double[] cubicCoefficients(double t) {
        double a = -0.75;
        double x1 = t + 1;
        double x2 = t;
        double x3 = 1 - t;
        double x4 = 2 - t;
        return new double[] {
            ((a * x1 - 5 * a) * x1 + 8 * a) * x1 - 4 * a,
            ((a + 2) * x2 - (a + 3)) * x2 * x2 + 1,
            ((a + 2) * x3 - (a + 3)) * x3 * x3 + 1,
            ((a * x4 - 5 * a) * x4 + 8 * a) * x4 - 4 * a,
        };
    }
}
