package io.ovrsis.plugins.catseg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.FeatureSpec;
import io.ovrsis.api.model.FusionHead;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.testing.PaperEncoders;
import io.ovrsis.api.testing.TestArrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tiny CPU forward passes: B = 2, T = 3, grid 8, hidden 32. */
class CatSegHeadShapeTest {

    static CatSegHeadConfig tiny(int layers, int window, int pad, ClassAttentionType type) {
        return new CatSegHeadConfig(layers, 32, 4, window, 2, 1, pad, type, 16, 24, "imageEncoder.dense");
    }

    static Guidance guidance(NDManager m, int grid) {
        return new Guidance(new FeatureMaps(Map.of("dense", TestArrays.randn(m, 5, 2, 32, grid, grid))), Map.of());
    }

    static TextEmbeddings text(NDManager m) {
        return new TextEmbeddings(TestArrays.text(m, 6, 3, 2, 32), List.of("a", "b", "c"), List.of("{}", "a {}"));
    }

    static CatSegHead build(CatSegHeadConfig c, BuildContext context, NDManager m) {
        CatSegHead f = (CatSegHead) new CatSegHeadFactory().create(c, context);
        f.module().initialize(m, 3);
        return f;
    }

    private static BuildContext grid(int side) {
        FeatureSpec dense = FeatureSpec.builder().setInputSize(16 * side).addMap("dense", 32, 16).build();
        return PaperEncoders.context("model.fusion", Map.of("imageEncoder", dense), 32);
    }

    @Test
    void keepsTheShapeAndPoolsOnlyWhileTraining() {
        try (NDManager m = NDManager.newBaseManager()) {
            CatSegHead f = build(tiny(2, 4, 8, ClassAttentionType.LINEAR), PaperEncoders.tiny("model.fusion"), m);
            assertThat(f.requiredFeatures()).containsExactly(new FeatureRef("imageEncoder", "dense"));
            NDArray cost = TestArrays.randn(m, 1, 2, 32, 3, 8, 8);
            NDArray train = f.fuse(new CostVolume(cost), guidance(m, 8), text(m), true).volume();
            NDArray eval = f.fuse(new CostVolume(cost), guidance(m, 8), text(m), false).volume();
            assertThat(train.getShape().getShape()).containsExactly(2, 32, 3, 8, 8);
            assertThat(eval.getShape()).isEqualTo(train.getShape());
            assertThat(train.sub(cost).abs().max().getFloat()).isGreaterThan(0f);
            assertThat(train.sub(eval).abs().max().getFloat()).as("pooling 2 vs 1").isGreaterThan(1e-3f);
            List<NDArray> layers = f.fuseWithLayerOutputs(new CostVolume(cost), guidance(m, 8), text(m), true);
            assertThat(layers).hasSize(2);
            assertThat(layers.get(1).sub(train).abs().max().getFloat()).isEqualTo(0f);
        }
    }

    @Test
    void fullAttentionAndNoPadding() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (CatSegHeadConfig c : List.of(tiny(1, 4, 8, ClassAttentionType.FULL), tiny(1, 4, 0, ClassAttentionType.LINEAR),
                    tiny(1, 4, 0, ClassAttentionType.FULL))) {
                FusionHead f = build(c, PaperEncoders.tiny("model.fusion"), m);
                NDArray out = f.fuse(new CostVolume(TestArrays.randn(m, 1, 2, 32, 3, 8, 8)), guidance(m, 8), text(m),
                        true).volume();
                assertThat(out.getShape().getShape()).as(c.toString()).containsExactly(2, 32, 3, 8, 8);
            }
        }
    }

    @Test
    void gridNoLargerThanTheWindowIsOneUnshiftedWindow() {
        try (NDManager m = NDManager.newBaseManager()) {
            CatSegHead f = build(tiny(1, 12, 8, ClassAttentionType.LINEAR), PaperEncoders.tiny("model.fusion"), m);
            assertThat(f.derivedBuffers(m)).isEmpty();
            NDArray out = f.fuse(new CostVolume(TestArrays.randn(m, 1, 2, 32, 3, 8, 8)), guidance(m, 8), text(m), true)
                    .volume();
            assertThat(out.getShape().getShape()).containsExactly(2, 32, 3, 8, 8);
        }
    }

    @Test
    void poolingFloorsAndUpsamplesBack() {
        try (NDManager m = NDManager.newBaseManager()) {
            CatSegHeadConfig c = new CatSegHeadConfig(1, 32, 4, 3, 4, 4, 8, ClassAttentionType.LINEAR, 16, 24,
                    "imageEncoder.dense");
            CatSegHead f = build(c, grid(6), m); // 6x6 grid, 3x3 windows, pooled to 1x1
            NDArray out = f.fuse(new CostVolume(TestArrays.randn(m, 1, 2, 32, 3, 6, 6)), guidance(m, 6), text(m), true)
                    .volume();
            assertThat(out.getShape().getShape()).containsExactly(2, 32, 3, 6, 6);
        }
    }

    @Test
    void wrongInputsAreReported() {
        try (NDManager m = NDManager.newBaseManager()) {
            FusionHead f = build(tiny(1, 4, 8, ClassAttentionType.LINEAR), PaperEncoders.tiny("model.fusion"), m);
            assertThatThrownBy(() -> f.fuse(new CostVolume(TestArrays.randn(m, 1, 2, 16, 3, 8, 8)), guidance(m, 8),
                    text(m), false)).hasMessageContaining("hidden");
            assertThatThrownBy(() -> f.fuse(new CostVolume(TestArrays.randn(m, 1, 2, 32, 3, 6, 6)), guidance(m, 6),
                    text(m), false)).hasMessageContaining("not a multiple of the window 4");
            assertThatThrownBy(() -> f.fuse(new CostVolume(TestArrays.randn(m, 1, 2, 32, 3, 8, 8)), guidance(m, 4),
                    text(m), false)).hasMessageContaining("grid");
        }
    }
}
