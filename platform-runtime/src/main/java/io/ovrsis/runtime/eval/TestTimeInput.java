package io.ovrsis.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.model.PreprocessSpec;
import io.ovrsis.runtime.data.ImageTensors;
import io.ovrsis.runtime.data.PilResize;
import io.ovrsis.runtime.data.RgbImage;

/**
 * Steps 1–2 of the authors' test path (method.md §8.1): {@code ResizeShortestEdge} (PIL bilinear on
 * uint8, antialiased when shrinking), normalisation with the encoder's mean/std, zero padding
 * (after normalisation) to a multiple of the size divisibility. Step 3, the per-encoder squash, is
 * {@link io.ovrsis.runtime.model.OpenVocabSegmentor#squash}.
 */
public final class TestTimeInput {
    private TestTimeInput() {
    }

    /** The resized image before normalisation (the image itself when {@code shortestEdge} is 0). */
    public static RgbImage resized(RgbImage image, InferenceSettings settings) {
        if (settings.shortestEdge() <= 0) {
            return image;
        }
        int[] size = PilResize.shortestEdgeSize(image.height(), image.width(), settings.shortestEdge(),
                settings.maxSize());
        return PilResize.resize(image, size[0], size[1]);
    }

    /** (1, 3, H', W'): resized, normalised with {@code spec}, padded; attached to {@code manager}. */
    public static NDArray normalisedPadded(RgbImage image, PreprocessSpec spec, InferenceSettings settings,
            NDManager manager) {
        RgbImage resized = resized(image, settings);
        int padH = ImageTensors.padTo(resized.height(), settings.sizeDivisibility());
        int padW = ImageTensors.padTo(resized.width(), settings.sizeDivisibility());
        float[] x = ImageTensors.normalise(resized, spec, padH, padW);
        return manager.create(x, new Shape(1, 3, padH, padW));
    }
}
