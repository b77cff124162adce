package io.ovrsis.runtime.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.model.PreprocessSpec;
import io.ovrsis.api.nn.Resize;
import io.ovrsis.runtime.data.ImageTensors;
import io.ovrsis.runtime.data.RgbImage;

/**
 * The authors' sliding-window inference (CAT-Seg's {@code inference_sliding_window}, kept but unused
 * by RSKT-Seg's evaluation; method.md §8.1): the test-time resized image is resized bilinearly
 * (align_corners false) to out × out with out = {@code shortestEdge}; windows of k × k with stride
 * ⌊k · (1 − 0.333)⌋ are cut as {@code nn.Unfold} does, plus one global view (the image resized to
 * k × k); every view is normalised and run as one batch; each view's logits are resized to k × k and
 * passed through the sigmoid; the windows are fold-averaged onto out × out and averaged with the
 * global view resized to out × out; the caller then resizes that to the original size.
 */
public final class SlidingWindows {
    /** CAT-Seg's window overlap. */
    static final double OVERLAP = 0.333;

    private SlidingWindows() {
    }

    /** Window stride for side {@code k}. */
    public static int stride(int k) {
        return (int) (k * (1 - OVERLAP));
    }

    /**
     * Why {@code out} × {@code out} cannot be covered by windows of {@code k}, or null when it can
     * ({@code nn.Fold} would divide by zero on uncovered pixels).
     */
    public static String problem(int out, int k) {
        if (k > out) {
            return "the window (data.cropSize " + k + ") is larger than the image side (eval.inference.shortestEdge "
                    + out + ")";
        }
        int s = stride(k);
        if ((out - k) % s != 0) {
            int fit = k + Math.max(1, Math.round((float) (out - k) / s)) * s;
            return "windows of " + k + " with stride " + s + " do not cover " + out + " × " + out
                    + " exactly; use eval.inference.shortestEdge " + fit + " (the authors use 640 with 384 windows)";
        }
        return null;
    }

    /** Offsets of the windows along one side, in {@code nn.Unfold} order. */
    static int[] offsets(int out, int k) {
        int s = stride(k);
        int n = (out - k) / s + 1;
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i * s;
        }
        return o;
    }

    /**
     * The views as one batch, normalised with {@code spec}: every window (row-major over their
     * offsets), then the global view; (n + 1, 3, k, k).
     */
    public static NDArray views(RgbImage image, PreprocessSpec spec, InferenceSettings settings, NDManager manager) {
        int k = settings.windowSize();
        int out = settings.shortestEdge();
        RgbImage resized = TestTimeInput.resized(image, settings);
        PreprocessSpec raw = new PreprocessSpec(spec.inputSize(), new float[] {0f, 0f, 0f}, new float[] {1f, 1f, 1f});
        NDArray pixels = manager.create(ImageTensors.normalise(resized, raw, resized.height(), resized.width()),
                new Shape(1, 3, resized.height(), resized.width()));
        NDArray square = Resize.resize(pixels, out, out, Resize.Mode.BILINEAR, false);
        NDList views = new NDList();
        int[] offsets = offsets(out, k);
        for (int y : offsets) {
            for (int x : offsets) {
                views.add(square.get(":, :, " + y + ":" + (y + k) + ", " + x + ":" + (x + k)));
            }
        }
        views.add(Resize.resize(pixels, k, k, Resize.Mode.BILINEAR, false));
        NDArray batch = NDArrays.concat(views, 0);
        NDArray mean = manager.create(spec.mean()).reshape(1, 3, 1, 1);
        NDArray std = manager.create(spec.std()).reshape(1, 3, 1, 1);
        return batch.sub(mean).div(std);
    }

    /**
     * @param logits (n + 1, T, h, w) of {@link #views}
     * @return (1, T, out, out) probabilities: fold-averaged windows averaged with the global view
     */
    public static NDArray probabilities(NDArray logits, InferenceSettings settings) {
        int k = settings.windowSize();
        int out = settings.shortestEdge();
        NDArray probs = ai.djl.nn.Activation.sigmoid(Resize.resize(logits, k, k, Resize.Mode.BILINEAR, false));
        long views = probs.getShape().get(0);
        int classes = (int) probs.getShape().get(1);
        NDArray global = Resize.resize(probs.get((views - 1) + ":"), out, out, Resize.Mode.BILINEAR, false);
        float[] window = probs.get(":" + (views - 1)).toFloatArray();
        float[] sum = new float[classes * out * out];
        float[] count = new float[out * out];
        int[] offsets = offsets(out, k);
        int v = 0;
        for (int y0 : offsets) {
            for (int x0 : offsets) {
                for (int y = 0; y < k; y++) {
                    for (int x = 0; x < k; x++) {
                        count[(y0 + y) * out + x0 + x]++;
                    }
                }
                for (int t = 0; t < classes; t++) {
                    int src = (v * classes + t) * k * k;
                    int dst = t * out * out;
                    for (int y = 0; y < k; y++) {
                        for (int x = 0; x < k; x++) {
                            sum[dst + (y0 + y) * out + x0 + x] += window[src + y * k + x];
                        }
                    }
                }
                v++;
            }
        }
        float[] g = global.toFloatArray();
        for (int t = 0; t < classes; t++) {
            for (int i = 0; i < out * out; i++) {
                sum[t * out * out + i] = (sum[t * out * out + i] / count[i] + g[t * out * out + i]) / 2f;
            }
        }
        return logits.getManager().create(sum, new Shape(1, classes, out, out));
    }
}
