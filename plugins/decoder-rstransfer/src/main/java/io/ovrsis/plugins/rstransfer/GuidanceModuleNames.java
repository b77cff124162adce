package io.ovrsis.plugins.rstransfer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parameter names of one guidance source's modules, so that checkpoints keep the authors' keys.
 *
 * @param tapProjections per stage, the module that brings the tapped map to the stage grid
 *     ({@code upsample1}, {@code upsample2} for CLIP; {@code dino_decod_proj1}, {@code dino_decod_proj2} for DINO)
 * @param guidanceProjection prefix of the Conv3x3 + ReLU projections, {@code <prefix>.{stage}.0}
 */
public record GuidanceModuleNames(@NotEmpty List<@NotBlank String> tapProjections, @NotBlank String guidanceProjection) {

    public GuidanceModuleNames {
        tapProjections = tapProjections == null ? null : Collections.unmodifiableList(new ArrayList<>(tapProjections));
    }

    /** Names for a source without an entry in {@code moduleNames}: {@code <source>_decod_proj{i}}. */
    static GuidanceModuleNames generic(String source, int stages) {
        List<String> taps = new ArrayList<>();
        for (int i = 1; i <= stages; i++) {
            taps.add(source + "_decod_proj" + i);
        }
        return new GuidanceModuleNames(taps, source + "_decoder_guidance_projection");
    }
}
