package io.ovrsis.plugins.rsfusion;

import io.ovrsis.api.testing.BenchTimer;
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
 * Timing of one paper-size RS-Fusion layer (B = 1, T = 17, 24×24, C = 128, 8 heads, reduction 2,
 * class pooling 2), inference as the runtime's predictor runs it (grad mode off, one NDScope per
 * forward); printed only, asserts nothing about time. Run from plugins/fusion-rsfusion with
 * {@code -Dtest=RsFusionBenchmark -Dovrsis.bench=true}; options {@code -Dovrsis.bench.runs=15},
 * {@code -Dovrsis.bench.profile=true} (per-op table), {@code -Dovrsis.bench.training=true} (forward +
 * backward), {@code -Dovrsis.bench.catsegMs=<median ms of CatSegBenchmark's layer>} (prints the ratio).
 */
@EnabledIfSystemProperty(named = "ovrsis.bench", matches = "true")
class RsFusionBenchmark {
    static final String TARGET = "Target (issue acceptance, method.md §14 item 10): on 2 cores one CAT-Seg aggregator"
            + " layer must take >= 10x one RS-Fusion layer (B=1, T=17, C=128, 24x24, inference). The authors' PyTorch:"
            + " 0.18 s per RS-Fusion layer vs 2.2-2.6 s per CAT-Seg layer. CAT-Seg side: CatSegBenchmark in"
            + " plugins/fusion-catseg, same settings.";

    @Test
    void paperSizeLayerTimes() throws Exception {
        int t = 17;
        int runs = Integer.getInteger("ovrsis.bench.runs", 15);
        try (NDManager m = NDManager.newBaseManager()) {
            RsFusionHeadConfig d = RsFusionHeadConfig.defaults();
            RsFusionHeadConfig one = new RsFusionHeadConfig(1, 128, 8, 2, 2, 3, 128, 128, d.guidanceSource());
            RsFusionHead f = (RsFusionHead) new RsFusionHeadFactory().create(one, PaperEncoders.vitB16("model.fusion"));
            f.module().initialize(m, 1);
            Guidance g = new Guidance(new FeatureMaps(Map.of("dense", TestArrays.randn(m, 2, 1, 512, 24, 24))), Map.of());
            TextEmbeddings text = new TextEmbeddings(TestArrays.text(m, 3, t, 1, 512),
                    Collections.nCopies(t, "c"), List.of("{}"));
            NDArray cost = TestArrays.randn(m, 1, 1, 128, t, 24, 24);
            FusionLayer layer = ((RsFusionModule) f.module()).layers.get(0);
            NDArray x = cost.transpose(0, 2, 3, 4, 1).reshape(1, t, 576, 128);
            NDArray guidance = TestArrays.randn(m, 4, 1, 576, 128);
            NDArray classGuidance = TestArrays.randn(m, 5, t, 128);

            JniUtils.setGradMode(false); // what the runtime's GradMode.off() does before every prediction
            System.out.println(TARGET);
            System.out.println("before: " + BenchTimer.environment());
            Map<String, Runnable> cases = BenchTimer.cases();
            Runnable oneLayer = () -> layer.forward(x, guidance, classGuidance, 24, 24).toFloatArray();
            cases.put("RS-Fusion layer", oneLayer);
            cases.put("  spatial block", () -> layer.spatial.forward(x, layer.spatial.prepare(guidance, 24, 24), 24, 24)
                    .toFloatArray());
            cases.put("  class block", () -> layer.classes.forward(x, layer.classes.prepare(classGuidance), 24, 24)
                    .toFloatArray());
            cases.put("head: guidance projections + 1 layer", () -> f.fuse(new CostVolume(cost), g, text, false)
                    .volume().toFloatArray());
            List<BenchTimer.Result> results = BenchTimer.interleaved(3, runs, cases);
            System.out.println("after:  " + BenchTimer.environment());
            System.out.printf("median of %d interleaved runs after 3 warm-up rounds:%n", runs);
            results.forEach(r -> System.out.println("  " + r));
            String catSeg = System.getProperty("ovrsis.bench.catsegMs");
            if (catSeg != null) {
                double ratio = Double.parseDouble(catSeg) / results.get(0).wallMedian();
                System.out.printf("CAT-Seg layer %s ms / RS-Fusion layer %.1f ms = %.1fx (target >= 10x)%n", catSeg,
                        results.get(0).wallMedian(), ratio);
            }
            if (Boolean.getBoolean("ovrsis.bench.profile")) {
                OpProfile.print("RS-Fusion layer", oneLayer, 5, 30);
            }
            if (Boolean.getBoolean("ovrsis.bench.training")) {
                JniUtils.setGradMode(true);
                Map<String, Runnable> training = BenchTimer.cases();
                training.put("training forward+backward, head with 1 layer", () -> {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(f.fuse(new CostVolume(cost), g, text, true).volume().sum());
                    }
                });
                BenchTimer.interleaved(1, 3, training).forEach(r -> System.out.println("  " + r));
            }
        }
    }
}
