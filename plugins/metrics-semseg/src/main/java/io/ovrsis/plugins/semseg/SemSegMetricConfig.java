package io.ovrsis.plugins.semseg;

/**
 * Config of the {@code semseg} metric.
 *
 * @param boundaryIoU also accumulate detectron2's boundary confusion matrix and report per-class
 *     {@code BoundaryIoU} (the runtime passes every image's size; direct callers use
 *     {@link SemSegMetric#update(int[], int[], int, int)})
 */
public record SemSegMetricConfig(boolean boundaryIoU) {

    /** Every key at its default. */
    public static SemSegMetricConfig defaults() {
        return new SemSegMetricConfig(false);
    }
}
