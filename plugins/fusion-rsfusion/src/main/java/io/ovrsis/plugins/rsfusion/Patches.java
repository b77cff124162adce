package io.ovrsis.plugins.rsfusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/** Non-overlapping r×r patches of token grids: the input of a kernel = stride convolution as rows. */
final class Patches {
    private Patches() {
    }

    /**
     * @param tokens (S, h·w, C) row-major grids
     * @return (S·⌊h/r⌋·⌊w/r⌋, r·r·C) rows, one per output cell of a stride-r convolution, columns over
     *     (patch row, patch column, channel); trailing rows/columns that do not fill a patch are dropped,
     *     as an unpadded convolution does
     */
    static NDArray of(NDArray tokens, int h, int w, int r) {
        Shape s = tokens.getShape();
        long n = s.get(0);
        long c = s.get(2);
        int hr = h / r;
        int wr = w / r;
        NDArray grid = tokens.reshape(n, h, w, c);
        if (hr * r != h || wr * r != w) {
            grid = grid.get(new NDIndex(":, :{}, :{}", hr * r, wr * r));
        }
        return grid.reshape(n, hr, r, wr, r, c).transpose(0, 1, 3, 2, 4, 5).reshape(n * hr * wr, (long) r * r * c);
    }
}
