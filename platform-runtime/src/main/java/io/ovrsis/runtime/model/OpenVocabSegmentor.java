package io.ovrsis.runtime.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.CostAggregator;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.Decoder;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.FusionHead;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.model.ModelComponent;
import io.ovrsis.api.model.PreprocessSpec;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.model.TextEncoder;
import io.ovrsis.api.nn.Ops;
import io.ovrsis.api.nn.Resize;
import io.ovrsis.api.nn.TensorModule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An open-vocabulary segmentor assembled from slot components. One forward pass:
 * <pre>
 * x       = images (B, 3, H, W), normalised with the main encoder's mean/std and padded
 * views   = imageEncoder(resize(rot90(x, k), S)) for k in aggregator.rotations(), run as one batch V·B
 * aux[n]  = auxEncoders[n](resize(x, S_n))        frozen encoders record no autograd graph
 * cost    = aggregator(views, guidance(views[0], aux), text)      (B, C, T, h, w)
 * cost    = fusion(cost, guidance, text)
 * logits  = decoder(cost, guidance)                                (B, T, h·up, w·up)
 * </pre>
 * Resizing is bilinear with align_corners false and no antialias, as the authors' test path.
 */
public final class OpenVocabSegmentor {
    private final ImageEncoder imageEncoder;
    private final TextEncoder textEncoder;
    private final Map<String, ImageEncoder> auxEncoders;
    private final CostAggregator aggregator;
    private final FusionHead fusion;
    private final Decoder decoder;
    private final CompositeModule root = new CompositeModule();

    public OpenVocabSegmentor(ImageEncoder imageEncoder, TextEncoder textEncoder, Map<String, ImageEncoder> auxEncoders,
                              CostAggregator aggregator, FusionHead fusion, Decoder decoder) {
        this.imageEncoder = imageEncoder;
        this.textEncoder = textEncoder;
        this.auxEncoders = new LinkedHashMap<>(auxEncoders);
        this.aggregator = aggregator;
        this.fusion = fusion;
        this.decoder = decoder;
        root.add("imageEncoder", imageEncoder.module()).add("textEncoder", textEncoder.module());
        if (!auxEncoders.isEmpty()) {
            CompositeModule aux = new CompositeModule();
            auxEncoders.forEach((n, e) -> aux.add(n, e.module()));
            root.add("auxEncoders", aux);
        }
        root.add("aggregator", aggregator.module()).add("fusion", fusion.module()).add("decoder", decoder.module());
    }

    /** The whole parameter tree; names are {@code <slot>.<PyTorch name>}. */
    public TensorModule module() {
        return root;
    }

    /** Components by their config key ({@code model.imageEncoder}, {@code model.auxEncoders.dino}, ...). */
    public Map<String, ModelComponent> components() {
        Map<String, ModelComponent> m = new LinkedHashMap<>();
        m.put("model.imageEncoder", imageEncoder);
        m.put("model.textEncoder", textEncoder);
        auxEncoders.forEach((n, e) -> m.put("model.auxEncoders." + n, e));
        m.put("model.aggregator", aggregator);
        m.put("model.fusion", fusion);
        m.put("model.decoder", decoder);
        return m;
    }

    public PreprocessSpec preprocess() {
        return imageEncoder.preprocess();
    }

    public TextEncoder textEncoder() {
        return textEncoder;
    }

    public TextEmbeddings encodeText(List<String> classNames, NDManager manager, boolean training) {
        return textEncoder.encode(classNames, manager, training);
    }

    /** Logit map side relative to the cost grid. */
    public int decoderUpsampling() {
        return decoder.upsampling();
    }

    /**
     * @param images (B, 3, H, W) normalised with {@link #preprocess()}'s mean/std
     * @return logits (B, T, h, w) before sigmoid
     */
    public NDArray forward(NDArray images, TextEmbeddings text, boolean training) {
        return forward(images, text, training, StageObserver.NONE);
    }

    /** {@link #forward(NDArray, TextEmbeddings, boolean)} with every stage run through {@code observer}. */
    public NDArray forward(NDArray images, TextEmbeddings text, boolean training, StageObserver observer) {
        return decode(stages(images, text, training, observer), training, observer);
    }

    /** The intermediate results of a forward pass, for cost-map pictures and debugging. */
    public Stage stages(NDArray images, TextEmbeddings text, boolean training) {
        return stages(images, text, training, StageObserver.NONE);
    }

