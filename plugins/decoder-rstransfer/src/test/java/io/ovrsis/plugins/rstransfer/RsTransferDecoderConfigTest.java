package io.ovrsis.plugins.rstransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RsTransferDecoderConfigTest {
    private static final YAMLMapper YAML = YAMLMapper.builder().addModule(new ParameterNamesModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static Set<ConstraintViolation<RsTransferDecoderConfig>> validate(RsTransferDecoderConfig c) {
        try (ValidatorFactory f = Validation.buildDefaultValidatorFactory()) {
            return f.getValidator().validate(c);
        }
    }

    @Test
    void recordedDefaults() {
        RsTransferDecoderConfig d = new RsTransferDecoderFactory().defaultConfig();
        assertThat(d).isEqualTo(new RsTransferDecoderConfig(128, List.of("imageEncoder", "remoteclip", "dino"),
                List.of("block3", "block7"), Map.of(), "dense", List.of(256, 128), List.of(32, 16), List.of(64, 32),
                Map.of("imageEncoder", new GuidanceModuleNames(List.of("upsample1", "upsample2"),
                                "CLIP_decoder_guidance_projection"),
                        "remoteclip", new GuidanceModuleNames(List.of("upsample1_remote", "upsample2_remote"),
                                "CLIP_decoder_guidance_projection_remote"),
                        "dino", new GuidanceModuleNames(List.of("dino_decod_proj1", "dino_decod_proj2"),
                                "DINO_decoder_guidance_projection"))));
        assertThat(validate(d)).isEmpty();
        assertThat(d.stages()).isEqualTo(2);
        assertThat(d.namesOf("other")).isEqualTo(new GuidanceModuleNames(List.of("other_decod_proj1", "other_decod_proj2"),
                "other_decoder_guidance_projection"));
    }

    @Test
    void fullMappingBindsEveryKey() throws Exception {
        String yaml = """
                hidden: 32
                guidance: [imageEncoder, dino]
                taps: [block2, block5]
                sourceTaps:
                  imageEncoder: [block7, block15]
                costFeature: dense
                guidanceDims: [32, 16]
                projDims: [8, 4]
                decoderDims: [32, 16]
                moduleNames:
                  dino: { tapProjections: [d1, d2], guidanceProjection: DINO_g }
                """;
        RsTransferDecoderConfig c = YAML.readValue(yaml, RsTransferDecoderConfig.class);
        assertThat(c).isEqualTo(new RsTransferDecoderConfig(32, List.of("imageEncoder", "dino"), List.of("block2", "block5"),
                Map.of("imageEncoder", List.of("block7", "block15")), "dense", List.of(32, 16), List.of(8, 4),
                List.of(32, 16), Map.of("dino", new GuidanceModuleNames(List.of("d1", "d2"), "DINO_g"))));
        assertThat(validate(c)).isEmpty();
        assertThat(c.tapsOf("imageEncoder")).containsExactly("block7", "block15");
        assertThat(c.tapsOf("dino")).containsExactly("block2", "block5");
        assertThat(YAML.readValue(YAML.writeValueAsString(c), RsTransferDecoderConfig.class)).isEqualTo(c);
    }

    @Test
    void unknownKeyIsRejected() {
        assertThatThrownBy(() -> YAML.readValue("decoderDim: [64, 32]\n", RsTransferDecoderConfig.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void violatedConstraints() {
        RsTransferDecoderConfig d = RsTransferDecoderConfig.defaults();
        assertThat(validate(new RsTransferDecoderConfig(d.hidden(), d.guidance(), d.taps(), d.sourceTaps(),
                d.costFeature(), d.guidanceDims(), d.projDims(), List.of(64, 32, 16), d.moduleNames())))
                .singleElement().satisfies(v -> assertThat(v.getMessage()).contains("one entry per stage"));
        assertThat(validate(new RsTransferDecoderConfig(d.hidden(), d.guidance(), d.taps(), d.sourceTaps(),
                d.costFeature(), d.guidanceDims(), d.projDims(), List.of(64, 40), d.moduleNames())))
                .singleElement().satisfies(v -> assertThat(v.getMessage()).contains("multiples of 16"));
        assertThat(validate(new RsTransferDecoderConfig(d.hidden(), d.guidance(), d.taps(), d.sourceTaps(),
                d.costFeature(), d.guidanceDims(), List.of(128, 16), d.decoderDims(), d.moduleNames())))
                .singleElement().satisfies(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("projDimsBelowStageInput"));
        assertThat(validate(new RsTransferDecoderConfig(d.hidden(), List.of("dino", "dino"), d.taps(), d.sourceTaps(),
                d.costFeature(), d.guidanceDims(), d.projDims(), d.decoderDims(), d.moduleNames())))
                .singleElement().satisfies(v -> assertThat(v.getMessage()).contains("distinct"));
    }
}
