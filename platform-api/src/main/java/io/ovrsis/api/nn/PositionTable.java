package io.ovrsis.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;

/**
 * A ViT position table: a parameter of 1 + g0² rows of width D (after leading axes of size 1, as DINO
 * stores it), the class row first. For another g × g grid the class row is kept and the g0 × g0 patch
 * rows are resized by the tower's own {@link Interpolation} (CLIP: bicubic to the size; DINO: bicubic
 * with a fixed scale factor). While the parameter is frozen the resized table is computed once and
 * cached; a trainable table is resized on every call so that gradients reach it.
 */
public final class PositionTable {
    /** Resizes patch positions (D, g0, g0) to (D, g, g). */
    @FunctionalInterface
    public interface Interpolation {
        NDArray resize(NDArray patches, int grid);
    }

    private final Param table;
    private final int pretrainedGrid;
    private final Interpolation interpolation;
    private NDArray cached;
    private int cachedGrid = -1;

    public PositionTable(Param table, int pretrainedGrid, Interpolation interpolation) {
        this.table = table;
        this.pretrainedGrid = pretrainedGrid;
        this.interpolation = interpolation;
    }

    /** The table for a g × g grid, shaped like the parameter with 1 + g² rows. */
    public NDArray forGrid(int grid) {
        if (grid == pretrainedGrid) {
            return table.array();
        }
        if (table.trainable()) {
            return resized(grid);
        }
        if (cachedGrid != grid || cached == null) {
            invalidate();
            try (NDScope scope = new NDScope()) {
                cached = resized(grid);
                NDScope.unregister(cached);
            }
            cachedGrid = grid;
        }
        return cached;
    }

    /** Drops the cached table (after loading new weights or changing trainability). */
    public void invalidate() {
        if (cached != null) {
            cached.close();
            cached = null;
        }
        cachedGrid = -1;
    }

    private NDArray resized(int grid) {
        NDArray pos = table.array();
        Shape s = pos.getShape();
        int rowAxis = s.dimension() - 2;
        long width = s.get(rowAxis + 1);
        String lead = ":, ".repeat(rowAxis);
        NDArray cls = pos.get(lead + "0:1, :");
        NDArray patches = pos.get(lead + "1:, :").reshape(pretrainedGrid, pretrainedGrid, width).transpose(2, 0, 1);
        NDArray rows = interpolation.resize(patches, grid).transpose(1, 2, 0).reshape((long) grid * grid, width);
        for (int i = 0; i < rowAxis; i++) {
            rows = rows.expandDims(0);
        }
        return NDArrays.concat(new NDList(cls, rows), rowAxis);
    }
}
