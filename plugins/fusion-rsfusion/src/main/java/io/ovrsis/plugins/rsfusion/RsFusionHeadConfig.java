package io.ovrsis.plugins.rsfusion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * YAML block of {@code model.fusion} with {@code component: rsfusion}.
 *
 * @param layers number of RS-Fusion layers (3 in the ViT-B configs, 2 for ViT-L, 5 for the released DLRSD-B weights)
 * @param hidden channels C of the cost volume (the aggregator's output)
 * @param heads attention heads in both blocks (8; head dim = hidden / heads)
 * @param spatialReduction kernel and stride of {@code sr_k}/{@code sr_v} (2); 1 = full spatial attention
 *     without those layers
 * @param classPool average-pooling window before class attention (2); 1 = no pooling
 * @param mlpRatio hidden width of the gated MLPs in units of {@code hidden} (3 → 384)
 * @param guidanceDim channels of the projected appearance guidance ({@code guidance_projection}, 128)
 * @param textGuidanceDim channels of the projected class guidance ({@code text_guidance_projection}, 128)
 * @param guidanceSource the appearance map, {@code <encoder>.<map>}: the unrotated dense CLIP features
 */
public record RsFusionHeadConfig(
        @Min(1) int layers,
        @Min(1) int hidden,
        @Min(1) int heads,
        @Min(1) int spatialReduction,
        @Min(1) int classPool,
        @Min(1) int mlpRatio,
        @Min(1) int guidanceDim,
        @Min(1) int textGuidanceDim,
        @NotBlank @Pattern(regexp = "[^.\\s]+\\.[^\\s]+", message = "must read <encoder>.<map>, e.g. imageEncoder.dense")
        String guidanceSource) {

    /** The paper's values (method.md §3). */
    public static RsFusionHeadConfig defaults() {
        return new RsFusionHeadConfig(3, 128, 8, 2, 2, 3, 128, 128, "imageEncoder.dense");
    }

    @JsonIgnore
    @AssertTrue(message = "hidden must be a multiple of heads (head dim = hidden / heads), e.g. hidden 128 with 8 heads")
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
}
