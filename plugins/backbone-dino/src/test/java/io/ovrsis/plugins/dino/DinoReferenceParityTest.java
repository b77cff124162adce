package io.ovrsis.plugins.dino;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.nn.Resize;
import io.ovrsis.api.testing.Tensors;
import io.ovrsis.plugins.dino.nn.DinoVisionTransformer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tower loaded through {@code prepare()} from the reference teacher checkpoint against PyTorch
 * outputs (tools/reference/dino_reference.py), max |diff| ≤ 1e-4: at the checkpoint's grid (32 px,
 * no resize) and at 48 px, where the 4×4 position grid is resized with scale_factor 1.55 to 6×6;
 * and the paper's 28×28 → 48×48 resize with the hard-coded factor 1.717857142857143.
 */
class DinoReferenceParityTest {
    private static final double TOL = 1e-4;

    private static DinoImageEncoder load(int inputSize, NDManager m) {
        DinoImageEncoder enc = TestContexts.create(TestContexts.tiny(inputSize, List.of(0, 1), true, Finetune.FROZEN,
                ReferenceFixtures.file(ReferenceFixtures.TEACHER_SAFETENSORS).toString()));
        enc.module().initialize(m, 3L);
        enc.prepare(TestContexts.prepare(Path.of("."), m, ReferenceFixtures.reader()));
        return enc;
    }

    static double assertMaps(FeatureMaps maps, NDManager m, int size, String label) throws IOException {
        double worst = 0;
        for (String map : List.of("dense", "block0", "block1")) {
            NDArray expected = ReferenceFixtures.npy(m, map + "_" + size);
            assertThat(maps.get(map).getShape()).as(map).isEqualTo(expected.getShape());
            double diff = Tensors.maxAbsDiff(maps.get(map), expected.toFloatArray());
            System.out.printf("parity %s %s %d px: max |diff| %.2e%n", label, map, size, diff);
            assertThat(diff).as("%s %s at %d px", label, map, size).isLessThanOrEqualTo(TOL);
            worst = Math.max(worst, diff);
        }
        return worst;
    }

    @Test
    void atTheCheckpointGridAndAtAResizedGrid() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int size : new int[] {32, 48}) {
                DinoImageEncoder enc = load(size, m);
                assertMaps(enc.encode(ReferenceFixtures.npy(m, "image_" + size), false), m, size, "teacher safetensors");
            }
        }
    }

    @Test
    void positionTableUsesTheScaleFactorNotTheSizeRatio() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            DinoVisionTransformer vit = (DinoVisionTransformer) load(48, m).module();
            NDArray expected = ReferenceFixtures.npy(m, "pos_embed_48");
            NDArray mine = vit.positionEmbedding(6);
            double diff = Tensors.maxAbsDiff(mine, expected.toFloatArray());
            System.out.printf("parity pos_embed 4x4 -> 6x6 (scale 1.55): max |diff| %.2e%n", diff);
            // float32 rounding only (coefficients, two matrix products) on table values of up to about 4
            assertThat(diff).isLessThanOrEqualTo(1e-5);
            // resizing to size (6, 6) maps coordinates with 4/6 instead of 1/1.55: clearly different
            NDArray pos = vit.namedParameters().get("pos_embed").array();
            NDArray bySize = Resize.resize(pos.get(":, 1:, :").reshape(4, 4, 32).transpose(2, 0, 1), 6, 6,
                    Resize.Mode.BICUBIC, false).transpose(1, 2, 0).reshape(36, 32);
            assertThat(Tensors.maxAbsDiff(bySize, expected.get("1:, :").toFloatArray())).isGreaterThan(1e-2);
        }
    }

    @Test
    void paperGridIsResizedWithTheHardCodedFactor() throws IOException {
        try (NDManager m = NDManager.newBaseManager()) {
            DinoImageEncoderConfig c = new DinoImageEncoderConfig(4, 1, 1, 8, 28, 384,
                    DinoImageEncoderConfig.RSKT_SCALE_FACTOR, List.of(), true, Finetune.FROZEN, 1.0, null);
            DinoVisionTransformer vit = (DinoVisionTransformer) TestContexts.create(c).module();
            vit.initialize(m, 1L);
            vit.namedParameters().get("pos_embed").load(ReferenceFixtures.npy(m, "pos_paper_in").reshape(1, 785, 4));
            NDArray expected = ReferenceFixtures.npy(m, "pos_paper_out");
            NDArray mine = vit.positionEmbedding(48);
            assertThat(mine.getShape().getShape()).containsExactly(1, 2305, 4);
            double diff = Tensors.maxAbsDiff(mine, expected.toFloatArray());
            System.out.printf("parity pos_embed 28x28 -> 48x48 (scale 1.717857142857143): max |diff| %.2e%n", diff);
            // float32 rounding only (coefficients, two matrix products) on table values of up to about 4
            assertThat(diff).isLessThanOrEqualTo(1e-5);
        }
    }
}
