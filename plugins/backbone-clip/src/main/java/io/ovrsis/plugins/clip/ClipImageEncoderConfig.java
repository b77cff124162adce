package io.ovrsis.plugins.clip;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * Config of every CLIP image tower ({@code clip-vit}, {@code clip-vit-b16}, {@code clip-vit-b32},
 * {@code clip-vit-l14-336}, {@code remoteclip-vit-b32}); each id has its own defaults.
 *
 * @param width residual stream width D
 * @param layers number of transformer blocks
 * @param heads attention heads (width must be a multiple)
 * @param patchSize patch side in pixels (the patch conv's kernel and stride)
 * @param pretrainedGrid side of the checkpoint's positional-embedding grid (14 for ViT-B/16 at 224);
 *     the parameter has pretrainedGrid² + 1 rows and is resized bicubically to inputSize / patchSize
 * @param outputDim joint embedding size (columns of {@code proj})
 * @param inputSize square input side in pixels (a multiple of patchSize)
 * @param taps 0-based blocks whose raw residual stream is exposed as feature map {@code block<i>}
 * @param dense true: the last block is the authors' value–value block (method.md §1.3); false: an
 *     ordinary block, so {@code dense} holds plain CLIP patch tokens
 * @param finalOutput true: produce the {@code dense} map ({@code ln_post(tokens) @ proj}); false: no
 *     {@code dense} map, and blocks after the last tap are never run
 * @param finetune which parameters train
 * @param lrMultiplier learning-rate factor of the trainable parameters (the authors' CLIP_MULTIPLIER)
 * @param weights weight file, or null for random initialisation; a path starting with
 *     {@code pretrain/} is looked up in the pretrain directory, other relative paths in the project
 * @param weightsFormat layout and conversion of the weight file
 * @param storedTextTower null, or the size of the checkpoint's text tower that this component also
 *     holds: frozen, loaded from the same weight file and saved in checkpoints, but never run. The
 *     authors keep RemoteCLIP's whole CLIP model this way, so their parameter counts and checkpoints
 *     include it (method.md §5, §14.8); parameter names then follow OpenAI's whole-model layout
 *     ({@code visual.*} and the text keys at the root)
 */
public record ClipImageEncoderConfig(
        @Min(1) int width,
        @Min(1) int layers,
        @Min(1) int heads,
        @Min(1) int patchSize,
        @Min(1) int pretrainedGrid,
        @Min(1) int outputDim,
        @Min(1) int inputSize,
        @NotNull List<@NotNull @Min(0) Integer> taps,
        boolean dense,
        boolean finalOutput,
        @NotNull Finetune finetune,
        @PositiveOrZero double lrMultiplier,
        String weights,
        @NotNull WeightsFormat weightsFormat,
        @Valid StoredTextTower storedTextTower) {

    public ClipImageEncoderConfig {
        taps = taps == null ? null : Collections.unmodifiableList(new ArrayList<>(taps));
    }

    @JsonIgnore
    @AssertTrue(message = "width must be a multiple of heads")
    public boolean isWidthMultipleOfHeads() {
        return heads <= 0 || width % heads == 0;
    }

    @JsonIgnore
    @AssertTrue(message = "inputSize must be a multiple of patchSize")
    public boolean isInputSizeMultipleOfPatch() {
        return patchSize <= 0 || inputSize % patchSize == 0;
    }

    @JsonIgnore
    @AssertTrue(message = "every tap must be a block index below layers, each at most once")
    public boolean isTapsWithinLayers() {
        return taps == null || (taps.stream().allMatch(t -> t == null || t < layers) && new HashSet<>(taps).size() == taps.size());
    }

    @JsonIgnore
    @AssertTrue(message = "with finalOutput false, at least one tap is needed (the encoder would produce nothing)")
    public boolean isProducingOutput() {
        return finalOutput || taps == null || !taps.isEmpty();
    }

    /** Grid side of the feature maps: inputSize / patchSize. */
    public int grid() {
        return inputSize / patchSize;
    }

    /**
     * Every violated cross-field constraint as (key, message); {@code create()} reports them even
     * when the runtime did not run the validator.
     */
    public List<String[]> violations() {
        List<String[]> out = new ArrayList<>();
        if (heads > 0 && width % heads != 0) {
            out.add(new String[] {"heads", "width " + width + " is not a multiple of heads " + heads
                    + "; CLIP uses heads = width / 64 (12 for width 768, 16 for 1024)"});
        }
        if (patchSize > 0 && inputSize % patchSize != 0) {
            out.add(new String[] {"inputSize", "inputSize " + inputSize + " is not a multiple of patchSize "
                    + patchSize + "; use e.g. " + Math.max(patchSize, inputSize / patchSize * patchSize)});
        }
        for (Integer t : taps) {
            if (t == null || t < 0 || t >= layers) {
                out.add(new String[] {"taps", "tap " + t + " is not a block index: valid are 0.." + (layers - 1)});
            }
        }
        if (new HashSet<>(taps).size() != taps.size()) {
            out.add(new String[] {"taps", "taps " + taps + " name a block twice"});
        }
        if (!finalOutput && taps.isEmpty()) {
            out.add(new String[] {"finalOutput", "finalOutput is false and taps is empty: no feature map"
                    + " would be produced; set finalOutput: true or add taps"});
        }
        return out;
    }
}
