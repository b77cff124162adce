package io.ovrsis.plugins.rsfusion;

import io.ovrsis.api.testing.PaperEncoders;
import io.ovrsis.api.testing.ReferenceFixtures;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.testing.Tensors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parity with tools/reference/head_reference.py (2 layers, hidden 16, 4 heads, spatial reduction 2,
 * class pooling 2, 2 templates). The reference concatenates guidance to every class as the authors do;
 * the plugin projects it once per image.
 */
class RsFusionParityTest {
    private static final double TOL = 1e-4;

    @Test
    void everyLayerMatchesPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            RsFusionHeadConfig c = new RsFusionHeadConfig(2, 16, 4, 2, 2, 3, 16, 16, "imageEncoder.dense");
            RsFusionHead f = (RsFusionHead) new RsFusionHeadFactory().create(c, PaperEncoders.tiny("model.fusion"));
            ReferenceFixtures.assertNamesMatchReference(f.module());
            ReferenceFixtures.load(f.module(), m);
            Guidance g = new Guidance(new FeatureMaps(Map.of("dense", ReferenceFixtures.read(m, "dense"))), Map.of());
            TextEmbeddings text = new TextEmbeddings(ReferenceFixtures.read(m, "text"), List.of("a", "b", "c"),
                    List.of("{}", "a {}"));
            List<NDArray> layers = f.fuseWithLayerOutputs(new CostVolume(ReferenceFixtures.read(m, "cost")), g, text);
            assertThat(layers).hasSize(2);
            for (int i = 0; i < layers.size(); i++) {
                NDArray expected = ReferenceFixtures.read(m, "layer" + i);
                assertThat(layers.get(i).getShape()).isEqualTo(expected.getShape());
                double diff = Tensors.maxAbsDiff(layers.get(i), expected.toFloatArray());
                System.out.printf("rsfusion layer %d: max |diff| %.2e (mean |x| %.2f)%n", i, diff,
                        expected.abs().mean().getFloat());
                assertThat(diff).as("layer %d", i).isLessThanOrEqualTo(TOL);
            }
        }
    }
}
