package io.ovrsis.runtime.train;

/**
 * The numbers the training loop needs (taken from the experiment's {@code train} block).
 *
 * @param iterations total iterations (the schedule's MAX_ITER)
 * @param lr base learning rate
 * @param weightDecay AdamW decoupled weight decay, for parameters in the decay group
 * @param beta1 AdamW β₁
 * @param beta2 AdamW β₂
 * @param eps AdamW ε
 * @param warmupIters linear warm-up length (0 = none)
 * @param gradClipNorm global L2 gradient norm limit (0 = off)
 * @param checkpointEvery save every N iterations (0 = only at the end)
 * @param logEvery log loss and lr every N iterations
 */
public record TrainSettings(int iterations, double lr, double weightDecay, double beta1, double beta2, double eps,
                            int warmupIters, double gradClipNorm, int checkpointEvery, int logEvery) {
}
