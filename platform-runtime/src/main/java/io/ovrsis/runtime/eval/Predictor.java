package io.ovrsis.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.nn.Resize;
import io.ovrsis.runtime.data.RgbImage;
import io.ovrsis.runtime.model.OpenVocabSegmentor;
import io.ovrsis.runtime.model.StageObserver;
import io.ovrsis.runtime.train.GradMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inference for one image, exactly as the authors' test path (method.md §8.1): resize the shortest
 * edge, normalise, pad, squash per encoder (in the model), logits, sigmoid, bilinear to the original
 * size, arg-max over the classes. With {@link InferenceSettings#sliding()} the views are the authors'
 * sliding windows plus a global view ({@link SlidingWindows}); kept logits and cost maps are then the
 * global view's. Runs without autograd.
 */
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

    /** T maps of h × w, row major per map: {@code values[(t·h + y)·w + x]}. */
    public record ClassMaps(int classes, int height, int width, float[] values) {
    }

    /** What to keep besides the prediction. */
    public record Keep(boolean logits, boolean costMaps) {
        public static final Keep NOTHING = new Keep(false, false);
    }

    /**
     * A prediction with what led to it.
     *
     * @param logits the decoder's output before sigmoid, at its own resolution (null unless kept)
     * @param costMaps the aggregator's raw cost maps by source (empty unless kept, or when the
     *     aggregator exposes none)
     */
    public record Inspection(Prediction prediction, ClassMaps logits, Map<String, ClassMaps> costMaps) {
    }

    public Prediction predict(RgbImage image, TextEmbeddings text, boolean keepProbabilities) {
        return run(image, text, keepProbabilities, Keep.NOTHING, StageObserver.NONE).prediction();
    }

    /**
     * The same path as {@link #predict}, also keeping logits and cost maps if asked; every stage runs
     * through {@code observer} ({@code preprocess}, the model's stages, {@code postprocess}).
     */
    public Inspection inspect(RgbImage image, TextEmbeddings text, Keep keep, StageObserver observer) {
        return run(image, text, false, keep, observer);
    }

    private Inspection run(RgbImage image, TextEmbeddings text, boolean keepProbabilities, Keep keep,
                           StageObserver observer) {
        GradMode.off();
        int h0 = image.height();
        int w0 = image.width();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray input = observer.run("preprocess", () -> settings.sliding()
                    ? SlidingWindows.views(image, model.preprocess(), settings, manager)
                    : TestTimeInput.normalisedPadded(image, model.preprocess(), settings, manager));
            OpenVocabSegmentor.Stage stage = model.stages(input, text, false, observer);
            NDArray logits = model.decode(stage, false, observer);
            Prediction prediction = observer.run("postprocess", () -> {
                NDArray probs = settings.sliding() ? SlidingWindows.probabilities(logits, settings)
                        : ai.djl.nn.Activation.sigmoid(logits);
                NDArray full = Resize.resize(probs, h0, w0, Resize.Mode.BILINEAR, false);
                int[] labels = full.argMax(1).toType(DataType.INT32, false).toIntArray();
                float[] p = keepProbabilities ? full.toFloatArray() : null;
                return new Prediction(h0, w0, (int) probs.getShape().get(1), labels, p);
            });
            Map<String, ClassMaps> maps = new LinkedHashMap<>();
            if (keep.costMaps()) {
                model.costMaps(stage, text).forEach((source, m) -> maps.put(source, firstImage(lastView(m))));
            }
            return new Inspection(prediction, keep.logits() ? firstImage(lastView(logits)) : null, maps);
        }
    }

    /** The whole image's view: the only one, or the global view after the sliding windows. */
    private static NDArray lastView(NDArray a) {
        long n = a.getShape().get(0);
        return n == 1 ? a : a.get((n - 1) + ":");
    }

    /** (1, T, h, w) → the T maps of the only image. */
    private static ClassMaps firstImage(NDArray a) {
        Shape s = a.getShape();
        if (s.dimension() != 4 || s.get(0) != 1) {
            throw new IllegalStateException("expected (1, T, h, w), got " + s);
        }
        return new ClassMaps((int) s.get(1), (int) s.get(2), (int) s.get(3), a.toType(DataType.FLOAT32, false).toFloatArray());
    }
}
