package io.ovrsis.plugins.dino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.ovrsis.api.component.ComponentException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DinoImageEncoderConfigTest {
    static final YAMLMapper YAML = YAMLMapper.builder().addModule(new ParameterNamesModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    static <T> Set<ConstraintViolation<T>> validate(T config) {
        try (ValidatorFactory f = Validation.buildDefaultValidatorFactory()) {
            return f.getValidator().validate(config);
        }
    }

    @Test
    void recordedDefaults() {
        assertThat(new DinoVitB8ImageEncoderFactory().defaultConfig()).isEqualTo(new DinoImageEncoderConfig(768, 12, 12,
                8, 28, 384, 1.717857142857143, List.of(3, 7), true, Finetune.FROZEN, 1.0, "pretrain/RSIB.pth"));
        assertThat(new DinoImageEncoderFactory().defaultConfig()).isEqualTo(new DinoImageEncoderConfig(64, 8, 4, 8, 48,
                384, null, List.of(3, 7), true, Finetune.FROZEN, 1.0, null));
        for (DinoImageEncoderFactory f : List.of(new DinoImageEncoderFactory(), new DinoVitB8ImageEncoderFactory())) {
            assertThat(validate(f.defaultConfig())).as(f.id()).isEmpty();
            assertThat(f.defaultConfig().violations()).as(f.id()).isEmpty();
        }
        DinoImageEncoderConfig b8 = new DinoVitB8ImageEncoderFactory().defaultConfig();
        assertThat(b8.grid()).isEqualTo(48);
        assertThat(DinoImageEncoderConfig.resizedSide(28, b8.positionScale())).isEqualTo(48);
        // the hard-coded factor is DINO's own rule for 384 px, (48 + 0.1) / 28, up to the last digit
        assertThat(b8.positionScale()).isCloseTo((48 + 0.1) / 28, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void fullMappingBindsEveryKey() throws Exception {
        String yaml = """
                width: 96
                layers: 6
                heads: 3
                patchSize: 16
                pretrainedGrid: 14
                inputSize: 448
                posEmbedScaleFactor: 2.0
                taps: [1, 4]
                finalOutput: false
                finetune: attention
                lrMultiplier: 0.5
                weights: pretrain/dino_vitbase16.pth
                """;
        DinoImageEncoderConfig c = YAML.readValue(yaml, DinoImageEncoderConfig.class);
        assertThat(c).isEqualTo(new DinoImageEncoderConfig(96, 6, 3, 16, 14, 448, 2.0, List.of(1, 4), false,
                Finetune.ATTENTION, 0.5, "pretrain/dino_vitbase16.pth"));
        assertThat(validate(c)).isEmpty();
        assertThat(c.violations()).isEmpty();
        assertThat(YAML.readValue("finetune: full\nposEmbedScaleFactor: null\n", DinoImageEncoderConfig.class)
                .finetune()).isEqualTo(Finetune.FULL);
        // the runtime merges user keys over the defaults as a tree: the defaults must round-trip
        for (DinoImageEncoderConfig d : List.of(new DinoVitB8ImageEncoderFactory().defaultConfig(),
                new DinoImageEncoderFactory().defaultConfig())) {
            assertThat(YAML.readValue(YAML.writeValueAsString(d), DinoImageEncoderConfig.class)).isEqualTo(d);
        }
        assertThat(YAML.writeValueAsString(c)).doesNotContain("Multiple").doesNotContain("violations")
                .doesNotContain("grid:").doesNotContain("positionScale");
    }

    @Test
    void unknownKeyIsRejected() {
        assertThatThrownBy(() -> YAML.readValue("depth: 12\n", DinoImageEncoderConfig.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void nullScaleFactorIsDinosOwnRule() {
        DinoImageEncoderConfig c = new DinoImageEncoderConfig(768, 12, 12, 8, 28, 448, null, List.of(3, 7), true,
                Finetune.FROZEN, 1.0, null);
        assertThat(c.positionScale()).isEqualTo((56 + 0.1) / 28);
        assertThat(DinoImageEncoderConfig.resizedSide(28, c.positionScale())).isEqualTo(56);
        assertThat(c.violations()).isEmpty();
    }

    @Test
    void violatedConstraintsAreReportedByTheValidatorAndByCreate() {
        // RSKT-Seg's factor with another input size: the authors' code would fail its assertion
        DinoImageEncoderConfig bad = new DinoImageEncoderConfig(100, 2, 3, 8, 28, 448, 1.717857142857143, List.of(2),
                true, Finetune.FROZEN, 1.0, null);
        assertThat(validate(bad)).extracting(v -> v.getPropertyPath().toString()).containsExactlyInAnyOrder(
                "widthMultipleOfHeads", "scaleFactorMatchingGrid", "tapsWithinLayers");
        assertThatThrownBy(() -> new DinoImageEncoderFactory().create(bad, TestContexts.build()))
                .isInstanceOfSatisfying(ComponentException.class, e -> {
                    assertThat(e.code()).isEqualTo("OVRSIS-CONFIG-CONSTRAINT");
                    assertThat(e.keyPath()).isEqualTo("model.auxEncoders.dino.heads");
                })
                .hasMessageContaining("width 100 is not a multiple of heads 3")
                .hasMessageContaining("model.auxEncoders.dino.posEmbedScaleFactor: posEmbedScaleFactor 1.717857142857143"
                        + " resizes the 28×28 position grid to floor(28 × 1.717857142857143) = 48, but inputSize 448"
                        + " / patchSize 8 = 56; set posEmbedScaleFactor: null")
                .hasMessageContaining("tap 2 is not a block index: valid are 0..1");
        DinoImageEncoderConfig notMultiple = new DinoImageEncoderConfig(32, 2, 4, 8, 4, 36, null, List.of(0), true,
                Finetune.FROZEN, 1.0, null);
        assertThat(validate(notMultiple)).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("inputSizeMultipleOfPatch");
        DinoImageEncoderConfig nothing = new DinoImageEncoderConfig(32, 2, 4, 8, 4, 32, null, List.of(), false,
                Finetune.FROZEN, 1.0, null);
        assertThat(validate(nothing)).extracting(v -> v.getPropertyPath().toString()).containsExactly("producingOutput");
        DinoImageEncoderConfig negative = new DinoImageEncoderConfig(32, 2, 4, 8, 4, 32, -1.0, List.of(-1, 0, 0), true,
                Finetune.FROZEN, -1, null);
        assertThat(validate(negative)).extracting(v -> v.getPropertyPath().toString()).containsExactlyInAnyOrder(
                "posEmbedScaleFactor", "taps[0].<list element>", "tapsWithinLayers", "lrMultiplier");
        assertThat(negative.violations()).extracting(p -> p[1]).contains("taps [-1, 0, 0] name a block twice");
    }
}
