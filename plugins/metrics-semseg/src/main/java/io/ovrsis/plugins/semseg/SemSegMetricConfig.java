package io.ovrsis.plugins.semseg;

/**
 * Config of the {@code semseg} metric.
 *
 * @param boundaryIoU also accumulate detectron2's boundary confusion matrix and report per-class
 *     {@code BoundaryIoU}; needs the image size of every update, so the caller must use
 *     {@link SemSegMetric#update(int[], int[], int, int)}
 */
public record SemSegMetricConfig(boolean boundaryIoU) {

    /** Every key at its default. */
    public static SemSegMetricConfig defaults() {
        return new SemSegMetricConfig(false);
    }
}
