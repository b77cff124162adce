package io.ovrsis.plugins.rsfusion;

import io.ovrsis.api.testing.TestArrays;

import io.ovrsis.api.testing.PaperEncoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.FusionHead;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.model.TextEmbeddings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tiny CPU forward passes: B = 2, T = 3, grid 8, hidden 32. */
class RsFusionHeadShapeTest {

    static RsFusionHeadConfig tiny(int layers, int reduction, int pool) {
        return new RsFusionHeadConfig(layers, 32, 4, reduction, pool, 3, 16, 16, "imageEncoder.dense");
    }

    static Guidance guidance(NDManager m) {
        return new Guidance(new FeatureMaps(Map.of("dense", TestArrays.randn(m, 5, 2, 32, 8, 8))), Map.of());
    }

    static TextEmbeddings text(NDManager m) {
        return new TextEmbeddings(TestArrays.text(m, 6, 3, 1, 32), List.of("a", "b", "c"), List.of("{}"));
    }

    private static RsFusionHead build(RsFusionHeadConfig c, NDManager m) {
        RsFusionHead f = (RsFusionHead) new RsFusionHeadFactory().create(c, PaperEncoders.tiny("model.fusion"));
        f.module().initialize(m, 3);
        return f;
    }

    @Test
    void keepsTheShapeOfTheCostVolume() {
        try (NDManager m = NDManager.newBaseManager()) {
            RsFusionHead f = build(tiny(2, 2, 2), m);
            assertThat(f.requiredFeatures()).containsExactly(new FeatureRef("imageEncoder", "dense"));
            NDArray cost = TestArrays.randn(m, 1, 2, 32, 3, 8, 8);
            NDArray out = f.fuse(new CostVolume(cost), guidance(m), text(m), true).volume();
            assertThat(out.getShape().getShape()).containsExactly(2, 32, 3, 8, 8);
            assertThat(out.sub(cost).abs().max().getFloat()).isGreaterThan(0f);
            List<NDArray> layers = f.fuseWithLayerOutputs(new CostVolume(cost), guidance(m), text(m));
            assertThat(layers).hasSize(2);
            assertThat(layers.get(1).sub(out).abs().max().getFloat()).isEqualTo(0f);
        }
    }

    @Test
    void withoutReductionOrPooling() {
        try (NDManager m = NDManager.newBaseManager()) {
            FusionHead f = build(tiny(1, 1, 1), m);
            NDArray out = f.fuse(new CostVolume(TestArrays.randn(m, 1, 2, 32, 3, 8, 8)), guidance(m), text(m), false)
                    .volume();
            assertThat(out.getShape().getShape()).containsExactly(2, 32, 3, 8, 8);
        }
    }

    @Test
    void oddGridFloorsThePoolingAndUpsamplesBack() {
        try (NDManager m = NDManager.newBaseManager()) {
            FusionHead f = build(tiny(1, 2, 2), m);
            Guidance g = new Guidance(new FeatureMaps(Map.of("dense", TestArrays.randn(m, 5, 2, 32, 7, 7))), Map.of());
            NDArray out = f.fuse(new CostVolume(TestArrays.randn(m, 1, 2, 32, 3, 7, 7)), g, text(m), false).volume();
            assertThat(out.getShape().getShape()).containsExactly(2, 32, 3, 7, 7);
        }
    }

    @Test
    void classBlockAddsItsResidualTwice() {
        try (NDManager m = NDManager.newBaseManager()) {
            FusionHead f = build(tiny(1, 2, 2), m);
            // silence the spatial block and the class block's attention/MLP outputs
            for (String p : List.of("spatial_fusion.sa.attention.proj", "spatial_fusion.sa.mlp.dwconv.dwconv",
                    "class_fusion.sa.attention.proj", "class_fusion.sa.mlp.fc3")) {
                io.ovrsis.api.nn.Param w = f.module().namedParameters().get("layers.0." + p + ".weight");
                w.load(new float[Math.toIntExact(w.shape().size())]);
            }
            // spatially constant maps: pooling and the align_corners upsampling give back the same map
            NDArray cost = TestArrays.randn(m, 2, 2, 32, 3, 1, 1).broadcast(2, 32, 3, 8, 8);
            NDArray out = f.fuse(new CostVolume(cost), guidance(m), text(m), false).volume();
            assertThat(out.sub(cost.mul(2f)).abs().max().getFloat()).isLessThan(1e-5f);
        }
    }

    @Test
    void wrongHiddenIsReported() {
        try (NDManager m = NDManager.newBaseManager()) {
            FusionHead f = build(tiny(1, 2, 2), m);
            assertThatThrownBy(() -> f.fuse(new CostVolume(TestArrays.randn(m, 1, 2, 16, 3, 8, 8)), guidance(m),
                    text(m), false)).hasMessageContaining("hidden");
        }
    }
}
