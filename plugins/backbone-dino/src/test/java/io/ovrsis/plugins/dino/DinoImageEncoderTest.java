package io.ovrsis.plugins.dino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.ovrsis.api.model.FeatureInfo;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.PreprocessSpec;
import io.ovrsis.api.nn.Param;
import io.ovrsis.plugins.dino.nn.DinoVisionTransformer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tiny CPU forwards: shapes, the spec, taps through the final norm, computing only what is used, freezing. */
class DinoImageEncoderTest {

    private static DinoImageEncoder build(DinoImageEncoderConfig config, NDManager m) {
        DinoImageEncoder enc = TestContexts.create(config);
        enc.module().initialize(m, 11L);
        enc.prepare(TestContexts.prepare(Path.of("."), m, null));
        return enc;
    }

    private static NDArray images(NDManager m, int size) {
        return m.randomNormal(new Shape(2, 3, size, size));
    }

    @Test
    void denseAndTapMapsHaveTheDeclaredShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            DinoImageEncoder enc = build(TestContexts.tiny(48, List.of(0, 1), true, Finetune.FROZEN, null), m);
            assertThat(enc.featureSpec().maps()).containsExactly(Map.entry("dense", new FeatureInfo(32, 8)),
                    Map.entry("block0", new FeatureInfo(32, 8)), Map.entry("block1", new FeatureInfo(32, 8)));
            assertThat(enc.featureSpec().inputSize()).isEqualTo(48);
            assertThat(enc.featureSpec().gridSize("dense")).isEqualTo(6);
            // RSKT-Seg feeds DINO the CLIP-normalised tensor (method.md §1.1)
            assertThat(enc.preprocess().inputSize()).isEqualTo(48);
            assertThat(enc.preprocess().mean()).containsExactly(PreprocessSpec.CLIP_MEAN);
            assertThat(enc.preprocess().std()).containsExactly(PreprocessSpec.CLIP_STD);

