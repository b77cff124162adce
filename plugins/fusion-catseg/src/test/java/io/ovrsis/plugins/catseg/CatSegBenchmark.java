package io.ovrsis.plugins.catseg;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.testing.PaperEncoders;
import io.ovrsis.api.testing.TestArrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Timing of one paper-size CAT-Seg layer (B = 1, T = 17, grid 24, hidden 128, window 12, pad_len 256),
 * printed only; run with {@code -Dtest=CatSegBenchmark -Dovrsis.bench=true}. Asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "ovrsis.bench", matches = "true")
class CatSegBenchmark {

    @Test
    void paperSizeLayerTimes() {
        int t = 17;
        try (NDManager m = NDManager.newBaseManager()) {
            CatSegHead f = (CatSegHead) new CatSegHeadFactory().create(CatSegParameterCountTest.with(1, 256),
                    PaperEncoders.vitB16("model.fusion"));
            f.module().initialize(m, 1);
            Guidance g = new Guidance(new FeatureMaps(Map.of("dense", TestArrays.randn(m, 2, 1, 512, 24, 24))), Map.of());
            TextEmbeddings text = new TextEmbeddings(TestArrays.text(m, 3, t, 1, 512), Collections.nCopies(t, "c"),
                    List.of("{}"));
            NDArray cost = TestArrays.randn(m, 1, 1, 128, t, 24, 24);
            JniUtils.setGradMode(false);
            for (int i = 0; i < 3; i++) {
                time("inference, 1 layer, pool 2 (+ guidance projections)", () -> f.fuse(new CostVolume(cost), g, text, true));
                time("inference, 1 layer, pool 1 (+ guidance projections)", () -> f.fuse(new CostVolume(cost), g, text, false));
            }
            AggregatorLayer layer = ((CatSegModule) f.module()).layers.get(0);
            NDArray x = cost.transpose(0, 2, 3, 4, 1);
            NDArray guidance = TestArrays.randn(m, 4, 1, 24, 24, 128);
            NDArray tg = TestArrays.randn(m, 5, t, 128);
            for (int i = 0; i < 3; i++) {
                time("  swin pair", () -> layer.swin.forward(x, guidance));
                time("  class aggregation, pool 2", () -> layer.classes.forward(x, tg, 2));
                time("  class aggregation, pool 1", () -> layer.classes.forward(x, tg, 1));
            }
            JniUtils.setGradMode(true);
            for (int i = 0; i < 2; i++) {
                time("training forward+backward, 1 layer, pool 2", () -> {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(f.fuse(new CostVolume(cost), g, text, true).volume().sum());
                    }
                });
            }
        }
    }

    /** Wall time and process CPU time (all threads, native ones included): the latter is steadier on a busy machine. */
    private static void time(String what, Runnable r) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        r.run();
        System.out.printf("%s: %.1f ms wall, %.1f ms cpu%n", what, (System.nanoTime() - t0) / 1e6,
                (os.getProcessCpuTime() - c0) / 1e6);
    }
}
