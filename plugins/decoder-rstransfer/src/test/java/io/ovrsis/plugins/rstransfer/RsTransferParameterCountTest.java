package io.ovrsis.plugins.rstransfer;

import io.ovrsis.api.testing.PaperEncoders;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Parameter counts of method.md §5 / §14.9 from declared shapes only (nothing is allocated). */
class RsTransferParameterCountTest {
    /** Encoders (method.md §5): CLIP B/16, RemoteCLIP B/32, DINO B/8; and CLIP L/14@336. */
    private static final long CLIP_B16 = 149_620_737L;
    private static final long CLIP_L14 = 427_944_193L;
    private static final long REMOTECLIP = 151_277_313L;
    private static final long DINO = 85_807_872L;
    /** Sizes asserted by the sibling plugins' own count tests (aggregator-rscma, fusion-rsfusion). */
    private static final long RSCMA_B16 = 3_210_752L;
    private static final long RSCMA_L14 = 3_997_440L;
    private static final long RSFUSION_B16_3_LAYERS = 3_147_392L;
    private static final long RSFUSION_L14_2_LAYERS = 2_644_480L;

    private static Map<String, Long> perModule(TensorModule m) {
        return m.namedParameters().entrySet().stream().collect(Collectors.groupingBy(
                e -> e.getKey().substring(0, e.getKey().lastIndexOf('.')), TreeMap::new,
                Collectors.summingLong(e -> e.getValue().shape().size())));
    }

    private static long sum(Map<String, Long> modules, String prefix) {
        return modules.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToLong(Map.Entry::getValue).sum();
    }

    @Test
    void vitB16MatchesTheAuthorsModules() {
        TensorModule m = new RsTransferDecoderFactory().create(RsTransferDecoderConfig.defaults(), PaperEncoders.vitB16("model.decoder"))
                .module();
        Map<String, Long> p = perModule(m);
        assertThat(p).containsEntry("upsample1", 786_688L).containsEntry("upsample2", 1_572_992L)
                .containsEntry("upsample1_remote", 786_688L).containsEntry("upsample2_remote", 1_572_992L)
                .containsEntry("dino_decod_proj1", 196_864L).containsEntry("dino_decod_proj2", 393_344L)
                .containsEntry("head", 289L);
        for (String g : List.of("CLIP_decoder_guidance_projection.", "CLIP_decoder_guidance_projection_remote.",
                "DINO_decoder_guidance_projection.")) {
            assertThat(sum(p, g)).as(g).isEqualTo(92_208L);
        }
        assertThat(sum(p, "Fusiondecoder1.")).isEqualTo(196_960L);
        assertThat(sum(p, "Fusiondecoder2.")).isEqualTo(49_328L);
        // method.md §5: "new modules" 6,882,944 = the six tap projections + dino_down_sample (rscma, 1,573,376);
        // "decoder without aggregator layers" 2,816,193 = the rest here + rscma/rsfusion parts
        assertThat(sum(p, "upsample") + sum(p, "dino_decod_proj") + 1_573_376L).isEqualTo(6_882_944L);
        long total = m.parameterCount();
        assertThat(total).isEqualTo(5_832_769L);
        assertThat(CLIP_B16 + REMOTECLIP + DINO + RSCMA_B16 + RSFUSION_B16_3_LAYERS + total).isEqualTo(398_896_835L);
        assertThat(m.namedParameters().values()).noneMatch(Param::isInitialized);
    }

    @Test
    void vitL14UsesWiderClipTapsAtBlocks7And15() {
        RsTransferDecoderConfig d = RsTransferDecoderConfig.defaults();
        RsTransferDecoderConfig l = new RsTransferDecoderConfig(d.hidden(), d.guidance(), d.taps(),
                Map.of("imageEncoder", List.of("block7", "block15")), d.costFeature(), d.guidanceDims(), d.projDims(),
                d.decoderDims(), d.moduleNames());
        TensorModule m = new RsTransferDecoderFactory().create(l, PaperEncoders.vitL14("model.decoder")).module();
        Map<String, Long> p = perModule(m);
        assertThat(p).containsEntry("upsample1", 1_048_832L).containsEntry("upsample2", 2_097_280L);
        assertThat(m.parameterCount()).isEqualTo(6_619_201L);
        // method.md §14.9: ViT-L/14@336 with 2 layers, 678,290,499 in total
        assertThat(CLIP_L14 + REMOTECLIP + DINO + RSCMA_L14 + RSFUSION_L14_2_LAYERS + m.parameterCount())
                .isEqualTo(678_290_499L);
    }

    @Test
    void authorsKeyNamesAndLayouts() {
        Map<String, Param> p = new RsTransferDecoderFactory().create(RsTransferDecoderConfig.defaults(),
                PaperEncoders.vitB16("model.decoder")).module().namedParameters();
        Map<String, long[]> expected = Map.of(
                "upsample1.weight", new long[] {768, 256, 2, 2},
                "upsample2.weight", new long[] {768, 128, 4, 4},
                "dino_decod_proj1.weight", new long[] {256, 768, 1, 1},
                "dino_decod_proj2.weight", new long[] {768, 128, 2, 2},
                "CLIP_decoder_guidance_projection_remote.1.0.weight", new long[] {16, 128, 3, 3},
                "Fusiondecoder1.up.weight", new long[] {128, 96, 2, 2},
                "Fusiondecoder1.conv.double_conv.0.weight", new long[] {64, 192, 3, 3},
                "Fusiondecoder2.conv.double_conv.4.weight", new long[] {32},
                "head.weight", new long[] {1, 32, 3, 3});
        expected.forEach((k, v) -> assertThat(p).as(k).containsKey(k));
        expected.forEach((k, v) -> assertThat(p.get(k).shape().getShape()).as(k).containsExactly(v));
        assertThat(p).doesNotContainKeys("Fusiondecoder1.conv.double_conv.0.bias", "Fusiondecoder1.conv.double_conv.3.bias");
        // §14.8: 40 "decoder" keys, minus conv1/conv2/fusion_corr (6, in rscma) and the two guidance projections
        // of rsfusion (4), plus the 12 top-level tap-projection keys (upsample*, dino_decod_proj*)
        assertThat(p).hasSize(40 - 6 - 4 + 12);
    }

    @Test
    void guidanceLessVariantKeepsTheUpConvolutionWidth() {
        RsTransferDecoderConfig d = RsTransferDecoderConfig.defaults();
        RsTransferDecoderConfig none = new RsTransferDecoderConfig(d.hidden(), List.of(), d.taps(), d.sourceTaps(),
                d.costFeature(), d.guidanceDims(), d.projDims(), d.decoderDims(), d.moduleNames());
        Map<String, Param> p = new RsTransferDecoderFactory().create(none, PaperEncoders.vitB16("model.decoder")).module().namedParameters();
        assertThat(p.get("Fusiondecoder1.up.weight").shape().getShape()).containsExactly(128, 128, 2, 2);
        assertThat(p.get("Fusiondecoder1.conv.double_conv.0.weight").shape().getShape()).containsExactly(64, 128, 3, 3);
        assertThat(p.keySet()).allMatch(k -> k.startsWith("Fusiondecoder") || k.startsWith("head"));
    }
}