            FeatureMaps maps = enc.encode(images(m, 48), false);
            assertThat(maps.maps().keySet()).containsExactly("dense", "block0", "block1");
            for (NDArray a : maps.maps().values()) {
                assertThat(a.getShape()).isEqualTo(new Shape(2, 32, 6, 6));
                assertThat(a.isInfinite().any().getBoolean()).isFalse();
                assertThat(a.isNaN().any().getBoolean()).isFalse();
            }
        }
    }

    @Test
    void paperSpecMatchesWhatTheHeadsExpect() {
        DinoImageEncoder enc = (DinoImageEncoder) new DinoVitB8ImageEncoderFactory()
                .create(new DinoVitB8ImageEncoderFactory().defaultConfig(), TestContexts.build());
        assertThat(enc.featureSpec()).isEqualTo(io.ovrsis.api.testing.PaperEncoders.dinoB8());
        assertThat(enc.featureSpec().gridSize("block3")).isEqualTo(48);
        assertThat(enc.frozen()).isTrue();
    }

    @Test
    void everyMapIsTheFinalNormOfItsBlock() {
        try (NDManager m = NDManager.newBaseManager()) {
            // the last block as a tap equals dense: both are norm(output of block 2)
            DinoImageEncoder enc = build(TestContexts.tiny(32, List.of(2, 0), true, Finetune.FROZEN, null), m);
            assertThat(enc.featureSpec().maps().keySet()).containsExactly("dense", "block2", "block0");
            FeatureMaps maps = enc.encode(images(m, 32), false);
            assertThat(maps.get("block2").sub(maps.get("dense")).abs().max().getFloat()).isZero();
            assertThat(maps.get("block0").sub(maps.get("dense")).abs().max().getFloat()).isGreaterThan(1e-3f);
            // LayerNorm with weight 1, bias 0 (fresh init): every token has mean 0 and variance ~1 over channels
            NDArray mean = maps.get("block0").mean(new int[] {1});
            NDArray var = maps.get("block0").pow(2).mean(new int[] {1});
            assertThat(mean.abs().max().getFloat()).isLessThan(1e-5f);
            assertThat(var.sub(1f).abs().max().getFloat()).isLessThan(1e-3f);
        }
    }

    @Test
    void withoutFinalOutputLaterBlocksAreNotRun() {
        try (NDManager m = NDManager.newBaseManager()) {
            DinoImageEncoder enc = build(TestContexts.tiny(32, List.of(0), false, Finetune.FROZEN, null), m);
            assertThat(enc.featureSpec().maps().keySet()).containsExactly("block0");
            // poison blocks 1 and 2: if they ran, their output would be NaN; block 0 stays finite
            for (Map.Entry<String, Param> e : enc.module().namedParameters().entrySet()) {
                if (e.getKey().startsWith("blocks.1.") || e.getKey().startsWith("blocks.2.")) {
                    e.getValue().array().set(new float[(int) e.getValue().shape().size()]);
                    e.getValue().array().divi(0f);
                }
            }
            FeatureMaps maps = enc.encode(images(m, 32), false);
            assertThat(maps.maps().keySet()).containsExactly("block0");
            assertThat(maps.get("block0").isNaN().any().getBoolean()).isFalse();
        }
    }

    @Test
    void positionTableIsResizedOnceAndKeepsTheClassPosition() {
        try (NDManager m = NDManager.newBaseManager()) {
            DinoImageEncoder enc = build(TestContexts.tiny(48, List.of(), true, Finetune.FROZEN, null), m);
            DinoVisionTransformer vit = (DinoVisionTransformer) enc.module();
            NDArray original = vit.namedParameters().get("pos_embed").array();
            assertThat(original.getShape()).isEqualTo(new Shape(1, 17, 32));
            assertThat(vit.positionEmbedding(4)).isSameAs(original);
            NDArray pos = vit.positionEmbedding(6);
            assertThat(pos.getShape()).isEqualTo(new Shape(1, 37, 32));
            assertThat(vit.positionEmbedding(6)).as("cached while frozen").isSameAs(pos);
            assertThat(pos.get(":, 0, :").sub(original.get(":, 0, :")).abs().max().getFloat()).isZero();
            assertThatThrownBy(() -> vit.positionEmbedding(5)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("resizes the 4×4 position grid to 6×6, not to the input's 5×5");
        }
    }

    @Test
    void frozenTowerRecordsNoGraphAndAttentionTowerTrainsQkvAndPositions() {
        try (NDManager m = NDManager.newBaseManager()) {
            DinoImageEncoder frozen = build(TestContexts.tiny(48, List.of(1), true, Finetune.FROZEN, null), m);
            DinoImageEncoder attention = build(TestContexts.tiny(48, List.of(1), true, Finetune.ATTENTION, null), m);
            assertThat(frozen.frozen()).isTrue();
            assertThat(frozen.module().trainableParameterCount()).isZero();
            assertThat(attention.frozen()).isFalse();
            NDArray x = images(m, 48);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // no graph: libtorch refuses a backward pass through the frozen tower's output
                FeatureMaps f = frozen.encode(x, true);
                assertThat(f.get("dense").hasGradient()).isFalse();
                assertThatThrownBy(() -> gc.backward(f.get("dense").sum())).hasMessageContaining("does not require grad");
                FeatureMaps a = attention.encode(x, true);
                gc.backward(a.get("dense").mul(a.get("block1")).sum());
            }
            Map<String, Param> p = attention.module().namedParameters();
            assertThat(p.entrySet().stream().filter(e -> e.getValue().trainable()).map(Map.Entry::getKey).toList())
                    .containsExactlyInAnyOrder("pos_embed", "blocks.0.attn.qkv.weight", "blocks.1.attn.qkv.weight",
                            "blocks.2.attn.qkv.weight");
            for (String k : List.of("pos_embed", "blocks.0.attn.qkv.weight", "blocks.2.attn.qkv.weight")) {
                assertThat(p.get(k).trainable()).as(k).isTrue();
                assertThat(p.get(k).array().getGradient().abs().sum().getFloat()).as(k).isGreaterThan(0f);
            }
            assertThat(p.get("blocks.0.attn.qkv.bias").trainable()).isFalse();
            assertThat(p.get("cls_token").trainable()).isFalse();
        }
    }

    @Test
    void wrongInputSizeIsRejected() {
        try (NDManager m = NDManager.newBaseManager()) {
            DinoImageEncoder enc = build(TestContexts.tiny(32, List.of(0), true, Finetune.FROZEN, null), m);
            assertThatThrownBy(() -> enc.encode(m.zeros(new Shape(1, 3, 48, 48)), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dino-vit expects images (B, 3, 32, 32)");
        }
    }
}
