package io.ovrsis.plugins.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.component.PrepareContext;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.FeatureSpec;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.model.PreprocessSpec;
import io.ovrsis.api.nn.TensorModule;
import io.ovrsis.plugins.clip.nn.ClipModel;
import io.ovrsis.plugins.clip.nn.ClipVisionTransformer;
import io.ovrsis.plugins.clip.weights.ClipWeightLoader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CLIP ViT image tower as an {@link ImageEncoder}: feature map {@code dense} (outputDim channels,
 * the projected tokens of the — by default dense — last block) and {@code block<i>} (width channels,
 * raw residual stream) for every tap; all at stride patchSize, CLS token dropped, (B, C, g, g).
 */
public final class ClipImageEncoder implements ImageEncoder {
    /** Name of the projected final feature map. */
    public static final String DENSE = "dense";

    private final String id;
    private final String keyPath;
    private final ClipImageEncoderConfig config;
    private final ClipVisionTransformer visual;
    /** {@code visual}, or the whole CLIP model around it when the text tower is stored. */
    private final TensorModule root;
    private final FeatureSpec spec;
    private final int[] taps;

    ClipImageEncoder(String id, String keyPath, ClipImageEncoderConfig config) {
        this.id = id;
        this.keyPath = keyPath;
        this.config = config;
        this.visual = new ClipVisionTransformer(config.width(), config.layers(), config.heads(), config.patchSize(),
                config.pretrainedGrid(), config.outputDim());
        this.root = config.storedTextTower() == null ? visual : storedTextTower(visual, config);
        this.taps = config.taps().stream().mapToInt(Integer::intValue).toArray();
        FeatureSpec.Builder b = FeatureSpec.builder().setInputSize(config.inputSize());
        if (config.finalOutput()) {
            b.addMap(DENSE, config.outputDim(), config.patchSize());
        }
        for (int t : taps) {
            b.addMap(blockName(t), config.width(), config.patchSize());
        }
        this.spec = b.build();
        // trainability is known at build time, so parameter counts are right before any weights load
        applyFinetuning();
    }

    /** A standard CLIP text tower next to the image tower (kept frozen, never run). */
    private static TensorModule storedTextTower(ClipVisionTransformer visual, ClipImageEncoderConfig c) {
        StoredTextTower t = c.storedTextTower();
        return new ClipModel(visual, t.width(), t.layers(), t.heads(), c.outputDim(), t.contextLength(), t.vocabSize());
    }

    private void applyFinetuning() {
        root.setTrainable(false);
        ClipFinetuning.apply(visual, config.finetune(), config.lrMultiplier());
    }

    /** Feature map name of a tap. */
    public static String blockName(int block) {
        return "block" + block;
    }

    @Override
    public TensorModule module() {
        return root;
    }

    public ClipImageEncoderConfig config() {
        return config;
    }

    @Override
    public FeatureSpec featureSpec() {
        return spec;
    }

    @Override
    public PreprocessSpec preprocess() {
        return PreprocessSpec.clip(config.inputSize());
    }

    @Override
    public FeatureMaps encode(NDArray images, boolean training) {
        Shape s = images.getShape();
        if (s.dimension() != 4 || s.get(1) != 3 || s.get(2) != config.inputSize() || s.get(3) != config.inputSize()) {
            throw new IllegalArgumentException(id + " expects images (B, 3, " + config.inputSize() + ", "
                    + config.inputSize() + "), got " + s);
        }
        // a pass that autograd will not differentiate frees each block's activations as it goes
        ClipVisionTransformer.Output out = visual.forward(images, taps, config.finalOutput(), config.dense(),
                training && !frozen());
        Map<String, NDArray> maps = new LinkedHashMap<>();
        if (config.finalOutput()) {
            maps.put(DENSE, toMap(out.output()));
        }
        for (int t : taps) {
            maps.put(blockName(t), toMap(out.taps().get(t)));
        }
        return new FeatureMaps(maps);
    }

    /** (B, 1 + g², C) → drop the CLS token → (B, C, g, g). */
    private NDArray toMap(NDArray tokens) {
        Shape s = tokens.getShape();
        int g = config.grid();
        return tokens.get(":, 1:, :").transpose(0, 2, 1).reshape(s.get(0), s.get(2), g, g);
    }

    /** Loads the weight file (if any), then applies the finetune rule and learning-rate multiplier. */
    @Override
    public void prepare(PrepareContext context) {
        if (config.weights() != null) {
            ClipWeightLoader.loadFile(context, config.weights(), root,
                    config.storedTextTower() != null ? ClipWeightLoader.Tower.WHOLE : ClipWeightLoader.Tower.IMAGE,
                    config.weightsFormat(), id);
        }
        applyFinetuning();
        visual.invalidateCache();
    }
}
