package io.ovrsis.runtime.config;

import jakarta.validation.constraints.Min;

/**
 * Training data ({@code data}).
 *
 * @param train the training dataset reader and split ({@code split} defaults to {@code train});
 *     {@code null} when the experiment has no {@code data.train}
 * @param cropSize square training crop, in pixels
 * @param batchSize images per optimizer step
 * @param workers background threads that read and augment samples
 * @param augment training-time augmentation
 */
public record DataSpec(
        BoundDataset train,
        @Min(16) int cropSize,
        @Min(1) int batchSize,
        @Min(0) int workers,
        AugmentSpec augment) {
}
