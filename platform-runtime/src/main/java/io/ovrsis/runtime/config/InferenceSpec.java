package io.ovrsis.runtime.config;

import jakarta.validation.constraints.Min;

/**
 * How evaluation images are fed to the model ({@code eval.inference}), detectron2-style.
 *
 * @param shortestEdge resize so that the shorter side has this many pixels
 * @param maxSize cap for the longer side after resizing
 * @param sizeDivisibility pad height and width to a multiple of this
 * @param slidingWindow the authors' sliding-window path instead of whole-image inference: the image
 *     resized to shortestEdge², windows of {@code data.cropSize} (stride cropSize·0.667) and a global
 *     view, probabilities fold-averaged (see {@code eval.SlidingWindows})
 * @param batchSize images per forward pass
 */
public record InferenceSpec(
        @Min(16) int shortestEdge,
        @Min(16) int maxSize,
        @Min(1) int sizeDivisibility,
        boolean slidingWindow,
        @Min(1) int batchSize) {

    public static InferenceSpec defaults() {
        return new InferenceSpec(640, 2560, 32, false, 1);
    }
}
