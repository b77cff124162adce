package io.ovrsis.plugins.catseg;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * YAML block of {@code model.fusion} with {@code component: catseg}.
 *
 * @param layers aggregator layers ({@code NUM_LAYERS}: 3 in the RSKT-Seg ViT-B configs, 2 in CAT-Seg's own
 *     ViT-B config)
 * @param hidden channels C of the cost volume (the aggregator's output, {@code HIDDEN_DIMS})
 * @param heads attention heads of the Swin blocks and of the class attention ({@code NUM_HEADS}, 4)
 * @param windowSize Swin window side ({@code WINDOW_SIZES}, 12); the second block of each pair is shifted
 *     by windowSize / 2. A grid not larger than the window is one window without shift
 * @param poolingSize average-pooling window before class attention while training ({@code POOLING_SIZES},
 *     2 in the ViT-B configs); 1 = no pooling
 * @param evalPoolingSize the same for evaluation ({@code training = false}); the authors' {@code eval.sh}
 *     overrides {@code POOLING_SIZES} with [1,1]
 * @param padLength class tokens are padded with learnable tokens up to this many before class attention
 *     ({@code pad_len}, 256); 0 = no padding and no {@code padding_*} parameters
 * @param attentionType attention over classes ({@code ATTENTION_TYPE}): {@code linear} or {@code full}
 * @param guidanceDim channels of the projected appearance guidance ({@code guidance_projection}, 128)
 * @param textGuidanceDim channels of the projected class guidance ({@code text_guidance_projection}, 128)
 * @param guidanceSource the appearance map, {@code <encoder>.<map>}: the unrotated dense CLIP features
 */
public record CatSegHeadConfig(
        @Min(1) int layers,
        @Min(1) int hidden,
        @Min(1) int heads,
        @Min(1) int windowSize,
        @Min(1) int poolingSize,
        @Min(1) int evalPoolingSize,
        @Min(0) int padLength,
        @NotNull ClassAttentionType attentionType,
        @Min(1) int guidanceDim,
        @Min(1) int textGuidanceDim,
        @NotBlank @Pattern(regexp = "[^.\\s]+\\.[^\\s]+", message = "must read <encoder>.<map>, e.g. imageEncoder.dense")
        String guidanceSource) {

    /** CAT-Seg's aggregator as RSKT-Seg's ViT-B configs set it up with {@code USE_EFFICIENT: False}. */
    public static CatSegHeadConfig defaults() {
        return new CatSegHeadConfig(3, 128, 4, 12, 2, 1, 256, ClassAttentionType.LINEAR, 128, 128,
                "imageEncoder.dense");
    }

    @JsonIgnore
    @AssertTrue(message = "hidden must be a multiple of heads (head dim = hidden / heads), e.g. hidden 128 with 4 heads")
    public boolean isHeadsDividingHidden() {
        return heads <= 0 || hidden % heads == 0;
    }

    /** The encoder name of {@link #guidanceSource()}. */
    String guidanceEncoder() {
        return guidanceSource.substring(0, guidanceSource.indexOf('.'));
    }

    /** The map name of {@link #guidanceSource()}. */
    String guidanceMap() {
        return guidanceSource.substring(guidanceSource.indexOf('.') + 1);
    }

    /** The pooling window for a training or an evaluation forward pass. */
    int pooling(boolean training) {
        return training ? poolingSize : evalPoolingSize;
    }
}
