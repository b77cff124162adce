package io.ovrsis.plugins.catseg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.FeatureSpec;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.testing.PaperEncoders;
import io.ovrsis.api.testing.ReferenceFixtures;
import io.ovrsis.api.testing.Tensors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parity with tools/reference/catseg_reference.py, a PyTorch re-implementation that matched the
 * authors' {@code OriAggregatorLayer} exactly (0.0 difference) on these settings. The reference pads
 * the classes with real tokens and concatenates the guidance to every class; the plugin adds the
 * padding tokens' share in closed form and projects the guidance once per image.
 */
class CatSegParityTest {
    private static final double TOL = 1e-4;

    private static CatSegHeadConfig config(int layers, int window, int pool, int pad, ClassAttentionType type,
            int guidance, int textGuidance) {
        return new CatSegHeadConfig(layers, 16, 4, window, pool, pool, pad, type, guidance, textGuidance,
                "imageEncoder.dense");
    }

    private static BuildContext grid24() {
        FeatureSpec dense = FeatureSpec.builder().setInputSize(384).addMap("dense", 32, 16).build();
        return PaperEncoders.context("model.fusion", Map.of("imageEncoder", dense), 32);
    }

    /** Loads set {@code dir} ("" = the main one), runs it and compares every layer. */
    private static CatSegHead check(String dir, CatSegHeadConfig c, BuildContext context, NDManager m) {
        CatSegHead f = (CatSegHead) new CatSegHeadFactory().create(c, context);
        String prefix = dir.isEmpty() ? "" : dir + "/";
        assertThat(f.module().namedParameters().keySet()).containsExactlyInAnyOrderElementsOf(keys(prefix + "weights"));
        f.module().initialize(m, 0);
        for (Map.Entry<String, Param> e : f.module().namedParameters().entrySet()) {
            e.getValue().load(ReferenceFixtures.read(m, prefix + "weights/" + e.getKey()));
        }
        NDArray text = ReferenceFixtures.read(m, prefix + "text");
        int classes = (int) text.getShape().get(0);
        int templates = (int) text.getShape().get(1);
        TextEmbeddings embeddings = new TextEmbeddings(text, Collections.nCopies(classes, "c"),
                Collections.nCopies(templates, "{}"));
        Guidance g = new Guidance(new FeatureMaps(Map.of("dense", ReferenceFixtures.read(m, prefix + "dense"))), Map.of());
        List<NDArray> layers = f.fuseWithLayerOutputs(new CostVolume(ReferenceFixtures.read(m, prefix + "cost")), g,
                embeddings, true);
        assertThat(layers).hasSize(c.layers());
        for (int i = 0; i < layers.size(); i++) {
            NDArray expected = ReferenceFixtures.read(m, prefix + "layer" + i);
            assertThat(layers.get(i).getShape()).isEqualTo(expected.getShape());
            double diff = Tensors.maxAbsDiff(layers.get(i), expected.toFloatArray());
            System.out.printf("catseg %s layer %d: max |diff| %.2e (mean |x| %.2f)%n", dir.isEmpty() ? "main" : dir, i,
                    diff, expected.abs().mean().getFloat());
            assertThat(diff).as("%s layer %d", dir, i).isLessThanOrEqualTo(TOL);
        }
        return f;
    }

    static List<String> keys(String dir) {
        try (Stream<Path> files = Files.list(ReferenceFixtures.DIR.resolve(dir))) {
            return files.map(p -> p.getFileName().toString().replaceAll("\\.npy$", "")).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void twoLinearLayersWithPaddingAndPooling() {
        try (NDManager m = NDManager.newBaseManager()) {
            check("", config(2, 4, 2, 8, ClassAttentionType.LINEAR, 8, 12), PaperEncoders.tiny("model.fusion"), m);
        }
    }

    @Test
    void fullAttentionWithoutPooling() {
        try (NDManager m = NDManager.newBaseManager()) {
            check("full", config(1, 4, 1, 8, ClassAttentionType.FULL, 8, 12), PaperEncoders.tiny("model.fusion"), m);
        }
    }

    @Test
    void moreClassesThanPadLength() {
        try (NDManager m = NDManager.newBaseManager()) {
            check("nopad", config(1, 4, 2, 2, ClassAttentionType.LINEAR, 8, 12), PaperEncoders.tiny("model.fusion"), m);
        }
    }

    @Test
    void window12OnTheGrid24WithPadLength256() {
        try (NDManager m = NDManager.newBaseManager()) {
            check("grid24", config(1, 12, 2, 256, ClassAttentionType.LINEAR, 16, 16), grid24(), m);
        }
    }

    @Test
    void storedMasksAreTheDerivedOnes() {
        try (NDManager m = NDManager.newBaseManager()) {
            CatSegHead main = (CatSegHead) new CatSegHeadFactory().create(
                    config(2, 4, 2, 8, ClassAttentionType.LINEAR, 8, 12), PaperEncoders.tiny("model.fusion"));
            CatSegHead big = (CatSegHead) new CatSegHeadFactory().create(
                    config(1, 12, 2, 256, ClassAttentionType.LINEAR, 16, 16), grid24());
            for (Map.Entry<CatSegHead, String> e : Map.of(main, "buffers", big, "grid24/buffers").entrySet()) {
                Map<String, NDArray> stored = new LinkedHashMap<>();
                for (String k : keys(e.getValue())) {
                    stored.put(k, ReferenceFixtures.read(m, e.getValue() + "/" + k));
                }
                Map<String, NDArray> derived = e.getKey().derivedBuffers(m);
                assertThat(derived.keySet()).containsExactlyInAnyOrderElementsOf(stored.keySet());
                derived.forEach((k, v) -> Tensors.assertClose(v, stored.get(k).toFloatArray(), 0));
                Map<String, NDArray> withParams = new LinkedHashMap<>(stored);
                withParams.put("layers.0.attention.norm1.weight", m.ones(new ai.djl.ndarray.types.Shape(16)));
                assertThat(e.getKey().withoutDerivedBuffers(withParams)).containsOnlyKeys("layers.0.attention.norm1.weight");
            }
            NDArray mask24 = ReferenceFixtures.read(m, "grid24/buffers/layers.0.swin_block.block_2.attn_mask");
            assertThat(mask24.getShape().getShape()).containsExactly(4, 144, 144);
            // a checkpoint trained on the 24x24 grid does not fit a head on the 8x8 grid, and vice versa
            assertThatThrownBy(() -> main.withoutDerivedBuffers(Map.of("layers.0.swin_block.block_2.attn_mask", mask24)))
                    .isInstanceOfSatisfying(ComponentException.class,
                            x -> assertThat(x.code()).isEqualTo("OVRSIS-WEIGHTS-SHAPE"))
                    .hasMessageContaining("8x8 grid with window 4 and shift 2");
            NDArray flipped = mask24.neg();
            assertThatThrownBy(() -> big.withoutDerivedBuffers(Map.of("layers.0.swin_block.block_2.attn_mask", flipped)))
                    .isInstanceOf(ComponentException.class);
            assertThatThrownBy(() -> big.withoutDerivedBuffers(Map.of("layers.0.swin_block.block_1.attn_mask", mask24)))
                    .isInstanceOfSatisfying(ComponentException.class,
                            x -> assertThat(x.code()).isEqualTo("OVRSIS-WEIGHTS-FORMAT"));
        }
    }
}
