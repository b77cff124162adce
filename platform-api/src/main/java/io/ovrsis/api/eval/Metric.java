package io.ovrsis.api.eval;

import io.ovrsis.api.data.ClassVocabulary;

/**
 * Accumulates predictions over a dataset (detectron2 evaluator: reset / process / evaluate).
 * Implementations accumulate over all images; they never average per image.
 */
public interface Metric {

    /** Starts a new dataset. */
    void reset(ClassVocabulary classes, int ignoreIndex);

    /**
     * Adds one image.
     *
     * @param prediction class index per pixel
     * @param target label per pixel, same length; {@code ignoreIndex} where not scored
     */
    void update(int[] prediction, int[] target);

    /**
     * Adds one image of {@code height × width} pixels (row major); metrics that look at the image
     * layout (Boundary IoU) need this form. The runtime always calls it; the default ignores the size.
     */
    default void update(int[] prediction, int[] target, int height, int width) {
        update(prediction, target);
    }

    MetricValues compute();
}
