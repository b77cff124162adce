package io.ovrsis.runtime.features;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.model.PreprocessSpec;
import io.ovrsis.runtime.data.RgbImage;
import io.ovrsis.runtime.eval.InferenceSettings;
import io.ovrsis.runtime.eval.TestTimeInput;
import io.ovrsis.runtime.model.OpenVocabSegmentor;
import io.ovrsis.runtime.train.GradMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One forward pass of an image encoder on one image, fed exactly as the authors' test path feeds
 * it (method.md §1.1, §8.1): shortest-edge resize, the encoder's mean/std normalisation, zero
 * padding to the size divisibility, then a bilinear squash (align_corners false, no antialias) to
 * the encoder's input size. No autograd graph is recorded; every intermediate array is closed when
 * the pass ends, and the feature maps come back as Java arrays without the batch dimension.
 */
public final class ImageFeatures {
    private final ImageEncoder encoder;
    private final InferenceSettings settings;

    public ImageFeatures(ImageEncoder encoder, InferenceSettings settings) {
        this.encoder = encoder;
        this.settings = settings;
    }

    /** The encoder's (1, 3, S, S) input for {@code image}, attached to {@code manager}. */
    public NDArray input(RgbImage image, NDManager manager) {
        PreprocessSpec spec = encoder.preprocess();
        NDArray padded = TestTimeInput.normalisedPadded(image, spec, settings, manager);
        return OpenVocabSegmentor.squash(padded, spec.inputSize());
    }

    /** Every feature map of the encoder's spec, (C, h, w) each, in the spec's order. */
    public List<FeatureArray> forward(RgbImage image, NDManager manager) {
        GradMode.off();
        try (NDManager pass = manager.newSubManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            FeatureMaps maps = encoder.encode(input(image, pass), false);
            List<FeatureArray> out = new ArrayList<>();
            for (String name : encoder.featureSpec().maps().keySet()) {
                out.add(copy(name, maps.get(name)));
            }
            for (Map.Entry<String, NDArray> e : maps.maps().entrySet()) {
                if (!encoder.featureSpec().maps().containsKey(e.getKey())) {
                    out.add(copy(e.getKey(), e.getValue()));
                }
            }
            return out;
        }
    }

    private static FeatureArray copy(String name, NDArray map) {
        long[] shape = map.getShape().getShape();
        long[] chw = java.util.Arrays.copyOfRange(shape, 1, shape.length);
        return new FeatureArray(name, chw, map.toFloatArray());
    }
}
