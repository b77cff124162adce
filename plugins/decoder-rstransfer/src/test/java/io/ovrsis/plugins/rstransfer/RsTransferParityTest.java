package io.ovrsis.plugins.rstransfer;

import io.ovrsis.api.testing.PaperEncoders;
import io.ovrsis.api.testing.ReferenceFixtures;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.Decoder;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.testing.Tensors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parity with tools/reference/head_reference.py: CLIP-, RemoteCLIP- and DINO-like taps (grids 8, 8, 16),
 * hidden 16, guidanceDims [16, 8], projDims [4, 2], decoderDims [32, 16]. The reference concatenates the
 * repeated guidance as the authors do; the plugin convolves it once per image.
 */
class RsTransferParityTest {
    private static final double TOL = 1e-4;

    @Test
    void logitsMatchPyTorch() {
        try (NDManager m = NDManager.newBaseManager()) {
            RsTransferDecoderConfig c = new RsTransferDecoderConfig(16, List.of("imageEncoder", "remoteclip", "dino"),
                    List.of("block3", "block7"), Map.of(), "dense", List.of(16, 8), List.of(4, 2), List.of(32, 16),
                    RsTransferDecoderConfig.paperModuleNames());
            Decoder d = new RsTransferDecoderFactory().create(c, PaperEncoders.tiny("model.decoder"));
            ReferenceFixtures.assertNamesMatchReference(d.module());
            ReferenceFixtures.load(d.module(), m);
            Guidance g = new Guidance(
                    new FeatureMaps(Map.of("block3", ReferenceFixtures.read(m, "clip3"),
                            "block7", ReferenceFixtures.read(m, "clip7"))),
                    Map.of("remoteclip", new FeatureMaps(Map.of("block3", ReferenceFixtures.read(m, "remote3"),
                                    "block7", ReferenceFixtures.read(m, "remote7"))),
                            "dino", new FeatureMaps(Map.of("block3", ReferenceFixtures.read(m, "dino3"),
                                    "block7", ReferenceFixtures.read(m, "dino7")))));
            NDArray logits = d.decode(new CostVolume(ReferenceFixtures.read(m, "cost")), g, false);
            NDArray expected = ReferenceFixtures.read(m, "logits");
            assertThat(logits.getShape()).isEqualTo(expected.getShape());
            double diff = Tensors.maxAbsDiff(logits, expected.toFloatArray());
            System.out.printf("rstransfer logits: max |diff| %.2e (mean |x| %.2f)%n", diff,
                    expected.abs().mean().getFloat());
            assertThat(diff).isLessThanOrEqualTo(TOL);
        }
    }
}
