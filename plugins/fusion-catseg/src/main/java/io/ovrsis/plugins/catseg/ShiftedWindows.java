package io.ovrsis.plugins.catseg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Window geometry of CAT-Seg's Swin blocks: cyclic shift ({@code torch.roll}), window partition and
 * reverse on (B, T, h, w, C) token grids, and the shifted-window attention mask.
 */
final class ShiftedWindows {
    /** What the authors add to the scores of position pairs from different regions (not -inf). */
    static final float MASK_VALUE = -100f;
    private static final Map<Geometry, float[]> MASKS = new ConcurrentHashMap<>();

    private ShiftedWindows() {
    }

    /**
     * Windows of one block on an h×w grid: side {@code window}, cyclic shift {@code shift} (0 = none).
     */
    record Geometry(int h, int w, int window, int shift) {

        /**
         * The authors' rule: the second block of a pair is shifted by windowSize / 2; a grid whose
         * smaller side is not larger than the window becomes a single window without shift.
         */
        static Geometry of(int h, int w, int windowSize, boolean shifted) {
            if (Math.min(h, w) <= windowSize) {
                return new Geometry(h, w, Math.min(h, w), 0);
            }
            return new Geometry(h, w, windowSize, shifted ? windowSize / 2 : 0);
        }

        boolean tiles() {
            return h % window == 0 && w % window == 0;
        }

        int windows() {
            return (h / window) * (w / window);
        }

        int tokens() {
            return window * window;
        }
    }

    /** {@code torch.roll(x, shifts=(s, s), dims=(axisH, axisW))}: out[i] = x[(i - s) mod n]. */
    static NDArray roll(NDArray x, int shift, int axisH, int axisW) {
        return rollAxis(rollAxis(x, shift, axisH), shift, axisW);
    }

    private static NDArray rollAxis(NDArray x, int shift, int axis) {
        long n = x.getShape().get(axis);
        long s = Math.floorMod(shift, n);
        if (s == 0) {
            return x;
        }
        return x.get(slice(x, axis, n - s, n)).concat(x.get(slice(x, axis, 0, n - s)), axis);
    }

    private static NDIndex slice(NDArray x, int axis, long from, long to) {
        NDIndex index = new NDIndex();
        for (int i = 0; i < axis; i++) {
            index.addAllDim();
        }
        return index.addSliceDim(from, to);
    }

    /** (B, T, h, w, C) → (B, T, nW, window², C), windows in row-major order of the window grid. */
    static NDArray partition(NDArray x, Geometry g) {
        Shape s = x.getShape();
        long nh = g.h() / g.window();
        long nw = g.w() / g.window();
        return x.reshape(s.get(0), s.get(1), nh, g.window(), nw, g.window(), s.get(4))
                .transpose(0, 1, 2, 4, 3, 5, 6)
                .reshape(s.get(0), s.get(1), nh * nw, g.tokens(), s.get(4));
    }

    /** Inverse of {@link #partition}: (B, T, nW, window², C) → (B, T, h, w, C). */
    static NDArray reverse(NDArray windows, Geometry g) {
        Shape s = windows.getShape();
        long nh = g.h() / g.window();
        long nw = g.w() / g.window();
        return windows.reshape(s.get(0), s.get(1), nh, nw, g.window(), g.window(), s.get(4))
                .transpose(0, 1, 2, 4, 3, 5, 6)
                .reshape(s.get(0), s.get(1), g.h(), g.w(), s.get(4));
    }

    /**
     * The attention mask of a shifted block, (nW, window², window²) row major, as the authors'
     * {@code attn_mask} buffer: after the shift each axis splits into the regions [0, n - window),
     * [n - window, n - shift) and [n - shift, n); two positions of a window attend to each other
     * (0) only if they lie in the same region pair, otherwise {@link #MASK_VALUE}.
     */
    static float[] maskValues(Geometry g) {
        if (g.shift() == 0) {
            throw new IllegalArgumentException("an unshifted block has no attention mask: " + g);
        }
        return MASKS.computeIfAbsent(g, ShiftedWindows::computeMask).clone();
    }

    /** {@link #maskValues} as (nW, 1, N, N), to broadcast over heads; created in {@code manager}. */
    static NDArray mask(NDManager manager, Geometry g) {
        float[] v = MASKS.computeIfAbsent(g, ShiftedWindows::computeMask);
        return manager.create(v, new Shape(g.windows(), 1, g.tokens(), g.tokens()));
    }

    private static float[] computeMask(Geometry g) {
        int ws = g.window();
        int nw = g.w() / ws;
        int n = g.tokens();
        float[] out = new float[g.windows() * n * n];
        int[] label = new int[n];
        for (int win = 0; win < g.windows(); win++) {
            int row0 = (win / nw) * ws;
            int col0 = (win % nw) * ws;
            for (int p = 0; p < n; p++) {
                label[p] = 3 * region(row0 + p / ws, g.h(), g) + region(col0 + p % ws, g.w(), g);
            }
            for (int p = 0; p < n; p++) {
                for (int q = 0; q < n; q++) {
                    out[(win * n + p) * n + q] = label[p] == label[q] ? 0f : MASK_VALUE;
                }
            }
        }
        return out;
    }

    private static int region(int i, int size, Geometry g) {
        if (i < size - g.window()) {
            return 0;
        }
        return i < size - g.shift() ? 1 : 2;
    }
}
