package io.ovrsis.plugins.rscma;

import io.ovrsis.api.testing.PaperEncoders;
import io.ovrsis.api.testing.ReferenceFixtures;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.CostAggregator;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.testing.Tensors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parity with tools/reference/head_reference.py: 4 directions, 2 templates, DINO-like extra cost at
 * twice the cost grid, hidden 16, random weights with non-zero biases.
 */
class RsCmaParityTest {
    private static final double TOL = 1e-4;

    private static RsCmaAggregatorConfig config(List<String> extra) {
        return new RsCmaAggregatorConfig(List.of(0, 90, 180, 270), "dense", extra, "dense", 2, 16,
                CostFusionType.SIMPLE_SEPARATE, 7);
    }

    private static List<FeatureMaps> views(NDManager m) {
        List<FeatureMaps> views = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            views.add(new FeatureMaps(Map.of("dense", ReferenceFixtures.read(m, "view" + n))));
        }
        return views;
    }

    private static TextEmbeddings text(NDManager m) {
        return new TextEmbeddings(ReferenceFixtures.read(m, "text"), List.of("a", "b", "c"), List.of("{}", "a {}"));
    }

    @Test
    void paperPathMatchesPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            CostAggregator a = new RsCmaAggregatorFactory().create(config(List.of("dino")), PaperEncoders.tiny("model.aggregator"));
            ReferenceFixtures.assertNamesMatchReference(a.module());
            ReferenceFixtures.load(a.module(), m);
            List<FeatureMaps> views = views(m);
            Guidance g = new Guidance(views.get(0), Map.of("dino",
                    new FeatureMaps(Map.of("dense", ReferenceFixtures.read(m, "dino_dense")))));
            NDArray cost = a.aggregate(views, g, text(m), false).volume();
            NDArray expected = ReferenceFixtures.read(m, "cost");
            assertThat(cost.getShape()).isEqualTo(expected.getShape());
            double diff = Tensors.maxAbsDiff(cost, expected.toFloatArray());
            System.out.printf("rscma cost: max |diff| %.2e%n", diff);
            assertThat(diff).isLessThanOrEqualTo(TOL);
        }
    }

    @Test
    void catSegPathMatchesPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            CostAggregator a = new RsCmaAggregatorFactory().create(config(List.of()), PaperEncoders.tiny("model.aggregator"));
            ReferenceFixtures.load(a.module(), m);
            List<FeatureMaps> views = views(m);
            NDArray cost = a.aggregate(views, new Guidance(views.get(0), Map.of()), text(m), false).volume();
            double diff = Tensors.maxAbsDiff(cost, ReferenceFixtures.read(m, "cost_no_extra").toFloatArray());
            System.out.printf("rscma cost without extra: max |diff| %.2e%n", diff);
            assertThat(diff).isLessThanOrEqualTo(TOL);
        }
    }
}
