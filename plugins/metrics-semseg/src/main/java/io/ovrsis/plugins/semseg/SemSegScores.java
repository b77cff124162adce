package io.ovrsis.plugins.semseg;

/**
 * Scores of one confusion matrix, computed as detectron2's {@code SemSegEvaluator.evaluate} does,
 * all in percent.
 *
 * <p>With {@code tp = diag[:N]}, {@code posGt} the column sums and {@code posPred} the row sums of
 * the N×N block: {@code ACC = tp/posGt} where posGt &gt; 0, {@code IoU = tp/(posGt+posPred-tp)}
 * where posGt &gt; 0 and the union &gt; 0, NaN elsewhere; mIoU and mACC average the defined values
 * only (classes absent from the ground truth are skipped, not counted as 0); fwIoU = Σ IoU·posGt /
 * Σ posGt over the defined IoUs; pACC = Σ tp / Σ posGt. Sums run in class order, so results can
 * differ from numpy's pairwise sums in the last bit.
 *
 * @param iou per-class IoU, NaN where undefined
 * @param accuracy per-class accuracy (recall), NaN where undefined
 * @param meanIoU mIoU
 * @param frequencyWeightedIoU fwIoU
 * @param meanAccuracy mACC
 * @param pixelAccuracy pACC
 */
public record SemSegScores(double[] iou, double[] accuracy, double meanIoU, double frequencyWeightedIoU,
                           double meanAccuracy, double pixelAccuracy) {

    /** Scores of a row-major (N+1)×(N+1) matrix, rows prediction, columns ground truth. */
    public static SemSegScores of(long[] matrix, int numClasses) {
        int n = numClasses;
        int n1 = n + 1;
        double[] tp = new double[n];
        double[] posGt = new double[n];
        double[] posPred = new double[n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                long v = matrix[row * n1 + col];
                posPred[row] += v;
                posGt[col] += v;
            }
            tp[row] = matrix[row * n1 + row];
        }
        double totalGt = 0;
        double totalTp = 0;
        for (int k = 0; k < n; k++) {
            totalGt += posGt[k];
            totalTp += tp[k];
        }
        double[] acc = new double[n];
        double[] iou = new double[n];
        double accSum = 0;
        int accValid = 0;
        double iouSum = 0;
        int iouValid = 0;
        double weighted = 0;
        for (int k = 0; k < n; k++) {
            acc[k] = Double.NaN;
            iou[k] = Double.NaN;
            if (posGt[k] > 0) {
                acc[k] = tp[k] / posGt[k];
                accSum += acc[k];
                accValid++;
                double union = posGt[k] + posPred[k] - tp[k];
                if (union > 0) {
                    iou[k] = tp[k] / union;
                    iouSum += iou[k];
                    iouValid++;
                    weighted += iou[k] * (posGt[k] / totalGt);
                }
            }
        }
        return new SemSegScores(percent(iou), percent(acc), 100 * (iouSum / iouValid), 100 * weighted,
                100 * (accSum / accValid), 100 * (totalTp / totalGt));
    }

    /**
     * detectron2's per-class Boundary IoU of a boundary confusion matrix: defined wherever the
     * union is positive (no ground-truth condition), in percent.
     */
    public static double[] boundaryIoU(long[] matrix, int numClasses) {
        int n = numClasses;
        int n1 = n + 1;
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            double posGt = 0;
            double posPred = 0;
            for (int j = 0; j < n; j++) {
                posGt += matrix[j * n1 + k];
                posPred += matrix[k * n1 + j];
            }
            double tp = matrix[k * n1 + k];
            double union = posGt + posPred - tp;
            out[k] = union > 0 ? 100 * (tp / union) : Double.NaN;
        }
        return out;
    }

    private static double[] percent(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = 100 * values[i];
        }
        return out;
    }
}
