package io.ovrsis.plugins.clip;

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

class ClipImageEncoderConfigTest {
    static final YAMLMapper YAML = YAMLMapper.builder().addModule(new ParameterNamesModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    static <T> Set<ConstraintViolation<T>> validate(T config) {
        try (ValidatorFactory f = Validation.buildDefaultValidatorFactory()) {
            return f.getValidator().validate(config);
        }
    }

    @Test
    void recordedDefaults() {
        assertThat(new ClipImageEncoderFactory().defaultConfig()).isEqualTo(new ClipImageEncoderConfig(64, 8, 4, 16,
                24, 64, 384, List.of(3, 7), true, true, Finetune.ATTENTION, 0.01, null, WeightsFormat.OPENAI, null));
        assertThat(new ClipVitB16ImageEncoderFactory().defaultConfig()).isEqualTo(new ClipImageEncoderConfig(768, 12,
                12, 16, 14, 512, 384, List.of(3, 7), true, true, Finetune.ATTENTION, 0.01, "pretrain/ViT-B-16.pt",
                WeightsFormat.OPENAI, null));
        assertThat(new ClipVitB32ImageEncoderFactory().defaultConfig()).isEqualTo(new ClipImageEncoderConfig(768, 12,
                12, 32, 7, 512, 224, List.of(3, 7), true, true, Finetune.ATTENTION, 0.01, "pretrain/ViT-B-32.pt",
                WeightsFormat.OPENAI, null));
        assertThat(new ClipVitL14At336ImageEncoderFactory().defaultConfig()).isEqualTo(new ClipImageEncoderConfig(1024,
                24, 16, 14, 24, 768, 336, List.of(7, 15), true, true, Finetune.ATTENTION, 0.01,
                "pretrain/ViT-L-14-336px.pt", WeightsFormat.OPENAI, null));
        assertThat(new RemoteClipVitB32ImageEncoderFactory().defaultConfig()).isEqualTo(new ClipImageEncoderConfig(768,
                12, 12, 32, 7, 512, 768, List.of(3, 7), true, false, Finetune.FROZEN, 0.01,
                "pretrain/RemoteCLIP-ViT-B-32.pt", WeightsFormat.REMOTECLIP, null));
        for (ClipImageEncoderFactory f : List.of(new ClipImageEncoderFactory(), new ClipVitB16ImageEncoderFactory(),
                new ClipVitB32ImageEncoderFactory(), new ClipVitL14At336ImageEncoderFactory(),
                new RemoteClipVitB32ImageEncoderFactory())) {
            assertThat(validate(f.defaultConfig())).as(f.id()).isEmpty();
            assertThat(f.defaultConfig().violations()).as(f.id()).isEmpty();
        }
    }

    @Test
    void fullMappingBindsEveryKey() throws Exception {
        String yaml = """
                width: 96
                layers: 6
                heads: 3
                patchSize: 8
                pretrainedGrid: 7
                outputDim: 48
                inputSize: 64
                taps: [1, 4]
                dense: false
                finalOutput: false
                finetune: full
                lrMultiplier: 0.5
                weights: pretrain/tiny.pt
                weightsFormat: remoteclip
                storedTextTower: { width: 48, layers: 2, heads: 1, contextLength: 20, vocabSize: 300 }
                """;
        ClipImageEncoderConfig c = YAML.readValue(yaml, ClipImageEncoderConfig.class);
        assertThat(c).isEqualTo(new ClipImageEncoderConfig(96, 6, 3, 8, 7, 48, 64, List.of(1, 4), false, false,
                Finetune.FULL, 0.5, "pretrain/tiny.pt", WeightsFormat.REMOTECLIP, new StoredTextTower(48, 2, 1, 20, 300)));
        assertThat(validate(c)).isEmpty();
        // the runtime merges user keys over the defaults as a tree: the defaults must round-trip
        ClipImageEncoderConfig d = new ClipVitB16ImageEncoderFactory().defaultConfig();
        assertThat(YAML.readValue(YAML.writeValueAsString(d), ClipImageEncoderConfig.class)).isEqualTo(d);
        assertThat(YAML.writeValueAsString(c)).doesNotContain("Multiple").doesNotContain("violations");
    }

    @Test
    void unknownKeyIsRejected() {
        assertThatThrownBy(() -> YAML.readValue("tap: [3]\n", ClipImageEncoderConfig.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void violatedConstraintsAreReportedByTheValidatorAndByCreate() {
        ClipImageEncoderConfig bad = new ClipImageEncoderConfig(100, 2, 3, 16, 2, 16, 40, List.of(2), true, true,
                Finetune.ATTENTION, 0.01, null, WeightsFormat.OPENAI, null);
        assertThat(validate(bad)).extracting(v -> v.getPropertyPath().toString()).containsExactlyInAnyOrder(
                "widthMultipleOfHeads", "inputSizeMultipleOfPatch", "tapsWithinLayers");
        assertThatThrownBy(() -> new ClipImageEncoderFactory().create(bad, TestContexts.build("model.imageEncoder")))
                .isInstanceOfSatisfying(ComponentException.class, e -> {
                    assertThat(e.code()).isEqualTo("OVRSIS-CONFIG-CONSTRAINT");
                    assertThat(e.keyPath()).isEqualTo("model.imageEncoder.heads");
                })
                .hasMessageContaining("width 100 is not a multiple of heads 3")
                .hasMessageContaining("inputSize 40 is not a multiple of patchSize 16")
                .hasMessageContaining("tap 2 is not a block index: valid are 0..1");
        ClipImageEncoderConfig nothing = new ClipImageEncoderConfig(32, 2, 4, 8, 4, 16, 32, List.of(), true, false,
                Finetune.FROZEN, 0.01, null, WeightsFormat.OPENAI, null);
        assertThat(validate(nothing)).extracting(v -> v.getPropertyPath().toString()).containsExactly("producingOutput");
        ClipImageEncoderConfig negative = new ClipImageEncoderConfig(32, 2, 4, 8, 4, 16, 32, List.of(-1), true, true,
                Finetune.FROZEN, -1, null, WeightsFormat.OPENAI, null);
        assertThat(validate(negative)).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("taps[0].<list element>", "lrMultiplier");
    }
}
