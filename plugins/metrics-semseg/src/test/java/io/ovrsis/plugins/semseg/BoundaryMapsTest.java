package io.ovrsis.plugins.semseg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BoundaryMapsTest {

    @Test
    void uniformMapKeepsOnlyTheRingNextToTheZeroPadding() {
        int[] ones = new int[25];
        java.util.Arrays.fill(ones, 1);
        int[] b = BoundaryMaps.boundary(ones, 5, 5);
        assertThat(BoundaryMaps.dilation(5, 5)).isEqualTo(1);
        int[] expected = {
            1, 1, 1, 1, 1,
            1, 0, 0, 0, 1,
            1, 0, 0, 0, 1,
            1, 0, 0, 0, 1,
            1, 1, 1, 1, 1};
        assertThat(b).containsExactly(expected);
    }

    @Test
    void dilationUsesPythonRoundHalfToEven() {
        assertThat(BoundaryMaps.dilation(640, 640)).isEqualTo(18);   // 0.02 · 905.1 = 18.1
        assertThat(BoundaryMaps.dilation(96, 96)).isEqualTo(3);      // 2.71
        assertThat(BoundaryMaps.dilation(3, 4)).isEqualTo(1);        // 0.1 → max(1, 0)
        assertThat(BoundaryMaps.dilation(75, 100)).isEqualTo(2);     // 0.02 · 125 = 2.5 → 2 (half to even)
        assertThat(BoundaryMaps.dilation(105, 140)).isEqualTo(4);    // 0.02 · 175 = 3.5 → 4
    }

    @Test
    void equalsIteratedThreeByThreeErosionOfTheZeroPaddedMap() {
        Random random = new Random(7);
        int[][] sizes = {{9, 13}, {30, 40}, {75, 100}, {2, 2}, {1, 60}};
        for (int[] size : sizes) {
            int h = size[0];
            int w = size[1];
            int[] mask = new int[h * w];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = random.nextInt(4) == 0 ? random.nextInt(6) : (i / w) / 5 % 3;
            }
            assertThat(BoundaryMaps.boundary(mask, h, w)).as("%dx%d", h, w)
                    .containsExactly(referenceBoundary(mask, h, w, BoundaryMaps.dilation(h, w)));
        }
    }

    /** The OpenCV recipe step by step: pad, erode d times (out-of-image neighbours ignored), crop. */
    private static int[] referenceBoundary(int[] mask, int h, int w, int d) {
        int ph = h + 2;
        int pw = w + 2;
        int[] padded = new int[ph * pw];
        for (int r = 0; r < h; r++) {
            System.arraycopy(mask, r * w, padded, (r + 1) * pw + 1, w);
        }
        for (int it = 0; it < d; it++) {
            int[] next = new int[padded.length];
            for (int r = 0; r < ph; r++) {
                for (int c = 0; c < pw; c++) {
                    int m = Integer.MAX_VALUE;
                    for (int dr = -1; dr <= 1; dr++) {
                        for (int dc = -1; dc <= 1; dc++) {
                            int rr = r + dr;
                            int cc = c + dc;
                            if (rr >= 0 && rr < ph && cc >= 0 && cc < pw) {
                                m = Math.min(m, padded[rr * pw + cc]);
                            }
                        }
                    }
                    next[r * pw + c] = m;
                }
            }
            padded = next;
        }
        int[] out = new int[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                out[r * w + c] = mask[r * w + c] - padded[(r + 1) * pw + c + 1];
            }
        }
        return out;
    }
}
