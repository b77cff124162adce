package io.ovrsis.plugins.rsfusion;

import io.ovrsis.api.testing.PaperEncoders;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter counts and names of method.md §5 / §14.8–9, from declared shapes only. */
class RsFusionParameterCountTest {

    private static long sum(Map<String, Param> params, String prefix) {
        return params.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().shape().size()).sum();
    }

    @Test
    void vitB16ThreeLayers() {
        TensorModule m = new RsFusionHeadFactory().create(RsFusionHeadConfig.defaults(), PaperEncoders.vitB16("model.fusion")).module();
        Map<String, Param> p = m.namedParameters();
        assertThat(sum(p, "guidance_projection.0.")).isEqualTo(589_952L);
        assertThat(sum(p, "text_guidance_projection.0.")).isEqualTo(65_664L);
        for (int i = 0; i < 3; i++) {
            assertThat(sum(p, "layers." + i + ".spatial_fusion.sa.")).isEqualTo(582_912L);
            assertThat(sum(p, "layers." + i + ".class_fusion.sa.")).isEqualTo(247_680L);
            assertThat(sum(p, "layers." + i + ".")).isEqualTo(830_592L);
            String layer = "layers." + i + ".";
            assertThat(p.keySet().stream().filter(k -> k.startsWith(layer))).hasSize(46);
        }
        assertThat(m.parameterCount()).isEqualTo(589_952L + 65_664L + 3 * 830_592L);
        assertThat(p.values()).noneMatch(Param::isInitialized);
    }

    @Test
    void authorsKeyNamesAndShapes() {
        Map<String, Param> p = new RsFusionHeadFactory().create(RsFusionHeadConfig.defaults(), PaperEncoders.vitB16("model.fusion"))
                .module().namedParameters();
        Map<String, long[]> expected = Map.of(
                "guidance_projection.0.weight", new long[] {128, 512, 3, 3},
                "text_guidance_projection.0.weight", new long[] {128, 512},
                "layers.0.spatial_fusion.sa.attention.q.weight", new long[] {128, 256},
                "layers.0.spatial_fusion.sa.attention.sr_k.weight", new long[] {256, 256, 2, 2},
                "layers.0.spatial_fusion.sa.attention.norm_k.weight", new long[] {256},
                "layers.1.spatial_fusion.sa.attention.sr_v.weight", new long[] {128, 128, 2, 2},
                "layers.1.spatial_fusion.sa.mlp.dwconv.dwconv.weight", new long[] {128, 1, 7, 7},
                "layers.2.class_fusion.sa.attention.k.weight", new long[] {128, 256},
                "layers.2.class_fusion.sa.mlp.fc3.weight", new long[] {128, 384},
                "layers.2.class_fusion.sa.norm2.bias", new long[] {128});
        expected.forEach((k, v) -> assertThat(p).as(k).containsKey(k));
        expected.forEach((k, v) -> assertThat(p.get(k).shape().getShape()).as(k).containsExactly(v));
        assertThat(p.keySet()).noneMatch(k -> k.contains("class_fusion") && (k.contains("sr_") || k.contains("dwconv")));
    }

    @Test
    void vitL14TwoLayersWithWiderGuidance() {
        RsFusionHeadConfig d = RsFusionHeadConfig.defaults();
        RsFusionHeadConfig two = new RsFusionHeadConfig(2, d.hidden(), d.heads(), d.spatialReduction(), d.classPool(),
                d.mlpRatio(), d.guidanceDim(), d.textGuidanceDim(), d.guidanceSource());
        TensorModule m = new RsFusionHeadFactory().create(two, PaperEncoders.vitL14("model.fusion")).module();
        assertThat(sum(m.namedParameters(), "guidance_projection.0.")).isEqualTo(884_864L);
        assertThat(sum(m.namedParameters(), "text_guidance_projection.0.")).isEqualTo(98_432L);
        assertThat(m.parameterCount()).isEqualTo(2_644_480L);
    }

    @Test
    void noSpatialReductionDropsTheReductionLayers() {
        RsFusionHeadConfig d = RsFusionHeadConfig.defaults();
        RsFusionHeadConfig full = new RsFusionHeadConfig(1, d.hidden(), d.heads(), 1, d.classPool(), d.mlpRatio(),
                d.guidanceDim(), d.textGuidanceDim(), d.guidanceSource());
        TensorModule m = new RsFusionHeadFactory().create(full, PaperEncoders.vitB16("model.fusion")).module();
        assertThat(sum(m.namedParameters(), "layers.0.spatial_fusion.")).isEqualTo(582_912L - 262_400 - 512 - 65_664 - 256);
    }
}
