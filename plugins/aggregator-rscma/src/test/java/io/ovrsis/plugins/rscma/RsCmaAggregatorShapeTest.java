package io.ovrsis.plugins.rscma;

import io.ovrsis.api.testing.TestArrays;

import io.ovrsis.api.testing.PaperEncoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.CostAggregator;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.nn.Ops;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tiny CPU forward passes: B = 2, T = 3, cost grid 8, DINO-like grid 16. */
class RsCmaAggregatorShapeTest {

    private static RsCmaAggregatorConfig config(List<Integer> directions, List<String> extra, CostFusionType type) {
        return new RsCmaAggregatorConfig(directions, "dense", extra, "dense", 1, 16, type, 7);
    }

    private static CostAggregator build(RsCmaAggregatorConfig c, NDManager m) {
        CostAggregator a = new RsCmaAggregatorFactory().create(c, PaperEncoders.tiny("model.aggregator"));
        a.module().initialize(m, 11);
        return a;
    }

    private static List<FeatureMaps> views(NDManager m, int count) {
        List<FeatureMaps> v = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            v.add(new FeatureMaps(Map.of("dense", TestArrays.randn(m, 100 + i, 2, 32, 8, 8))));
        }
        return v;
    }

    private static Guidance guidance(NDManager m, List<FeatureMaps> views) {
        return new Guidance(views.get(0), Map.of("dino", new FeatureMaps(Map.of("dense",
                TestArrays.randn(m, 7, 2, 96, 16, 16)))));
    }

    private static TextEmbeddings text(NDManager m) {
        return new TextEmbeddings(TestArrays.text(m, 3, 3, 1, 32), List.of("a", "b", "c"), List.of("{}"));
    }

    @Test
    void paperConfigurationGivesHiddenChannelsPerClassAndCell() {
        try (NDManager m = NDManager.newBaseManager()) {
            CostAggregator a = build(config(List.of(0, 90, 180, 270), List.of("dino"), CostFusionType.SIMPLE_SEPARATE), m);
            assertThat(a.rotations()).containsExactly(0, 1, 2, 3);
            assertThat(a.requiredFeatures()).containsExactly(new FeatureRef("imageEncoder", "dense"),
                    new FeatureRef("dino", "dense"));
            List<FeatureMaps> v = views(m, 4);
            NDArray out = a.aggregate(v, guidance(m, v), text(m), false).volume();
            assertThat(out.getShape().getShape()).containsExactly(2, 16, 3, 8, 8);
            // σ(fused) + σ(clip) lies in (0, 2)
            assertThat(out.min().getFloat()).isGreaterThan(0f);
            assertThat(out.max().getFloat()).isLessThan(2f);
        }
    }

    @Test
    void withoutExtraCostConv1OutputHasNoSigmoid() {
        try (NDManager m = NDManager.newBaseManager()) {
            CostAggregator a = build(config(List.of(0), List.of(), CostFusionType.SIMPLE_SEPARATE), m);
            List<FeatureMaps> v = views(m, 1);
            NDArray out = a.aggregate(v, guidance(m, v), text(m), false).volume();
            assertThat(out.getShape().getShape()).containsExactly(2, 16, 3, 8, 8);
            assertThat(out.min().getFloat()).isLessThan(0f);
        }
    }

    @Test
    void concatenationAndMeanVariantsRun() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (CostFusionType t : List.of(CostFusionType.SIMPLE_CONCATENATION, CostFusionType.SIMPLE_MEAN)) {
                CostAggregator a = build(config(List.of(0, 180), List.of("dino"), t), m);
                List<FeatureMaps> v = views(m, 2);
                assertThat(a.aggregate(v, guidance(m, v), text(m), true).volume().getShape().getShape())
                        .containsExactly(2, 16, 3, 8, 8);
            }
        }
    }

    @Test
    void costChannelsAreCosinesInDirectionThenTemplateOrder() {
        try (NDManager m = NDManager.newBaseManager()) {
            RsCmaAggregator a = (RsCmaAggregator) build(config(List.of(0, 90), List.of(), CostFusionType.SIMPLE_SEPARATE), m);
            List<FeatureMaps> v = views(m, 2);
            NDArray text = TestArrays.text(m, 5, 3, 2, 32);
            NDArray corr = CosineCost.correlate(a.alignedViews(v), CosineCost.textMatrix(text), 2, 3);
            assertThat(corr.getShape().getShape()).containsExactly(2, 4, 3, 8, 8);
            // channel n*P + p, class t, cell (h, w) = <normalised view n at (h, w), text[t, p]>
            NDArray f1 = Ops.rot90(Ops.l2Normalize(v.get(1).get("dense"), 1, 1e-12f), -1);
            float expected = f1.get("1, :, 2, 5").mul(text.get("2, 1, :")).sum().getFloat();
            assertThat(corr.get("1, 3, 2, 2, 5").getFloat()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void wrongTemplateCountIsReported() {
        try (NDManager m = NDManager.newBaseManager()) {
            CostAggregator a = build(config(List.of(0), List.of(), CostFusionType.SIMPLE_SEPARATE), m);
            List<FeatureMaps> v = views(m, 1);
            TextEmbeddings twoTemplates = new TextEmbeddings(TestArrays.text(m, 3, 3, 2, 32), List.of("a", "b", "c"),
                    List.of("{}", "a {}"));
            assertThatThrownBy(() -> a.aggregate(v, guidance(m, v), twoTemplates, false))
                    .hasMessageContaining("templateCount");
        }
    }
}
