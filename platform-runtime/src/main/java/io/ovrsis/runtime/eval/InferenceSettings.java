package io.ovrsis.runtime.eval;

/**
 * @param shortestEdge short side after resizing (0 = keep the image size)
 * @param maxSize cap on the long side
 * @param sizeDivisibility pad to a multiple of this (value 0 after normalisation)
 */
public record InferenceSettings(int shortestEdge, int maxSize, int sizeDivisibility) {
}
