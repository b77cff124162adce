package io.ovrsis.runtime.data;

/** One host-side batch: normalised images (B·3·S·S, planar) and labels (B·S·S). */
public record TrainBatch(int batchSize, int size, float[] images, int[] labels) {
}
