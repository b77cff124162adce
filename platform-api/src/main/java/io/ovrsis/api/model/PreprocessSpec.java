package io.ovrsis.api.model;

/**
 * How an encoder wants its pixels: RGB in 0–255, normalised by {@code mean}/{@code std} per
 * channel, then resized (bilinear, align_corners false, no antialias) to {@code inputSize}².
 */
public record PreprocessSpec(int inputSize, float[] mean, float[] std) {
    /** CLIP's normalisation in 0–255 units (RSKT-Seg feeds it to all three encoders). */
    public static final float[] CLIP_MEAN = {122.7709383f, 116.7460125f, 104.09373615f};
    public static final float[] CLIP_STD = {68.5005327f, 66.6321579f, 70.3231630f};

    public static PreprocessSpec clip(int inputSize) {
        return new PreprocessSpec(inputSize, CLIP_MEAN.clone(), CLIP_STD.clone());
    }
}
