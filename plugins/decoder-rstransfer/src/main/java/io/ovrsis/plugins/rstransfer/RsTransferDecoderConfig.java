package io.ovrsis.plugins.rstransfer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.ovrsis.api.model.FeatureRef;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * YAML block of {@code model.decoder} with {@code component: rstransfer}. Lists indexed by stage
 * ({@code decoderDims}, {@code guidanceDims}, {@code projDims}, taps) must have one entry per stage.
 *
 * @param hidden channels of the incoming cost volume (the fusion head's hidden)
 * @param guidance encoders whose intermediate maps guide the decoder, concatenated in this order;
 *     empty = no guidance (the up-convolutions then keep their input width)
 * @param taps default map names per stage for every guidance source ({@code block3}, {@code block7})
 * @param sourceTaps per-source overrides of {@code taps} (ViT-L/14: {@code imageEncoder: [block7, block15]})
 * @param costFeature the map of {@code imageEncoder} whose grid the cost volume has; stage i works at
 *     that grid × 2^(i+1), and each tap is brought there by a 1×1 convolution (same grid) or a k=s
 *     transposed convolution (k = stage grid / tap grid)
 * @param guidanceDims channels after the tap projections, per stage (256, 128)
 * @param projDims channels of the Conv3x3 + ReLU guidance projections, per stage (32, 16)
 * @param decoderDims output channels of each stage's double convolution (64, 32); multiples of 16
 *     (GroupNorm groups = channels / 16)
 * @param moduleNames parameter names per source; sources without an entry get {@code <source>_decod_proj{i}}
 *     and {@code <source>_decoder_guidance_projection}
 */
public record RsTransferDecoderConfig(
        @Min(1) int hidden,
        @NotNull List<@NotBlank String> guidance,
        @NotEmpty List<@NotBlank String> taps,
        @NotNull Map<String, @NotEmpty List<@NotBlank String>> sourceTaps,
        @NotBlank String costFeature,
        @NotEmpty List<@NotNull @Min(1) Integer> guidanceDims,
        @NotEmpty List<@NotNull @Min(1) Integer> projDims,
        @NotEmpty List<@NotNull @Min(16) Integer> decoderDims,
        @NotNull Map<String, @NotNull @Valid GuidanceModuleNames> moduleNames) {

    public RsTransferDecoderConfig {
        guidance = copy(guidance);
        taps = copy(taps);
        guidanceDims = copy(guidanceDims);
        projDims = copy(projDims);
        decoderDims = copy(decoderDims);
        sourceTaps = sourceTaps == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(sourceTaps));
        moduleNames = moduleNames == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(moduleNames));
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** The authors' names for the paper's three sources. */
    public static Map<String, GuidanceModuleNames> paperModuleNames() {
        Map<String, GuidanceModuleNames> m = new LinkedHashMap<>();
        m.put(FeatureRef.MAIN, new GuidanceModuleNames(List.of("upsample1", "upsample2"), "CLIP_decoder_guidance_projection"));
        m.put("remoteclip", new GuidanceModuleNames(List.of("upsample1_remote", "upsample2_remote"),
                "CLIP_decoder_guidance_projection_remote"));
        m.put("dino", new GuidanceModuleNames(List.of("dino_decod_proj1", "dino_decod_proj2"),
                "DINO_decoder_guidance_projection"));
        return m;
    }

    /** The paper's decoder (method.md §4) guided by CLIP, RemoteCLIP and DINO at blocks 3 and 7. */
    public static RsTransferDecoderConfig defaults() {
        return new RsTransferDecoderConfig(128, List.of(FeatureRef.MAIN, "remoteclip", "dino"), List.of("block3", "block7"),
                Map.of(), "dense", List.of(256, 128), List.of(32, 16), List.of(64, 32), paperModuleNames());
    }

    /** Number of upsampling stages. */
    public int stages() {
        return decoderDims.size();
    }

    /** The taps of one source, per stage. */
    public List<String> tapsOf(String source) {
        return sourceTaps.getOrDefault(source, taps);
    }

    /** Module names of one source. */
    public GuidanceModuleNames namesOf(String source) {
        GuidanceModuleNames n = moduleNames.get(source);
        return n != null ? n : GuidanceModuleNames.generic(source, stages());
    }

    /** Input channels of stage i. */
    int stageInput(int stage) {
        return stage == 0 ? hidden : decoderDims.get(stage - 1);
    }

    @JsonIgnore
    @AssertTrue(message = "decoderDims, guidanceDims, projDims, taps, every sourceTaps entry and every moduleNames"
            + " tapProjections need one entry per stage (as many as decoderDims)")
    public boolean isOneEntryPerStage() {
        if (anyNull(decoderDims, guidanceDims, projDims, taps, sourceTaps, moduleNames)) {
            return true;
        }
        int n = decoderDims.size();
        return guidanceDims.size() == n && projDims.size() == n && taps.size() == n
                && sourceTaps.values().stream().allMatch(l -> l == null || l.size() == n)
                && moduleNames.values().stream().allMatch(m -> m == null || m.tapProjections() == null
                || m.tapProjections().size() == n);
    }

    @JsonIgnore
    @AssertTrue(message = "decoderDims must be multiples of 16 (GroupNorm groups = channels / 16), e.g. [64, 32]")
    public boolean isDecoderDimsMultipleOf16() {
        return decoderDims == null || decoderDims.stream().allMatch(d -> d == null || d % 16 == 0);
    }

    @JsonIgnore
    @AssertTrue(message = "with guidance, each projDims entry must be smaller than its stage's input channels"
            + " (hidden, then decoderDims): the up-convolution outputs input - projDims channels")
    public boolean isProjDimsBelowStageInput() {
        if (guidance == null || guidance.isEmpty() || anyNull(decoderDims, projDims)
                || decoderDims.contains(null) || projDims.contains(null)) {
            return true;
        }
        for (int i = 0; i < Math.min(decoderDims.size(), projDims.size()); i++) {
            if (projDims.get(i) >= stageInput(i)) {
                return false;
            }
        }
        return true;
    }

    @JsonIgnore
    @AssertTrue(message = "guidance sources must be distinct")
    public boolean isGuidanceDistinct() {
        return guidance == null || new HashSet<>(guidance).size() == guidance.size();
    }

    private static boolean anyNull(Object... values) {
        return java.util.Arrays.stream(values).anyMatch(Objects::isNull);
    }
}
