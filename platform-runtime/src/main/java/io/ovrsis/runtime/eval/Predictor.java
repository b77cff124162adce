package io.ovrsis.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.nn.Resize;
import io.ovrsis.runtime.data.ImageTensors;
import io.ovrsis.runtime.data.PilResize;
import io.ovrsis.runtime.data.RgbImage;
import io.ovrsis.runtime.model.OpenVocabSegmentor;
import io.ovrsis.runtime.train.GradMode;

/** Whole-image inference for one image, exactly as the authors' test path (method.md §8.1). */
public final class Predictor {
    private final OpenVocabSegmentor model;
    private final InferenceSettings settings;
    private final NDManager manager;

    public Predictor(OpenVocabSegmentor model, InferenceSettings settings, NDManager manager) {
        this.model = model;
        this.settings = settings;
        this.manager = manager;
    }

    /** Per-class probabilities at the original size and the arg-max classes. */
    public record Prediction(int height, int width, int classes, int[] labels, float[] probabilities) {
    }

    public Prediction predict(RgbImage image, TextEmbeddings text, boolean keepProbabilities) {
        GradMode.off();
        int h0 = image.height();
        int w0 = image.width();
        RgbImage resized = image;
        if (settings.shortestEdge() > 0) {
            int[] size = PilResize.shortestEdgeSize(h0, w0, settings.shortestEdge(), settings.maxSize());
            resized = PilResize.resize(image, size[0], size[1]);
        }
        int padH = ImageTensors.padTo(resized.height(), settings.sizeDivisibility());
        int padW = ImageTensors.padTo(resized.width(), settings.sizeDivisibility());
        float[] x = ImageTensors.normalise(resized, model.preprocess(), padH, padW);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray input = manager.create(x, new Shape(1, 3, padH, padW));
            NDArray logits = model.forward(input, text, false);
            NDArray probs = ai.djl.nn.Activation.sigmoid(logits);
            NDArray full = Resize.resize(probs, h0, w0, Resize.Mode.BILINEAR, false);
            int[] labels = full.argMax(1).toType(DataType.INT32, false).toIntArray();
            float[] p = keepProbabilities ? full.toFloatArray() : null;
            return new Prediction(h0, w0, (int) probs.getShape().get(1), labels, p);
        }
    }
}
