package io.ovrsis.plugins.catseg;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.testing.TestArrays;
import io.ovrsis.plugins.catseg.ShiftedWindows.Geometry;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Cyclic shift, window partition and the shifted-window mask, down to which tokens can see which. */
class ShiftedWindowsTest {
    private static final int N = 8;
    private static final int WINDOW = 4;
    private static final int SHIFT = 2;

    @Test
    void rollIsTorchRoll() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(0f, 2 * 5 * 6).reshape(1, 2, 5, 6, 1);
            NDArray rolled = ShiftedWindows.roll(x, -2, 2, 3);
            float[] v = rolled.toFloatArray();
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < 5; i++) {
                    for (int j = 0; j < 6; j++) {
                        // torch.roll(shifts=-2): out[i] = x[(i + 2) mod n]
                        assertThat(v[(c * 5 + i) * 6 + j]).isEqualTo((float) ((c * 5 + (i + 2) % 5) * 6 + (j + 2) % 6));
                    }
                }
            }
            assertThat(ShiftedWindows.roll(rolled, 2, 2, 3).toFloatArray()).containsExactly(x.toFloatArray());
        }
    }

    @Test
    void partitionTakesRowMajorWindowsAndReverses() {
        try (NDManager m = NDManager.newBaseManager()) {
            Geometry g = Geometry.of(N, N, WINDOW, false);
            NDArray x = m.arange(0f, N * N).reshape(1, 1, N, N, 1);
            NDArray windows = ShiftedWindows.partition(x, g);
            assertThat(windows.getShape().getShape()).containsExactly(1, 1, 4, 16, 1);
            // window 1 = rows 0..3, columns 4..7
            assertThat(windows.get("0, 0, 1, :, 0").toFloatArray()).containsExactly(
                    4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31);
            assertThat(ShiftedWindows.reverse(windows, g).toFloatArray()).containsExactly(x.toFloatArray());
        }
    }

    @Test
    void geometryFollowsTheAuthorsRule() {
        assertThat(Geometry.of(24, 24, 12, true)).isEqualTo(new Geometry(24, 24, 12, 6));
        assertThat(Geometry.of(24, 24, 12, false)).isEqualTo(new Geometry(24, 24, 12, 0));
        assertThat(Geometry.of(12, 12, 12, true)).isEqualTo(new Geometry(12, 12, 12, 0));
        assertThat(Geometry.of(8, 10, 12, true)).isEqualTo(new Geometry(8, 10, 8, 0));
        assertThat(Geometry.of(20, 20, 12, true).tiles()).isFalse();
    }

    @Test
    void maskSeparatesTheWrappedRegions() {
        float[] mask = ShiftedWindows.maskValues(Geometry.of(N, N, WINDOW, true));
        assertThat(mask).hasSize(4 * 16 * 16);
        // window 0 (top left) holds no wrapped position: nothing masked
        for (int i = 0; i < 16 * 16; i++) {
            assertThat(mask[i]).isZero();
        }
        // window 3 (bottom right): rows and columns both split 2 + 2, four regions of 4 positions
        int zeros = 0;
        for (int i = 3 * 256; i < 4 * 256; i++) {
            assertThat(mask[i]).isIn(0f, -100f);
            zeros += mask[i] == 0f ? 1 : 0;
        }
        assertThat(zeros).isEqualTo(4 * 4 * 4);
    }

    /** Perturbs one input token of a Swin block and lists the output tokens that changed. */
    private static Set<Integer> reach(boolean shifted, int row, int col) {
        try (NDManager m = NDManager.newBaseManager()) {
            SwinBlock block = new SwinBlock(8, 4, 2, WINDOW, shifted);
            block.initialize(m, 11);
            Geometry g = block.geometry(N, N);
            NDArray x = TestArrays.randn(m, 1, 1, 2, N, N, 8); // B = 1, T = 2
            NDArray guidance = TestArrays.randn(m, 2, 1, N, N, 4);
            NDArray mask = g.shift() > 0 ? ShiftedWindows.mask(m, g) : null;
            SwinBlock.Prepared p = block.prepare(guidance, g);
            NDArray before = block.forward(x, p, g, mask);
            // a random change of one token (a constant one would vanish in LayerNorm)
            NDArray bumped = x.duplicate();
            bumped.set(new ai.djl.ndarray.index.NDIndex("0, :, {}, {}, :", row, col), TestArrays.randn(m, 3, 2, 8));
            NDArray after = block.forward(bumped, p, g, mask);
            float[] change = after.sub(before).abs().reshape(2, N * N, 8).transpose(1, 0, 2).reshape(N * N, 16).max(new int[] {1}).toFloatArray();
            Set<Integer> changed = new HashSet<>();
            for (int i = 0; i < change.length; i++) {
                if (change[i] > 1e-6f) {
                    changed.add(i);
                }
            }
            return changed;
        }
    }

    /** Tokens that (row, col) can reach: same window after the shift and, when shifted, the same region. */
    private static Set<Integer> expected(boolean shifted, int row, int col) {
        int s = shifted ? SHIFT : 0;
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                if (sameWindowAndRegion(Math.floorMod(row - s, N), Math.floorMod(i - s, N), s)
                        && sameWindowAndRegion(Math.floorMod(col - s, N), Math.floorMod(j - s, N), s)) {
                    out.add(i * N + j);
                }
            }
        }
        return out;
    }

    private static boolean sameWindowAndRegion(int a, int b, int shift) {
        return a / WINDOW == b / WINDOW && (shift == 0 || region(a, shift) == region(b, shift));
    }

    private static int region(int i, int shift) {
        return i < N - WINDOW ? 0 : i < N - shift ? 1 : 2;
    }

    @Test
    void plainWindowsSeeTheirOwnTile() {
        assertThat(reach(false, 5, 2)).isEqualTo(expected(false, 5, 2)).hasSize(16)
                .contains(4 * N, 7 * N + 3).doesNotContain(3 * N + 2, 5 * N + 4);
    }

    @Test
    void shiftedWindowsSeeAcrossTheTileBorder() {
        // (3, 5) lies in the shifted window of rows 2..5, columns 2..5
        assertThat(reach(true, 3, 5)).isEqualTo(expected(true, 3, 5)).hasSize(16)
                .contains(2 * N + 2, 5 * N + 5).doesNotContain(N + 5, 3 * N + 6);
    }

    @Test
    void wrappedCornerIsMaskedFromTheOppositeBorder() {
        // (0, 0) is rolled into the bottom-right window together with rows/columns 6 and 7, but the mask
        // keeps it to the 2x2 block it came from
        assertThat(reach(true, 0, 0)).isEqualTo(expected(true, 0, 0))
                .containsExactlyInAnyOrder(0, 1, N, N + 1);
    }
}
