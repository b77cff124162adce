package io.ovrsis.plugins.semseg;

import io.ovrsis.api.data.ClassVocabulary;
import io.ovrsis.api.eval.Metric;
import io.ovrsis.api.eval.MetricValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * detectron2 {@code SemSegEvaluator}, accumulated over a whole dataset (method.md §8.2).
 *
 * <p>The confusion matrix has N+1 rows (prediction) and N+1 columns (ground truth); ground truth
 * equal to the ignore index is counted in column N, which no score reads. Predictions must be class
 * indices 0..N-1 and ground truth must be 0..N-1 or the ignore index; anything else is an error
 * (detectron2 would silently corrupt its matrix). An image that fails the check adds nothing.
 *
 * <p>Not thread-safe: one evaluator thread feeds it, as in detectron2.
 */
public final class SemSegMetric implements Metric {
    private final SemSegMetricConfig config;
    private List<String> classNames;
    private int numClasses = -1;
    private int ignoreIndex;
    private long[] counts;
    private long[] boundaryCounts;
    private long images;

    public SemSegMetric(SemSegMetricConfig config) {
        this.config = config;
    }

    @Override
    public void reset(ClassVocabulary classes, int ignoreIndex) {
        int n = classes.size();
        if (config.boundaryIoU() && n + 1 > 256) {
            throw new IllegalArgumentException("semseg: boundaryIoU works on uint8 label maps as detectron2 does, "
                    + "so at most 255 classes are supported; got " + n);
        }
        this.classNames = classes.names();
        this.numClasses = n;
        this.ignoreIndex = ignoreIndex;
        this.counts = new long[(n + 1) * (n + 1)];
        this.boundaryCounts = config.boundaryIoU() ? new long[(n + 1) * (n + 1)] : null;
        this.images = 0;
    }

    /**
     * Adds one image. With {@code boundaryIoU: true} the image size is needed; use
     * {@link #update(int[], int[], int, int)}.
     */
    @Override
    public void update(int[] prediction, int[] target) {
        if (config.boundaryIoU()) {
            throw new IllegalStateException("semseg: boundaryIoU is enabled, which needs each image's height and "
                    + "width; call update(prediction, target, height, width)");
        }
        requireReset();
        check(prediction, target);
        accumulate(prediction, target);
    }

    /** Adds one image of {@code height × width} pixels (row major), with Boundary IoU if enabled. */
    @Override
    public void update(int[] prediction, int[] target, int height, int width) {
        requireReset();
        if ((long) height * width != prediction.length) {
            throw new IllegalArgumentException("semseg: prediction has " + prediction.length + " values but the image is "
                    + height + "×" + width);
        }
        check(prediction, target);
        accumulate(prediction, target);
        if (boundaryCounts != null) {
            accumulateBoundaries(prediction, target, height, width);
        }
    }

    /** Number of images added since the last reset. */
    public long images() {
        return images;
    }

    @Override
    public MetricValues compute() {
        requireReset();
        int n1 = numClasses + 1;
        SemSegScores scores = SemSegScores.of(counts, numClasses);
        Map<String, Double> summary = new LinkedHashMap<>();
        summary.put("mIoU", scores.meanIoU());
        summary.put("fwIoU", scores.frequencyWeightedIoU());
        summary.put("mACC", scores.meanAccuracy());
        summary.put("pACC", scores.pixelAccuracy());
        Map<String, double[]> perClass = new LinkedHashMap<>();
        perClass.put("IoU", scores.iou());
        perClass.put("ACC", scores.accuracy());
        if (boundaryCounts != null) {
            perClass.put("BoundaryIoU", SemSegScores.boundaryIoU(boundaryCounts, numClasses));
        }
        long[][] matrix = new long[n1][n1];
        for (int row = 0; row < n1; row++) {
            System.arraycopy(counts, row * n1, matrix[row], 0, n1);
        }
        return new MetricValues(summary, perClass, classNames, matrix);
    }

    private void check(int[] prediction, int[] target) {
        if (prediction.length != target.length) {
            throw new IllegalArgumentException("semseg: prediction has " + prediction.length + " pixels, target has "
                    + target.length);
        }
        int n = numClasses;
        int ignore = ignoreIndex;
        for (int i = 0; i < prediction.length; i++) {
            int p = prediction[i];
            if (p < 0 || p >= n) {
                throw new IllegalArgumentException("semseg: prediction " + p + " at pixel " + i
                        + " is not a class index 0.." + (n - 1));
            }
            int g = target[i];
            if (g != ignore && (g < 0 || g >= n)) {
                throw new IllegalArgumentException("semseg: ground truth " + g + " at pixel " + i
                        + " is neither a class index 0.." + (n - 1) + " nor the ignore index " + ignore);
            }
        }
    }

    private void accumulate(int[] prediction, int[] target) {
        int n = numClasses;
        int n1 = n + 1;
        int ignore = ignoreIndex;
        long[] c = counts;
        for (int i = 0; i < prediction.length; i++) {
            int g = target[i];
            c[prediction[i] * n1 + (g == ignore ? n : g)]++;
        }
        images++;
    }

    private void accumulateBoundaries(int[] prediction, int[] target, int height, int width) {
        int n = numClasses;
        int n1 = n + 1;
        int[] gt = new int[target.length];
        for (int i = 0; i < gt.length; i++) {
            gt[i] = target[i] == ignoreIndex ? n : target[i];
        }
        int[] bGt = BoundaryMaps.boundary(gt, height, width);
        int[] bPred = BoundaryMaps.boundary(prediction, height, width);
        long[] c = boundaryCounts;
        for (int i = 0; i < bGt.length; i++) {
            c[bPred[i] * n1 + bGt[i]]++;
        }
    }

    private void requireReset() {
        if (numClasses < 0) {
            throw new IllegalStateException("semseg: call reset(classes, ignoreIndex) before update/compute");
        }
    }
}
