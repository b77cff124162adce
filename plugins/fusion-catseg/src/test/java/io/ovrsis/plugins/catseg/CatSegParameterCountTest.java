package io.ovrsis.plugins.catseg;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import io.ovrsis.api.testing.PaperEncoders;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Parameter counts and names of the authors' {@code OriAggregatorLayer} at the RSKT-Seg / CAT-Seg ViT-B
 * settings (hidden 128, guidance 128, text guidance 128, 4 heads, window 12, pad_len 256), from declared
 * shapes only. 677,120 per layer was also counted on the authors' module (random weights, PyTorch).
 */
class CatSegParameterCountTest {

    static CatSegHeadConfig with(int layers, int padLength) {
        CatSegHeadConfig d = CatSegHeadConfig.defaults();
        return new CatSegHeadConfig(layers, d.hidden(), d.heads(), d.windowSize(), d.poolingSize(),
                d.evalPoolingSize(), padLength, d.attentionType(), d.guidanceDim(), d.textGuidanceDim(),
                d.guidanceSource());
    }

    private static long sum(Map<String, Param> params, String prefix) {
        return params.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().shape().size()).sum();
    }

    @Test
    void oneLayerAtPaperSize() {
        Map<String, Param> p = new CatSegHeadFactory().create(CatSegHeadConfig.defaults(),
                PaperEncoders.vitB16("model.fusion")).module().namedParameters();
        for (int i = 0; i < 3; i++) {
            String l = "layers." + i + ".";
            for (String block : new String[] {"block_1", "block_2"}) {
                String b = l + "swin_block." + block + ".";
                assertThat(sum(p, b + "attn.")).isEqualTo(2 * 32_896L + 2 * 16_512L);
                assertThat(sum(p, b + "mlp.")).isEqualTo(66_048L + 65_664L);
                assertThat(sum(p, b + "norm")).isEqualTo(512L);
                assertThat(sum(p, b)).isEqualTo(231_040L);
            }
            assertThat(sum(p, l + "swin_block.guidance_norm.")).isEqualTo(256L);
            assertThat(sum(p, l + "swin_block.")).isEqualTo(462_336L);
            assertThat(sum(p, l + "attention.attention.")).isEqualTo(82_304L);
            assertThat(sum(p, l + "attention.MLP.")).isEqualTo(131_712L);
            assertThat(sum(p, l + "attention.padding_")).isEqualTo(256L);
            assertThat(sum(p, l + "attention.")).isEqualTo(214_784L);
            assertThat(sum(p, l)).isEqualTo(677_120L);
            assertThat(p.keySet().stream().filter(k -> k.startsWith(l))).hasSize(50);
        }
    }

    @Test
    void vitB16ThreeLayersWithGuidanceProjections() {
        TensorModule m = new CatSegHeadFactory().create(CatSegHeadConfig.defaults(),
                PaperEncoders.vitB16("model.fusion")).module();
        assertThat(sum(m.namedParameters(), "guidance_projection.0.")).isEqualTo(589_952L);
        assertThat(sum(m.namedParameters(), "text_guidance_projection.0.")).isEqualTo(65_664L);
        assertThat(m.parameterCount()).isEqualTo(589_952L + 65_664L + 3 * 677_120L);
        assertThat(m.trainableParameterCount()).isEqualTo(m.parameterCount());
        assertThat(m.namedParameters().values()).noneMatch(Param::isInitialized);
    }

    @Test
    void vitL14GuidanceIsWider() {
        TensorModule m = new CatSegHeadFactory().create(with(2, 256), PaperEncoders.vitL14("model.fusion")).module();
        assertThat(sum(m.namedParameters(), "guidance_projection.0.")).isEqualTo(884_864L);
        assertThat(sum(m.namedParameters(), "text_guidance_projection.0.")).isEqualTo(98_432L);
        assertThat(m.parameterCount()).isEqualTo(884_864L + 98_432L + 2 * 677_120L);
    }

    @Test
    void authorsKeyNamesAndShapes() {
        Map<String, Param> p = new CatSegHeadFactory().create(CatSegHeadConfig.defaults(),
                PaperEncoders.vitB16("model.fusion")).module().namedParameters();
        Map<String, long[]> expected = Map.ofEntries(
                Map.entry("guidance_projection.0.weight", new long[] {128, 512, 3, 3}),
                Map.entry("text_guidance_projection.0.weight", new long[] {128, 512}),
                Map.entry("layers.0.swin_block.block_1.attn.q.weight", new long[] {128, 256}),
                Map.entry("layers.0.swin_block.block_1.attn.v.weight", new long[] {128, 128}),
                Map.entry("layers.0.swin_block.block_2.attn.proj.bias", new long[] {128}),
                Map.entry("layers.1.swin_block.block_2.mlp.fc1.weight", new long[] {512, 128}),
                Map.entry("layers.1.swin_block.block_2.mlp.fc2.weight", new long[] {128, 512}),
                Map.entry("layers.1.swin_block.guidance_norm.weight", new long[] {128}),
                Map.entry("layers.2.attention.padding_tokens", new long[] {1, 1, 128}),
                Map.entry("layers.2.attention.padding_guidance", new long[] {1, 1, 128}),
                Map.entry("layers.2.attention.attention.k.weight", new long[] {128, 256}),
                Map.entry("layers.2.attention.MLP.0.weight", new long[] {512, 128}),
                Map.entry("layers.2.attention.MLP.2.bias", new long[] {128}),
                Map.entry("layers.2.attention.norm2.bias", new long[] {128}));
        expected.forEach((k, v) -> assertThat(p).as(k).containsKey(k));
        expected.forEach((k, v) -> assertThat(p.get(k).shape().getShape()).as(k).containsExactly(v));
        assertThat(p.keySet()).noneMatch(k -> k.contains("relative_position") || k.contains("attn_mask"));
        assertThat(p.get("layers.0.attention.padding_tokens").weightDecay()).isTrue();
        assertThat(p.get("layers.0.attention.norm1.weight").weightDecay()).isFalse();
    }

    @Test
    void noPaddingDropsThePaddingParameters() {
        TensorModule m = new CatSegHeadFactory().create(with(1, 0), PaperEncoders.vitB16("model.fusion")).module();
        assertThat(m.namedParameters().keySet()).noneMatch(k -> k.contains("padding"));
        assertThat(sum(m.namedParameters(), "layers.0.")).isEqualTo(677_120L - 256);
    }
}
