package io.ovrsis.plugins.rstransfer;

import io.ovrsis.api.testing.TestArrays;

import io.ovrsis.api.testing.PaperEncoders;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.Decoder;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.Guidance;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Timing of the paper-size decoder (B = 1, T = 17, 24 → 96), printed only; run with
 * {@code -Dtest=RsTransferBenchmark -Dovrsis.bench=true}. Asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "ovrsis.bench", matches = "true")
class RsTransferBenchmark {

    @Test
    void paperSizeDecoderTime() {
        try (NDManager m = NDManager.newBaseManager()) {
            JniUtils.setGradMode(false);
            Decoder d = new RsTransferDecoderFactory().create(RsTransferDecoderConfig.defaults(), PaperEncoders.vitB16("model.decoder"));
            d.module().initialize(m, 1);
            Guidance g = new Guidance(
                    new FeatureMaps(Map.of("block3", TestArrays.randn(m, 1, 1, 768, 24, 24),
                            "block7", TestArrays.randn(m, 2, 1, 768, 24, 24))),
                    Map.of("remoteclip", new FeatureMaps(Map.of("block3", TestArrays.randn(m, 3, 1, 768, 24, 24),
                                    "block7", TestArrays.randn(m, 4, 1, 768, 24, 24))),
                            "dino", new FeatureMaps(Map.of("block3", TestArrays.randn(m, 5, 1, 768, 48, 48),
                                    "block7", TestArrays.randn(m, 6, 1, 768, 48, 48)))));
            NDArray cost = TestArrays.randn(m, 7, 1, 128, 17, 24, 24);
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (int i = 0; i < 3; i++) {
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                d.decode(new CostVolume(cost), g, false).toFloatArray();
                System.out.printf("rstransfer decode (B=1, T=17): %.1f ms wall, %.1f ms cpu%n",
                        (System.nanoTime() - t0) / 1e6, (os.getProcessCpuTime() - c0) / 1e6);
            }
        }
    }
}
