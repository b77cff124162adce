package io.ovrsis.plugins.dino;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * Config of the DINO ViT image towers ({@code dino-vit}, {@code dino-vitb8}); each id has its own
 * defaults.
 *
 * @param width token width D ({@code embed_dim}); the MLP is 4·D wide, as in DINO's ViTs
 * @param layers number of transformer blocks ({@code depth})
 * @param heads attention heads (width must be a multiple; DINO's ViTs use width / 64)
 * @param patchSize patch side in pixels (the patch conv's kernel and stride)
 * @param pretrainedGrid side of the checkpoint's position grid ({@code pos_embed} has
 *     pretrainedGrid² + 1 rows; 28 for RSIB, trained at 224 px with patch 8)
 * @param inputSize square input side in pixels (a multiple of patchSize)
 * @param posEmbedScaleFactor the {@code scale_factor} of the bicubic position-table resize, used
 *     when inputSize / patchSize differs from pretrainedGrid. PyTorch maps output pixel i to source
 *     coordinate (i + 0.5) / factor − 0.5 and makes floor(pretrainedGrid · factor) rows, which must
 *     equal the grid. RSKT-Seg / GSNet hard-code 1.717857142857143 (= 48.1 / 28); null means DINO's
 *     own rule, (grid + 0.1) / pretrainedGrid
 * @param taps 0-based blocks whose output, through the final {@code norm}, is exposed as feature
 *     map {@code block<i>} (the authors' {@code get_intermediate_layers})
 * @param finalOutput true: produce {@code dense} (the last block through {@code norm}); false: no
 *     {@code dense} map, and blocks after the last tap are never run
 * @param finetune which parameters train
 * @param lrMultiplier learning-rate factor of the trainable parameters (1: the authors' optimizer
 *     scales only modules named {@code clip_model*} or {@code backbone*})
 * @param weights weight file, or null for random initialisation; a path starting with
 *     {@code pretrain/} is looked up in the pretrain directory, other relative paths in the project
 */
public record DinoImageEncoderConfig(
        @Min(1) int width,
        @Min(1) int layers,
        @Min(1) int heads,
        @Min(1) int patchSize,
        @Min(1) int pretrainedGrid,
        @Min(1) int inputSize,
        @Positive Double posEmbedScaleFactor,
        @NotNull List<@NotNull @Min(0) Integer> taps,
        boolean finalOutput,
        @NotNull Finetune finetune,
        @PositiveOrZero double lrMultiplier,
        String weights) {

    /** The factor RSKT-Seg and GSNet hard-code for 384 px (48 × 48 patches) from RSIB's 28 × 28 grid. */
    public static final double RSKT_SCALE_FACTOR = 1.717857142857143;

    public DinoImageEncoderConfig {
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

    @JsonIgnore
    @AssertTrue(message = "posEmbedScaleFactor must resize pretrainedGrid to inputSize / patchSize:"
            + " floor(pretrainedGrid · posEmbedScaleFactor) = grid")
    public boolean isScaleFactorMatchingGrid() {
        return patchSize <= 0 || posEmbedScaleFactor == null || posEmbedScaleFactor <= 0 || pretrainedGrid == grid()
                || resizedSide(pretrainedGrid, posEmbedScaleFactor) == grid();
    }

    /** Grid side of the feature maps: inputSize / patchSize. */
    public int grid() {
        return inputSize / patchSize;
    }

    /**
     * The scale factor of the position-table resize: {@code posEmbedScaleFactor}, or DINO's
     * (grid + 0.1) / pretrainedGrid when that is null.
     */
    public double positionScale() {
        return posEmbedScaleFactor != null ? posEmbedScaleFactor : (grid() + 0.1) / pretrainedGrid;
    }

    /** PyTorch's output side for {@code scale_factor}: floor(in · factor), in double precision. */
    public static int resizedSide(int in, double factor) {
        return (int) Math.floor(in * factor);
    }

    /**
     * Every violated cross-field constraint as (key, message); {@code create()} reports them even
     * when the runtime did not run the validator.
     */
    public List<String[]> violations() {
        List<String[]> out = new ArrayList<>();
        if (heads > 0 && width % heads != 0) {
            out.add(new String[] {"heads", "width " + width + " is not a multiple of heads " + heads
                    + "; DINO's ViTs use heads = width / 64 (12 for width 768, 6 for 384)"});
        }
        if (patchSize > 0 && inputSize % patchSize != 0) {
            out.add(new String[] {"inputSize", "inputSize " + inputSize + " is not a multiple of patchSize "
                    + patchSize + "; use e.g. " + Math.max(patchSize, inputSize / patchSize * patchSize)});
        }
        if (patchSize > 0 && inputSize % patchSize == 0 && posEmbedScaleFactor != null && posEmbedScaleFactor > 0
                && pretrainedGrid != grid() && resizedSide(pretrainedGrid, posEmbedScaleFactor) != grid()) {
            int g = grid();
            out.add(new String[] {"posEmbedScaleFactor", "posEmbedScaleFactor " + posEmbedScaleFactor + " resizes the "
                    + pretrainedGrid + "×" + pretrainedGrid + " position grid to floor(" + pretrainedGrid + " × "
                    + posEmbedScaleFactor + ") = " + resizedSide(pretrainedGrid, posEmbedScaleFactor) + ", but inputSize "
                    + inputSize + " / patchSize " + patchSize + " = " + g + "; set posEmbedScaleFactor: null for DINO's"
                    + " rule ((" + g + " + 0.1) / " + pretrainedGrid + " = " + (g + 0.1) / pretrainedGrid
                    + ") or a factor s with floor(" + pretrainedGrid + "·s) = " + g
                    + " (RSKT-Seg's 1.717857142857143 only fits 384 px with patch 8 and grid 28)"});
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
