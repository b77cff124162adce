package io.ovrsis.plugins.rstransfer;

import io.ovrsis.api.testing.TestArrays;

import io.ovrsis.api.testing.PaperEncoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.Decoder;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.Guidance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tiny CPU forward passes: B = 2, T = 3, cost grid 8 → logits 32×32. */
class RsTransferDecoderShapeTest {

    static RsTransferDecoderConfig tiny(List<String> guidance) {
        return new RsTransferDecoderConfig(32, guidance, List.of("block3", "block7"), Map.of(), "dense",
                List.of(32, 16), List.of(8, 4), List.of(32, 16), RsTransferDecoderConfig.paperModuleNames());
    }

    static Guidance guidance(NDManager m) {
        FeatureMaps main = new FeatureMaps(Map.of("dense", TestArrays.randn(m, 1, 2, 32, 8, 8),
                "block3", TestArrays.randn(m, 2, 2, 48, 8, 8), "block7", TestArrays.randn(m, 3, 2, 48, 8, 8)));
        FeatureMaps remote = new FeatureMaps(Map.of("block3", TestArrays.randn(m, 4, 2, 64, 8, 8),
                "block7", TestArrays.randn(m, 5, 2, 64, 8, 8)));
        FeatureMaps dino = new FeatureMaps(Map.of("dense", TestArrays.randn(m, 6, 2, 96, 16, 16),
                "block3", TestArrays.randn(m, 7, 2, 96, 16, 16), "block7", TestArrays.randn(m, 8, 2, 96, 16, 16)));
        return new Guidance(main, Map.of("remoteclip", remote, "dino", dino));
    }

    private static Decoder build(RsTransferDecoderConfig c, NDManager m) {
        Decoder d = new RsTransferDecoderFactory().create(c, PaperEncoders.tiny("model.decoder"));
        d.module().initialize(m, 5);
        return d;
    }

    @Test
    void threeGuidedStagesGiveLogitsFourTimesTheCostGrid() {
        try (NDManager m = NDManager.newBaseManager()) {
            Decoder d = build(tiny(List.of("imageEncoder", "remoteclip", "dino")), m);
            assertThat(d.upsampling()).isEqualTo(4);
            assertThat(d.requiredFeatures()).containsExactly(new FeatureRef("imageEncoder", "block3"),
                    new FeatureRef("imageEncoder", "block7"), new FeatureRef("remoteclip", "block3"),
                    new FeatureRef("remoteclip", "block7"), new FeatureRef("dino", "block3"), new FeatureRef("dino", "block7"));
            // CLIP-like taps (grid 8) are upsampled by ConvT k2/k4, DINO-like ones (grid 16) by 1x1 conv / ConvT k2
            assertThat(d.module().namedParameters().get("upsample2.weight").shape().getShape()).containsExactly(48, 16, 4, 4);
            assertThat(d.module().namedParameters().get("dino_decod_proj1.weight").shape().getShape())
                    .containsExactly(32, 96, 1, 1);
            NDArray logits = d.decode(new CostVolume(TestArrays.randn(m, 9, 2, 32, 3, 8, 8)), guidance(m), true);
            assertThat(logits.getShape().getShape()).containsExactly(2, 3, 32, 32);
        }
    }

    @Test
    void guidanceLessVariant() {
        try (NDManager m = NDManager.newBaseManager()) {
            Decoder d = build(tiny(List.of()), m);
            assertThat(d.requiredFeatures()).isEmpty();
            NDArray logits = d.decode(new CostVolume(TestArrays.randn(m, 9, 2, 32, 3, 8, 8)),
                    new Guidance(new FeatureMaps(Map.of()), Map.of()), false);
            assertThat(logits.getShape().getShape()).containsExactly(2, 3, 32, 32);
        }
    }

    @Test
    void classesOfOneImageShareItsGuidance() {
        try (NDManager m = NDManager.newBaseManager()) {
            Decoder d = build(tiny(List.of("imageEncoder", "dino")), m);
            // identical cost maps for every class and image -> identical logits per image, different across images
            NDArray cost = TestArrays.randn(m, 9, 1, 32, 1, 8, 8).broadcast(2, 32, 3, 8, 8);
            NDArray logits = d.decode(new CostVolume(cost), guidance(m), false);
            assertThat(logits.get(":, 1").sub(logits.get(":, 0")).abs().max().getFloat()).isLessThan(1e-5f);
            assertThat(logits.get("1").sub(logits.get("0")).abs().max().getFloat()).isGreaterThan(1e-3f);
        }
    }

    @Test
    void wrongHiddenIsReported() {
        try (NDManager m = NDManager.newBaseManager()) {
            Decoder d = build(tiny(List.of()), m);
            assertThatThrownBy(() -> d.decode(new CostVolume(TestArrays.randn(m, 9, 2, 16, 3, 8, 8)),
                    guidance(m), false)).hasMessageContaining("hidden");
        }
    }
}
