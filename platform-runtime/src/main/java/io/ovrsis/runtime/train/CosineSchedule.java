package io.ovrsis.runtime.train;

/**
 * detectron2's {@code WarmupCosineLR}: linear warm-up (factor 1 → no effect when warmupIters = 0),
 * then lr(it) = base · ½(1 + cos(π·it / maxIter)), reaching 0 at maxIter.
 */
public record CosineSchedule(double baseLr, int maxIter, int warmupIters, double warmupFactor) {

    public double lr(int iteration) {
        double cos = 0.5 * (1 + Math.cos(Math.PI * iteration / Math.max(1, maxIter)));
        double warm = 1.0;
        if (iteration < warmupIters) {
            double alpha = iteration / (double) warmupIters;
            warm = warmupFactor * (1 - alpha) + alpha;
        }
        return baseLr * warm * cos;
    }
}
