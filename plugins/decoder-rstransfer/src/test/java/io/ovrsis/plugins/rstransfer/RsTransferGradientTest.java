package io.ovrsis.plugins.rstransfer;

import io.ovrsis.api.testing.TestArrays;

import io.ovrsis.api.testing.PaperEncoders;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.Decoder;
import io.ovrsis.api.nn.Param;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Autograd reaches every parameter, including the guidance half of the split first convolutions. */
class RsTransferGradientTest {

    @Test
    void everyParameterGetsAGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            Decoder d = new RsTransferDecoderFactory().create(
                    RsTransferDecoderShapeTest.tiny(List.of("imageEncoder", "remoteclip", "dino")), PaperEncoders.tiny("model.decoder"));
            d.module().initialize(m, 5);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = d.decode(new CostVolume(TestArrays.randn(m, 9, 2, 32, 3, 8, 8)),
                        RsTransferDecoderShapeTest.guidance(m), true);
                gc.backward(logits.mul(TestArrays.randn(m, 10, 2, 3, 32, 32)).sum());
            }
            for (Map.Entry<String, Param> e : d.module().namedParameters().entrySet()) {
                assertThat(e.getValue().array().getGradient().abs().sum().getFloat()).as(e.getKey()).isGreaterThan(0f);
            }
        }
    }
}
