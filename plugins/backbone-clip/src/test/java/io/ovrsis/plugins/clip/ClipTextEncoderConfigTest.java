package io.ovrsis.plugins.clip;

import static io.ovrsis.plugins.clip.ClipImageEncoderConfigTest.YAML;
import static io.ovrsis.plugins.clip.ClipImageEncoderConfigTest.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.ovrsis.api.component.ComponentException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipTextEncoderConfigTest {
    private static final String VOCAB = "pretrain/bpe_simple_vocab_16e6.txt.gz";

    @Test
    void recordedDefaults() {
        assertThat(new ClipTextEncoderFactory().defaultConfig()).isEqualTo(new ClipTextEncoderConfig(64, 2, 4, 64, 77,
                258, TokenizerKind.BYTES, VOCAB, PromptTemplateSet.SINGLE, Finetune.ATTENTION, 0.01, null,
                WeightsFormat.OPENAI));
        assertThat(new ClipB16TextEncoderFactory().defaultConfig()).isEqualTo(new ClipTextEncoderConfig(512, 12, 8, 512,
                77, 49408, TokenizerKind.BPE, VOCAB, PromptTemplateSet.SINGLE, Finetune.ATTENTION, 0.01,
                "pretrain/ViT-B-16.pt", WeightsFormat.OPENAI));
        assertThat(new ClipB32TextEncoderFactory().defaultConfig()).isEqualTo(new ClipTextEncoderConfig(512, 12, 8, 512,
                77, 49408, TokenizerKind.BPE, VOCAB, PromptTemplateSet.SINGLE, Finetune.ATTENTION, 0.01,
                "pretrain/ViT-B-32.pt", WeightsFormat.OPENAI));
        assertThat(new ClipL14At336TextEncoderFactory().defaultConfig()).isEqualTo(new ClipTextEncoderConfig(768, 12, 12,
                768, 77, 49408, TokenizerKind.BPE, VOCAB, PromptTemplateSet.SINGLE, Finetune.ATTENTION, 0.01,
                "pretrain/ViT-L-14-336px.pt", WeightsFormat.OPENAI));
        assertThat(new RemoteClipB32TextEncoderFactory().defaultConfig()).isEqualTo(new ClipTextEncoderConfig(512, 12, 8,
                512, 77, 49408, TokenizerKind.BPE, VOCAB, PromptTemplateSet.SINGLE, Finetune.FROZEN, 0.01,
                "pretrain/RemoteCLIP-ViT-B-32.pt", WeightsFormat.REMOTECLIP));
        for (ClipTextEncoderFactory f : List.of(new ClipTextEncoderFactory(), new ClipB16TextEncoderFactory(),
                new ClipB32TextEncoderFactory(), new ClipL14At336TextEncoderFactory(), new RemoteClipB32TextEncoderFactory())) {
            assertThat(validate(f.defaultConfig())).as(f.id()).isEmpty();
        }
    }

    @Test
    void fullMappingBindsEveryKey() throws Exception {
        String yaml = """
                width: 48
                layers: 3
                heads: 6
                outputDim: 24
                contextLength: 32
                vocabSize: 49408
                tokenizer: bpe
                vocab: /data/clip/vocab.txt.gz
                templates: imagenet_select
                finetune: frozen
                lrMultiplier: 1.0
                weights: pretrain/RemoteCLIP-ViT-B-32.pt
                weightsFormat: remoteclip
                """;
        ClipTextEncoderConfig c = YAML.readValue(yaml, ClipTextEncoderConfig.class);
        assertThat(c).isEqualTo(new ClipTextEncoderConfig(48, 3, 6, 24, 32, 49408, TokenizerKind.BPE,
                "/data/clip/vocab.txt.gz", PromptTemplateSet.IMAGENET_SELECT, Finetune.FROZEN, 1.0,
                "pretrain/RemoteCLIP-ViT-B-32.pt", WeightsFormat.REMOTECLIP));
        assertThat(validate(c)).isEmpty();
        assertThat(YAML.readValue(YAML.writeValueAsString(c), ClipTextEncoderConfig.class)).isEqualTo(c);
        for (String set : List.of("single", "rs", "imagenet")) {
            assertThat(YAML.readValue("templates: " + set + "\n", ClipTextEncoderConfig.class).templates().templates())
                    .isNotEmpty();
        }
        assertThat(PromptTemplateSet.IMAGENET.templates()).hasSize(80).doesNotHaveDuplicates();
    }

    @Test
    void unknownValuesAreRejected() {
        assertThatThrownBy(() -> YAML.readValue("tokenizer: wordpiece\n", ClipTextEncoderConfig.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> YAML.readValue("templates: SINGLE\n", ClipTextEncoderConfig.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void violatedConstraints() {
        ClipTextEncoderConfig bad = new ClipTextEncoderConfig(64, 2, 5, 64, 77, 300, TokenizerKind.BPE, VOCAB,
                PromptTemplateSet.SINGLE, Finetune.FROZEN, 0.01, null, WeightsFormat.OPENAI);
        assertThat(validate(bad)).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("widthMultipleOfHeads", "vocabularyLargeEnough");
        assertThatThrownBy(() -> new ClipTextEncoderFactory().create(bad, TestContexts.build("model.textEncoder")))
                .isInstanceOf(ComponentException.class)
                .hasMessageContaining("width 64 is not a multiple of heads 5")
                .hasMessageContaining("vocabSize 300 is too small for the bpe tokenizer");
        ClipTextEncoderConfig tiny = new ClipTextEncoderConfig(64, 2, 4, 64, 77, 257, TokenizerKind.BYTES, VOCAB,
                PromptTemplateSet.SINGLE, Finetune.FROZEN, 0.01, null, WeightsFormat.OPENAI);
        assertThat(validate(tiny)).extracting(v -> v.getPropertyPath().toString()).containsExactly("vocabSize");
    }
}
