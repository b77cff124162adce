package io.ovrsis.plugins.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.ovrsis.api.model.FeatureInfo;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.model.PreprocessSpec;
import io.ovrsis.api.nn.Param;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tiny CPU forwards of the image tower: shapes, the spec, computing only what is used, freezing. */
class ClipImageEncoderTest {

    private static ImageEncoder build(ClipImageEncoderConfig config, NDManager m) {
        ImageEncoder enc = new ClipImageEncoderFactory().create(config, TestContexts.build("model.imageEncoder"));
        enc.module().initialize(m, 11L);
        enc.prepare(TestContexts.prepare("model.imageEncoder", Path.of("."), m, null));
        return enc;
    }

    private static NDArray images(NDManager m) {
        return m.randomNormal(new Shape(2, 3, 32, 32));
    }

    @Test
    void denseAndTapMapsHaveTheDeclaredShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            ImageEncoder enc = build(TestContexts.tinyImage(2, List.of(0, 1), true, true, Finetune.ATTENTION), m);
            assertThat(enc.featureSpec().maps()).containsExactly(Map.entry("dense", new FeatureInfo(16, 8)),
                    Map.entry("block0", new FeatureInfo(32, 8)), Map.entry("block1", new FeatureInfo(32, 8)));
            assertThat(enc.featureSpec().gridSize("dense")).isEqualTo(4);
            assertThat(enc.preprocess().inputSize()).isEqualTo(32);
            assertThat(enc.preprocess().mean()).containsExactly(PreprocessSpec.CLIP_MEAN);
            assertThat(enc.preprocess().std()).containsExactly(PreprocessSpec.CLIP_STD);

            FeatureMaps maps = enc.encode(images(m), false);
            assertThat(maps.maps().keySet()).containsExactly("dense", "block0", "block1");
            assertThat(maps.get("dense").getShape()).isEqualTo(new Shape(2, 16, 4, 4));
            assertThat(maps.get("block0").getShape()).isEqualTo(new Shape(2, 32, 4, 4));
            assertThat(maps.get("block1").getShape()).isEqualTo(new Shape(2, 32, 4, 4));
            for (NDArray a : maps.maps().values()) {
                assertThat(a.isInfinite().any().getBoolean()).isFalse();
                assertThat(a.isNaN().any().getBoolean()).isFalse();
            }
        }
    }

    @Test
    void denseFlagChangesOnlyTheLastBlock() {
        try (NDManager m = NDManager.newBaseManager()) {
            ImageEncoder dense = build(TestContexts.tinyImage(4, List.of(0), true, true, Finetune.FROZEN), m);
            ImageEncoder plain = build(TestContexts.tinyImage(4, List.of(0), false, true, Finetune.FROZEN), m);
            NDArray x = images(m);
            FeatureMaps a = dense.encode(x, false);
            FeatureMaps b = plain.encode(x, false);
            // same seed and names, so same weights: the taps agree, the final maps do not
            assertThat(a.get("block0").sub(b.get("block0")).abs().max().getFloat()).isZero();
            assertThat(a.get("dense").sub(b.get("dense")).abs().max().getFloat()).isGreaterThan(1e-3f);
        }
    }

    @Test
    void withoutFinalOutputLaterBlocksAreNotRun() {
        try (NDManager m = NDManager.newBaseManager()) {
            ImageEncoder enc = build(TestContexts.tinyImage(4, List.of(0), true, false, Finetune.FROZEN), m);
            assertThat(enc.featureSpec().maps().keySet()).containsExactly("block0");
            // poison block 1: if it ran, nothing would be finite; the output of block 0 stays finite
            for (Map.Entry<String, Param> e : enc.module().namedParameters().entrySet()) {
                if (e.getKey().startsWith("transformer.resblocks.1.") || e.getKey().startsWith("ln_post")
                        || e.getKey().equals("proj")) {
                    e.getValue().array().set(new float[(int) e.getValue().shape().size()]);
                    e.getValue().array().divi(0f);
                }
            }
            FeatureMaps maps = enc.encode(images(m), false);
            assertThat(maps.maps().keySet()).containsExactly("block0");
            assertThat(maps.get("block0").isNaN().any().getBoolean()).isFalse();
        }
    }

    @Test
    void positionalEmbeddingIsResizedToTheInputGrid() {
        try (NDManager m = NDManager.newBaseManager()) {
            ImageEncoder enc = build(TestContexts.tinyImage(2, List.of(), true, true, Finetune.FROZEN), m);
            assertThat(enc.module().namedParameters().get("positional_embedding").shape()).isEqualTo(new Shape(5, 32));
            NDArray pos = ((io.ovrsis.plugins.clip.nn.ClipVisionTransformer) enc.module()).positionalEmbedding(4);
            assertThat(pos.getShape()).isEqualTo(new Shape(17, 32));
            NDArray original = enc.module().namedParameters().get("positional_embedding").array();
            // the class position is kept as it is
            assertThat(pos.get("0").sub(original.get("0")).abs().max().getFloat()).isZero();
        }
    }

    @Test
    void frozenTowerRecordsNoGraphAndAttentionTowerDoes() {
        try (NDManager m = NDManager.newBaseManager()) {
            ImageEncoder frozen = build(TestContexts.tinyImage(4, List.of(1), true, true, Finetune.FROZEN), m);
            ImageEncoder attention = build(TestContexts.tinyImage(4, List.of(1), true, true, Finetune.ATTENTION), m);
            assertThat(frozen.frozen()).isTrue();
            assertThat(attention.frozen()).isFalse();
            NDArray x = images(m);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // no graph: libtorch refuses a backward pass through the frozen tower's output
                FeatureMaps f = frozen.encode(x, true);
                assertThatThrownBy(() -> gc.backward(f.get("dense").sum())).hasMessageContaining("does not require grad");
                FeatureMaps a = attention.encode(x, true);
                gc.backward(a.get("dense").sum());
            }
            Map<String, Param> p = attention.module().namedParameters();
            Param q = p.get("transformer.resblocks.0.attn.q_proj_weight");
            assertThat(q.trainable()).isTrue();
            assertThat(p.get("transformer.resblocks.0.attn.k_proj_weight").trainable()).isFalse();
            assertThat(q.lrMultiplier()).isEqualTo(0.01f);
            assertThat(q.array().getGradient().abs().sum().getFloat()).isGreaterThan(0f);
            // the dense last block uses only the value path
            assertThat(p.get("transformer.resblocks.1.attn.v_proj_weight").array().getGradient().abs().sum().getFloat())
                    .isGreaterThan(0f);
            assertThat(p.get("transformer.resblocks.1.attn.q_proj_weight").array().getGradient().abs().sum().getFloat())
                    .isZero();
        }
    }

    @Test
    void wrongInputSizeIsRejected() {
        try (NDManager m = NDManager.newBaseManager()) {
            ImageEncoder enc = build(TestContexts.tinyImage(4, List.of(0), true, true, Finetune.FROZEN), m);
            assertThatThrownBy(() -> enc.encode(m.zeros(new Shape(1, 3, 64, 64)), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(B, 3, 32, 32)");
        }
    }
}