    /** {@link #stages(NDArray, TextEmbeddings, boolean)} with every stage run through {@code observer}. */
    public Stage stages(NDArray images, TextEmbeddings text, boolean training, StageObserver observer) {
        List<FeatureMaps> views = observer.run("imageEncoder", () -> encodeViews(images, training));
        Map<String, FeatureMaps> aux = new LinkedHashMap<>();
        for (Map.Entry<String, ImageEncoder> e : auxEncoders.entrySet()) {
            ImageEncoder enc = e.getValue();
            aux.put(e.getKey(), observer.run("auxEncoders." + e.getKey(), () -> {
                NDArray x = renormalise(images, enc.preprocess());
                return enc.encode(squash(x, enc.preprocess().inputSize()), training && !enc.frozen());
            }));
        }
        Guidance guidance = new Guidance(views.get(0), aux);
        CostVolume cost = observer.run("aggregator", () -> aggregator.aggregate(views, guidance, text, training));
        CostVolume fused = observer.run("fusion", () -> fusion.fuse(cost, guidance, text, training));
        return new Stage(views, guidance, cost, fused);
    }

    /** The decoder on a stage's fused volume: logits (B, T, h, w) before sigmoid. */
    public NDArray decode(Stage stage, boolean training, StageObserver observer) {
        return observer.run("decoder", () -> decoder.decode(stage.fused, stage.guidance, training));
    }

    /**
     * The aggregator's raw cost maps of a stage (method.md §10), each (B, T, h, w) by source name
     * ({@code rot0}, ..., extra-cost encoder names); empty when the aggregator exposes none.
     */
    public Map<String, NDArray> costMaps(Stage stage, TextEmbeddings text) {
        return aggregator.costMaps(stage.views(), stage.guidance(), text);
    }

    private List<FeatureMaps> encodeViews(NDArray images, boolean training) {
        int[] rotations = aggregator.rotations();
        NDArray x = squash(images, imageEncoder.preprocess().inputSize());
        boolean train = training && !imageEncoder.frozen();
        if (rotations.length == 1) {
            return List.of(imageEncoder.encode(Ops.rot90(x, rotations[0]), train));
        }
        NDList rotated = new NDList();
        for (int k : rotations) {
            rotated.add(Ops.rot90(x, k));
        }
        FeatureMaps all = imageEncoder.encode(NDArrays.concat(rotated, 0), train);
        List<FeatureMaps> views = new ArrayList<>();
        for (int v = 0; v < rotations.length; v++) {
            views.add(new FeatureMaps(new LinkedHashMap<>()));
        }
        for (Map.Entry<String, NDArray> e : all.maps().entrySet()) {
            NDList parts = e.getValue().split(rotations.length, 0);
            for (int v = 0; v < rotations.length; v++) {
                Map<String, NDArray> m = new LinkedHashMap<>(views.get(v).maps());
                m.put(e.getKey(), parts.get(v));
                views.set(v, new FeatureMaps(m));
            }
        }
        return views;
    }

    private NDArray renormalise(NDArray images, PreprocessSpec target) {
        PreprocessSpec main = imageEncoder.preprocess();
        if (Arrays.equals(main.mean(), target.mean()) && Arrays.equals(main.std(), target.std())) {
            return images;
        }
        NDManager m = images.getManager();
        NDArray mean0 = m.create(main.mean()).reshape(1, 3, 1, 1);
        NDArray std0 = m.create(main.std()).reshape(1, 3, 1, 1);
        NDArray mean1 = m.create(target.mean()).reshape(1, 3, 1, 1);
        NDArray std1 = m.create(target.std()).reshape(1, 3, 1, 1);
        return images.mul(std0).add(mean0).sub(mean1).div(std1);
    }

    /**
     * Step 3 of the authors' test path (method.md §8.1): each encoder gets its own bilinear resize of
     * the padded batch to size × size (align_corners false, no antialias, aspect ratio not kept);
     * {@code x} itself when it already has that size.
     */
    public static NDArray squash(NDArray x, int size) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        if (h == size && w == size) {
            return x;
        }
        return Resize.resize(x, size, size, Resize.Mode.BILINEAR, false);
    }

    /** What a forward pass computed before decoding. */
    public record Stage(List<FeatureMaps> views, Guidance guidance, CostVolume cost, CostVolume fused) {
    }
}
