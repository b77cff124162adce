package io.ovrsis.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.runtime.features.ProcessMemory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark table and JSON tree from a made-up result; the 17.9 s target judged only for the paper model. */
class BenchReportTest {

    private static InferenceBenchmark.Repeat pass(double encoder, double fusion) {
        Map<String, Double> ms = new LinkedHashMap<>();
        ms.put("preprocess", 1.0);
        ms.put("imageEncoder", encoder);
        ms.put("auxEncoders.dino", 100.0);
        ms.put("aggregator", 10.0);
        ms.put("fusion", fusion);
        ms.put("decoder", 20.0);
        ms.put("postprocess", 2.0);
        Map<String, Double> rss = new LinkedHashMap<>();
        ms.keySet().forEach(k -> rss.put(k, 1000.0));
        return new InferenceBenchmark.Repeat(ms, rss, encoder + fusion + 133 + 4, 2 * (encoder + fusion), new ProcessMemory(2048 * 1024, 4096 * 1024, 1 << 20));
    }

    private static Map<String, String> paper() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("model.imageEncoder", "clip-vit-b16");
        c.put("model.textEncoder", "clip-text-b16");
        c.put("model.auxEncoders.remoteclip", "remoteclip-vit-b32");
        c.put("model.auxEncoders.dino", "dino-vitb8");
        c.put("model.aggregator", "rscma");
        c.put("model.fusion", "rsfusion");
        c.put("model.decoder", "rstransfer");
        return c;
    }

    private static InferenceBenchmark.Result result(int size, int classes) {
        return new InferenceBenchmark.Result(new InferenceBenchmark.Settings(size, classes, 1, 2), size, size, 50.0,
                List.of(pass(1000, 300), pass(3000, 500)), false, new ProcessMemory(1024, 1024, 0));
    }

    @Test
    void tableHasEveryStageWithMeanMinMaxAndTheTargets() {
        String t = BenchReport.table(result(640, 17), "exp.yaml", paper(), "threads");
        assertThat(t).contains("imageEncoder (all views)").contains("auxEncoders.dino").contains("fusion (whole head)")
                .contains("total (predict forward)").contains("autograd off").contains("1000 MiB");
        // imageEncoder: mean 2000, min 1000, max 3000
        assertThat(t.lines().filter(l -> l.startsWith("imageEncoder")).findFirst().orElseThrow())
                .contains("2000.0").contains("1000.0").contains("3000.0");
        assertThat(t).contains("17.9 s per image; this run 2.54 s (7.1x faster: met)");
        assertThat(t).contains("fusion head (all its layers) 400.0 ms");
        assertThat(t).contains("pass 1: 1.4 s wall, 2.6 s CPU (1.81 cores)");
    }

    @Test
    void theTargetIsJudgedOnlyForThePaperModelSizeAndClassCount() {
        assertThat(BenchReport.comparable(result(640, 17), paper())).isTrue();
        assertThat(BenchReport.comparable(result(512, 17), paper())).isFalse();
        assertThat(BenchReport.comparable(result(640, 8), paper())).isFalse();
        Map<String, String> demo = new LinkedHashMap<>(paper());
        demo.put("model.imageEncoder", "clip-vit");
        assertThat(BenchReport.comparable(result(640, 17), demo)).isFalse();
        assertThat(BenchReport.table(result(640, 17), "demo.yaml", demo, "t")).contains("not comparable");
    }

    @Test
    void jsonTreeHoldsStagesPassesAndTargets() {
        Map<String, Object> j = BenchReport.json(result(640, 17), "exp.yaml", paper(), Map.of("cpus", 2));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Double>> stages = (Map<String, Map<String, Double>>) j.get("stages");
        assertThat(stages.keySet()).containsExactly("preprocess", "imageEncoder", "auxEncoders.dino", "aggregator", "fusion",
                "decoder", "postprocess");
        assertThat(stages.get("fusion").get("meanMs")).isEqualTo(400.0);
        assertThat((List<?>) j.get("passes")).hasSize(2);
        @SuppressWarnings("unchecked")
        Map<String, Object> targets = (Map<String, Object>) j.get("targets");
        assertThat(targets.get("comparable")).isEqualTo(true);
        assertThat(targets.get("authorsRsktSegB16Seconds")).isEqualTo(17.9);
    }
}
