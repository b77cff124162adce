package io.ovrsis.plugins.ovrsisbench;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Config of {@code synthetic-aerial}.
 *
 * @param root dataset folder; null means {@code <datasets>/synthetic-aerial} (the runtime's
 *     datasets folder, {@code datasets/} by default); a relative path resolves against the project
 * @param imageSize height and width of every image in pixels (about 0.5 m per pixel)
 * @param trainImages images in the {@code train} split
 * @param valImages images in the {@code val} split (0: no such split)
 * @param testImages images in the {@code test} split (0: no such split)
 * @param seed generator seed; the same seed and sizes give the same files
 */
public record SyntheticAerialDatasetReaderConfig(
        String root,
        @Min(32) @Max(1024) int imageSize,
        @Min(1) @Max(100_000) int trainImages,
        @Min(0) @Max(100_000) int valImages,
        @Min(0) @Max(100_000) int testImages,
        long seed) {

    /** Every key at its default. */
    public static SyntheticAerialDatasetReaderConfig defaults() {
        return new SyntheticAerialDatasetReaderConfig(null, 96, 240, 48, 48, 0);
    }
}
