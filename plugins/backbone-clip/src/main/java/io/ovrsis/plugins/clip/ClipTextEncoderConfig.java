package io.ovrsis.plugins.clip;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.ovrsis.plugins.clip.text.BpeTokenizer;
import io.ovrsis.plugins.clip.text.ByteTokenizer;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.ArrayList;
import java.util.List;

/**
 * Config of every CLIP text tower ({@code clip-text}, {@code clip-text-b16}, {@code clip-text-b32},
 * {@code clip-text-l14-336}, {@code remoteclip-text-b32}); each id has its own defaults.
 *
 * @param width transformer width
 * @param layers number of causal blocks
 * @param heads attention heads (width must be a multiple)
 * @param outputDim joint embedding size (columns of {@code text_projection})
 * @param contextLength token positions (77 for CLIP)
 * @param vocabSize rows of {@code token_embedding} (49408 for CLIP's BPE; at least 258 for bytes)
 * @param tokenizer {@code bpe} (CLIP's) or {@code bytes} (demo models without a vocabulary file)
 * @param vocab the BPE merge file ({@code bpe_simple_vocab_16e6.txt.gz}); a path starting with
 *     {@code pretrain/} is looked up in the pretrain directory; unused by {@code bytes}
 * @param templates prompt template set; each template gives its own embedding (T, P, D)
 * @param finetune which parameters train
 * @param lrMultiplier learning-rate factor of the trainable parameters
 * @param weights weight file (the whole CLIP checkpoint; its non-{@code visual.} part is read), or
 *     null for random initialisation
 * @param weightsFormat layout and conversion of the weight file
 */
public record ClipTextEncoderConfig(
        @Min(1) int width,
        @Min(1) int layers,
        @Min(1) int heads,
        @Min(1) int outputDim,
        @Min(3) int contextLength,
        @Min(ByteTokenizer.MIN_VOCAB_SIZE) int vocabSize,
        @NotNull TokenizerKind tokenizer,
        @NotBlank String vocab,
        @NotNull PromptTemplateSet templates,
        @NotNull Finetune finetune,
        @PositiveOrZero double lrMultiplier,
        String weights,
        @NotNull WeightsFormat weightsFormat) {

    @JsonIgnore
    @AssertTrue(message = "width must be a multiple of heads")
    public boolean isWidthMultipleOfHeads() {
        return heads <= 0 || width % heads == 0;
    }

    @JsonIgnore
    @AssertTrue(message = "the bpe tokenizer needs vocabSize >= 49408 (its largest id is 49407)")
    public boolean isVocabularyLargeEnough() {
        return tokenizer != TokenizerKind.BPE || vocabSize >= BpeTokenizer.VOCAB_SIZE;
    }

    /** Every violated cross-field constraint as (key, message). */
    public List<String[]> violations() {
        List<String[]> out = new ArrayList<>();
        if (heads > 0 && width % heads != 0) {
            out.add(new String[] {"heads", "width " + width + " is not a multiple of heads " + heads
                    + "; CLIP uses heads = width / 64 (8 for width 512, 12 for 768)"});
        }
        if (tokenizer == TokenizerKind.BPE && vocabSize < BpeTokenizer.VOCAB_SIZE) {
            out.add(new String[] {"vocabSize", "vocabSize " + vocabSize + " is too small for the bpe tokenizer,"
                    + " whose ids go up to " + (BpeTokenizer.VOCAB_SIZE - 1) + "; use 49408, or tokenizer: bytes"});
        }
        if (vocabSize < ByteTokenizer.MIN_VOCAB_SIZE) {
            out.add(new String[] {"vocabSize", "vocabSize " + vocabSize + " is below " + ByteTokenizer.MIN_VOCAB_SIZE
                    + " (256 byte ids, padding, start and end tokens)"});
        }
        return out;
    }
}
