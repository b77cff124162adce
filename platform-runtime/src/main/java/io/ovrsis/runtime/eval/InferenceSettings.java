package io.ovrsis.runtime.eval;

import io.ovrsis.runtime.config.ExperimentSpec;
import io.ovrsis.runtime.config.InferenceSpec;

/**
 * @param shortestEdge short side after resizing (0 = keep the image size)
 * @param maxSize cap on the long side
 * @param sizeDivisibility pad to a multiple of this (value 0 after normalisation)
 * @param windowSize 0: whole-image inference (the authors' evaluation); otherwise the side of the
 *     sliding windows (the authors' unused sliding-window path, see {@link SlidingWindows})
 */
public record InferenceSettings(int shortestEdge, int maxSize, int sizeDivisibility, int windowSize) {

    /** Whole-image inference. */
    public InferenceSettings(int shortestEdge, int maxSize, int sizeDivisibility) {
        this(shortestEdge, maxSize, sizeDivisibility, 0);
    }

    /** The experiment's {@code eval.inference}; windows of {@code data.cropSize} when sliding. */
    public static InferenceSettings of(ExperimentSpec spec) {
        InferenceSpec inf = spec.eval().inference();
        return new InferenceSettings(inf.shortestEdge(), inf.maxSize(), inf.sizeDivisibility(),
                inf.slidingWindow() ? spec.data().cropSize() : 0);
    }

    public boolean sliding() {
        return windowSize > 0;
    }
}
