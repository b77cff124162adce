package io.ovrsis.api.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The class row is kept, the patch rows go through the interpolation, and a frozen table is cached. */
class PositionTableTest {

    private static final class Holder extends TensorModule {
        final Param table;

        Holder(Shape shape) {
            table = param("pos", shape, Init.normal(1.0));
        }
    }

    @Test
    void classRowKeptPatchRowsResizedInRowMajorOrder() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (Shape shape : new Shape[] {new Shape(5, 3), new Shape(1, 5, 3)}) {
                Holder h = new Holder(shape);
                h.initialize(m, 1L);
                h.table.setTrainable(false);
                // nearest "interpolation" to 4x4 by repeating each patch position twice along both axes
                PositionTable t = new PositionTable(h.table, 2, (p, g) -> p.repeat(1, 2).repeat(2, 2));
                NDArray out = t.forGrid(4);
                int rowAxis = shape.dimension() - 2;
                assertThat(out.getShape().get(rowAxis)).isEqualTo(17);
                NDArray pos = h.table.array().reshape(5, 3);
                NDArray got = out.reshape(17, 3);
                assertThat(got.get("0").toFloatArray()).containsExactly(pos.get("0").toFloatArray());
                // output row 1 + y*4 + x comes from patch (y/2, x/2) = input row 1 + (y/2)*2 + x/2
                assertThat(got.get(String.valueOf(1 + 3 * 4 + 2)).toFloatArray())
                        .containsExactly(pos.get(String.valueOf(1 + 2 + 1)).toFloatArray());
                assertThat(t.forGrid(2)).isSameAs(h.table.array());
                assertThat(t.forGrid(4)).as("cached while frozen").isSameAs(out);
                t.invalidate();
                assertThat(t.forGrid(4)).isNotSameAs(out);
                h.table.setTrainable(true);
                assertThat(t.forGrid(4)).isNotSameAs(t.forGrid(4));
            }
        }
    }
}
