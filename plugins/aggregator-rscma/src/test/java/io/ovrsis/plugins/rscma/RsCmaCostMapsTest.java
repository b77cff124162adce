package io.ovrsis.plugins.rscma;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.CostAggregator;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.testing.PaperEncoders;
import io.ovrsis.api.testing.TestArrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link RsCmaAggregator#costMaps}: the maps must be exactly what conv1 embeds, each direction turned
 * back to the unrotated frame (checked against method.md's index formulas with plain loops on
 * independent, non-symmetric views), and the extra cost under the encoder's name.
 */
class RsCmaCostMapsTest {
    private static final int B = 2;
    private static final int D = 32;
    private static final int N = 8;
    private static final int T = 3;

    private static RsCmaAggregator build(List<String> extra, int templates, CostFusionType type, int hidden, NDManager m) {
        RsCmaAggregatorConfig c = new RsCmaAggregatorConfig(List.of(0, 90, 180, 270), "dense", extra, "dense", templates,
                hidden, type, 1);
        RsCmaAggregator a = (RsCmaAggregator) new RsCmaAggregatorFactory().create(c, PaperEncoders.tiny("model.aggregator"));
        a.module().initialize(m, 5);
        return a;
    }

    /** Four unrelated random views with a ramp: no view is a rotation of another, none is symmetric. */
    private static List<FeatureMaps> views(NDManager m) {
        List<FeatureMaps> v = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            NDArray ramp = m.arange((float) (N * N)).reshape(1, 1, N, N).mul(0.05f * (i + 1));
            v.add(new FeatureMaps(Map.of("dense", TestArrays.randn(m, 40 + i, B, D, N, N).add(ramp))));
        }
        return v;
    }

    private static Guidance guidance(NDManager m, List<FeatureMaps> views) {
        return new Guidance(views.get(0), Map.of("dino", new FeatureMaps(Map.of("dense",
                TestArrays.randn(m, 9, B, 96, 2 * N, 2 * N)))));
    }

    private static TextEmbeddings text(NDManager m, int templates) {
        List<String> t = templates == 1 ? List.of("{}") : List.of("{}", "a photo of {}");
        return new TextEmbeddings(TestArrays.text(m, 3, T, templates, D), List.of("a", "b", "c"), t);
    }

    /** The index in view k's map that lands on (h, w) after turning back by -k (method.md §2). */
    private static int[] source(int k, int h, int w) {
        return switch (k) {
            case 0 -> new int[] {h, w};
            case 1 -> new int[] {N - 1 - w, h};     // turned back by k=3: out[h][w] = in[N-1-w][h]
            case 2 -> new int[] {N - 1 - h, N - 1 - w};
            case 3 -> new int[] {w, N - 1 - h};     // turned back by k=1: out[h][w] = in[w][N-1-h]
            default -> throw new IllegalArgumentException();
        };
    }

    @Test
    void everyDirectionIsTheCosineOfItsViewTurnedBack() {
        try (NDManager m = NDManager.newBaseManager()) {
            RsCmaAggregator a = build(List.of(), 1, CostFusionType.SIMPLE_SEPARATE, 4, m);
            List<FeatureMaps> views = views(m);
            TextEmbeddings text = text(m, 1);
            Map<String, NDArray> maps = a.costMaps(views, new Guidance(views.get(0), Map.of()), text);
            assertThat(maps.keySet()).containsExactly("rot0", "rot90", "rot180", "rot270");
            float[] t = text.embeddings().toFloatArray();
            for (int k = 0; k < 4; k++) {
                NDArray got = maps.get("rot" + 90 * k);
                assertThat(got.getShape().getShape()).containsExactly(B, T, N, N);
                float[] f = views.get(k).get("dense").toFloatArray();
                float[] g = got.toFloatArray();
                double worst = 0;
                for (int b = 0; b < B; b++) {
                    for (int c = 0; c < T; c++) {
                        for (int h = 0; h < N; h++) {
                            for (int w = 0; w < N; w++) {
                                int[] s = source(k, h, w);
                                double dot = 0;
                                double norm = 0;
                                for (int d = 0; d < D; d++) {
                                    double x = f[((b * D + d) * N + s[0]) * N + s[1]];
                                    dot += x * t[c * D + d];
                                    norm += x * x;
                                }
                                double expected = dot / Math.sqrt(norm);
                                worst = Math.max(worst, Math.abs(expected - g[((b * T + c) * N + h) * N + w]));
                            }
                        }
                    }
                }
                assertThat(worst).as("direction %d°", 90 * k).isLessThan(1e-5);
            }
            // the views really differ under rotation: a rotation-blind implementation would fail above
            assertThat(maps.get("rot90").sub(maps.get("rot0")).abs().max().getFloat()).isGreaterThan(0.1f);
        }
    }

    /** conv1 as a 1×1 identity: the embedded volume's channel j is conv1's input channel j. */
    @Test
    void mapsAreTheChannelsConv1EmbedsIncludingTheExtraCost() {
        try (NDManager m = NDManager.newBaseManager()) {
            RsCmaAggregator a = build(List.of("dino"), 1, CostFusionType.SIMPLE_CONCATENATION, 5, m);
            float[] identity = new float[5 * 5];
            for (int j = 0; j < 5; j++) {
                identity[j * 5 + j] = 1;
            }
            a.module().namedParameters().get("conv1.weight").load(identity);
            a.module().namedParameters().get("conv1.bias").load(new float[5]);
            List<FeatureMaps> views = views(m);
            Guidance g = guidance(m, views);
            TextEmbeddings text = text(m, 1);
            NDArray embedded = a.aggregate(views, g, text, false).volume();
            Map<String, NDArray> maps = a.costMaps(views, g, text);
            assertThat(maps.keySet()).containsExactly("rot0", "rot90", "rot180", "rot270", "dino");
            List<String> order = List.of("rot0", "rot90", "rot180", "rot270", "dino");
            for (int j = 0; j < 5; j++) {
                NDArray channel = embedded.get(":, " + j);
                assertThat(channel.sub(maps.get(order.get(j))).abs().max().getFloat()).as(order.get(j)).isLessThan(1e-6f);
            }
        }
    }

    /** With two templates each map is the mean of the direction's two channels. */
    @Test
    void templatesAreAveraged() {
        try (NDManager m = NDManager.newBaseManager()) {
            RsCmaAggregator a = build(List.of("dino"), 2, CostFusionType.SIMPLE_CONCATENATION, 5, m);
            float[] mean = new float[5 * 10];
            for (int j = 0; j < 5; j++) {
                mean[j * 10 + 2 * j] = 0.5f;
                mean[j * 10 + 2 * j + 1] = 0.5f;
            }
            a.module().namedParameters().get("conv1.weight").load(mean);
            a.module().namedParameters().get("conv1.bias").load(new float[5]);
            List<FeatureMaps> views = views(m);
            Guidance g = guidance(m, views);
            TextEmbeddings text = text(m, 2);
            NDArray embedded = a.aggregate(views, g, text, false).volume();
            Map<String, NDArray> maps = a.costMaps(views, g, text);
            List<String> order = List.of("rot0", "rot90", "rot180", "rot270", "dino");
            for (int j = 0; j < 5; j++) {
                assertThat(maps.get(order.get(j)).getShape().getShape()).containsExactly(B, T, N, N);
                assertThat(embedded.get(":, " + j).sub(maps.get(order.get(j))).abs().max().getFloat())
                        .as(order.get(j)).isLessThan(1e-6f);
            }
        }
    }

    @Test
    void oneDirectionGivesOneMap() {
        try (NDManager m = NDManager.newBaseManager()) {
            CostAggregator a = new RsCmaAggregatorFactory().create(new RsCmaAggregatorConfig(List.of(0), "dense", List.of(),
                    "dense", 1, 4, CostFusionType.SIMPLE_SEPARATE, 1), PaperEncoders.tiny("model.aggregator"));
            a.module().initialize(m, 1);
            List<FeatureMaps> views = views(m).subList(0, 1);
            assertThat(a.costMaps(views, new Guidance(views.get(0), Map.of()), text(m, 1)).keySet()).containsExactly("rot0");
        }
    }
}
