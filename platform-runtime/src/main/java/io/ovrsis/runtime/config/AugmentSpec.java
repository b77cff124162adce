package io.ovrsis.runtime.config;

import jakarta.validation.constraints.Positive;

/**
 * Training-time augmentation ({@code data.augment}).
 *
 * @param resizeShortestEdge resize so that the shorter side has this many pixels before cropping;
 *     {@code null} keeps the image size
 * @param colorJitter random brightness, contrast and saturation changes
 * @param flip random horizontal flips
 */
public record AugmentSpec(@Positive Integer resizeShortestEdge, boolean colorJitter, boolean flip) {

    public static AugmentSpec defaults() {
        return new AugmentSpec(null, true, true);
    }
}
