package io.ovrsis.plugins.rscma;

import io.ovrsis.api.testing.TestArrays;

import io.ovrsis.api.testing.PaperEncoders;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.ovrsis.api.model.CostAggregator;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.nn.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Autograd reaches every parameter and the (trainable) image and text features. */
class RsCmaGradientTest {

    @Test
    void gradientsReachParametersAndFeatures() {
        try (NDManager m = NDManager.newBaseManager()) {
            RsCmaAggregatorConfig c = new RsCmaAggregatorConfig(List.of(0, 90, 180, 270), "dense", List.of("dino"),
                    "dense", 1, 16, CostFusionType.SIMPLE_SEPARATE, 7);
            CostAggregator a = new RsCmaAggregatorFactory().create(c, PaperEncoders.tiny("model.aggregator"));
            a.module().initialize(m, 1);
            List<FeatureMaps> views = new ArrayList<>();
            List<NDArray> maps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                NDArray f = TestArrays.randn(m, 10 + i, 2, 32, 8, 8);
                f.setRequiresGradient(true);
                maps.add(f);
                views.add(new FeatureMaps(Map.of("dense", f)));
            }
            NDArray text = TestArrays.text(m, 3, 3, 1, 32);
            text.setRequiresGradient(true);
            Guidance g = new Guidance(views.get(0), Map.of("dino", new FeatureMaps(Map.of("dense",
                    TestArrays.randn(m, 7, 2, 96, 16, 16)))));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = a.aggregate(views, g, new TextEmbeddings(text, List.of("a", "b", "c"), List.of("{}")), true)
                        .volume();
                gc.backward(out.mul(TestArrays.randn(m, 4, 2, 16, 3, 8, 8)).sum());
            }
            for (Map.Entry<String, Param> e : a.module().namedParameters().entrySet()) {
                assertThat(e.getValue().array().getGradient().abs().sum().getFloat()).as(e.getKey()).isGreaterThan(0f);
            }
            for (NDArray f : maps) {
                assertThat(f.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
            }
            assertThat(text.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
        }
    }
}
