package io.ovrsis.runtime.train;

/**
 * detectron2's {@code WarmupCosineLR}: over the first {@code warmupIters} iterations the rate rises
 * linearly from {@code warmupFactor}·lr (none when warmupIters = 0, as in the authors' configs), and
 * lr(it) = base · ½(1 + cos(π·it / maxIter)) throughout, reaching 0 at maxIter.
 */
public record CosineSchedule(double baseLr, int maxIter, int warmupIters, double warmupFactor) {
    /** detectron2's {@code SOLVER.WARMUP_FACTOR} default: warm-up starts at lr / 1000. */
    public static final double DETECTRON2_WARMUP_FACTOR = 0.001;

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
