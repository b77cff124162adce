package io.ovrsis.plugins.rscma;

import io.ovrsis.api.testing.TestArrays;

import io.ovrsis.api.testing.PaperEncoders;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.nn.Ops;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rotate-back on a non-symmetric input: if the encoder were exactly rotation-equivariant, the view of
 * rot90(img, k) would be rot90(F, k); turned back, every direction must give the cost of view 0.
 */
class RsCmaRotationTest {

    private static List<FeatureMaps> rotatedViews(NDArray f, int[] turns) {
        List<FeatureMaps> views = new ArrayList<>();
        for (int k : turns) {
            views.add(new FeatureMaps(Map.of("dense", Ops.rot90(f, k))));
        }
        return views;
    }

    @Test
    void everyTurnedBackDirectionMatchesViewZero() {
        try (NDManager m = NDManager.newBaseManager()) {
            RsCmaAggregatorConfig c = RsCmaAggregatorConfig.defaults();
            RsCmaAggregator a = (RsCmaAggregator) new RsCmaAggregatorFactory().create(c, PaperEncoders.tiny("model.aggregator"));
            // a ramp plus noise: no rotational or mirror symmetry
            NDArray f = TestArrays.randn(m, 1, 2, 32, 8, 8).add(m.arange(64f).reshape(1, 1, 8, 8).mul(0.1f));
            NDArray text = CosineCost.textMatrix(TestArrays.text(m, 2, 3, 1, 32));
            NDArray corr = CosineCost.correlate(a.alignedViews(rotatedViews(f, a.rotations())), text, 1, 3);
            assertThat(corr.getShape().getShape()).containsExactly(2, 4, 3, 8, 8);
            NDArray view0 = corr.get(":, 0");
            for (int n = 1; n < 4; n++) {
                assertThat(corr.get(":, " + n).sub(view0).abs().max().getFloat()).as("direction %d", n).isLessThan(1e-6f);
            }
            // without the rotate-back the channels would differ: the input really is not symmetric
            assertThat(Ops.rot90(f, 1).sub(f).abs().max().getFloat()).isGreaterThan(0.5f);
            assertThat(Ops.rot90(f, 2).sub(f).abs().max().getFloat()).isGreaterThan(0.5f);
        }
    }

    @Test
    void turnsBackByTheInverseQuarterTurn() {
        try (NDManager m = NDManager.newBaseManager()) {
            RsCmaAggregator a = (RsCmaAggregator) new RsCmaAggregatorFactory().create(
                    RsCmaAggregatorConfig.defaults(), PaperEncoders.tiny("model.aggregator"));
            NDArray f = Ops.l2Normalize(TestArrays.randn(m, 4, 1, 32, 8, 8), 1, 1e-12f);
            NDArray aligned = a.alignedViews(rotatedViews(f, a.rotations()));
            for (int n = 0; n < 4; n++) {
                assertThat(aligned.get(":, " + n).sub(f).abs().max().getFloat()).isLessThan(1e-6f);
            }
            // method.md §2: view 1 (k=1) satisfies out[h][w] = in[w][N-1-h] before turning back
            NDArray view1 = Ops.rot90(f, 1);
            assertThat(view1.get("0, 0, 2, 5").getFloat()).isEqualTo(f.get("0, 0, 5, 5").getFloat());
            assertThat(view1.get("0, 0, 1, 6").getFloat()).isEqualTo(f.get("0, 0, 6, 6").getFloat());
            assertThat(view1.get("0, 0, 0, 3").getFloat()).isEqualTo(f.get("0, 0, 3, 7").getFloat());
        }
    }
}
