package io.ovrsis.plugins.dino;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.component.PrepareContext;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.FeatureSpec;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.model.PreprocessSpec;
import io.ovrsis.api.nn.TensorModule;
import io.ovrsis.plugins.dino.nn.DinoVisionTransformer;
import io.ovrsis.plugins.dino.weights.DinoWeightLoader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DINO ViT as an {@link ImageEncoder}: feature map {@code dense} (the last block through the final
 * norm; RS-CMA's extra DINO cost) and {@code block<i>} for every tap (block i through the final
 * norm; RS-Transfer's DINO guidance), all width channels at stride patchSize, CLS token dropped,
 * (B, D, g, g) with token h·g + w at (h, w) ({@code "B (H W) C -> B C H W"}).
 *
 * <p>Preprocessing is CLIP's: RSKT-Seg and GSNet feed DINO the same CLIP-normalised tensor as CLIP
 * (mean/std in 0–255 units), bilinearly resized to 384 (method.md §1.1, §8.1), not ImageNet's.
 */
public final class DinoImageEncoder implements ImageEncoder {
    /** Name of the last-layer feature map. */
    public static final String DENSE = "dense";

    private final String id;
    private final DinoImageEncoderConfig config;
    private final DinoVisionTransformer vit;
    private final FeatureSpec spec;
    private final int[] taps;

    DinoImageEncoder(String id, DinoImageEncoderConfig config) {
        this.id = id;
        this.config = config;
        this.vit = new DinoVisionTransformer(config.width(), config.layers(), config.heads(), config.patchSize(),
                config.pretrainedGrid(), config.positionScale());
        this.taps = config.taps().stream().mapToInt(Integer::intValue).toArray();
        FeatureSpec.Builder b = FeatureSpec.builder().setInputSize(config.inputSize());
        if (config.finalOutput()) {
            b.addMap(DENSE, config.width(), config.patchSize());
        }
        for (int t : taps) {
            b.addMap(blockName(t), config.width(), config.patchSize());
        }
        this.spec = b.build();
        // trainability is known at build time, so parameter counts are right before any weights load
        DinoFinetuning.apply(vit, config.finetune(), config.lrMultiplier());
    }

    /** Feature map name of a tap. */
    public static String blockName(int block) {
        return "block" + block;
    }

    @Override
    public TensorModule module() {
        return vit;
    }

    public DinoImageEncoderConfig config() {
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
        DinoVisionTransformer.Output out = vit.forward(images, taps, config.finalOutput(), training && !frozen());
        Map<String, NDArray> maps = new LinkedHashMap<>();
        if (config.finalOutput()) {
            maps.put(DENSE, toMap(out.output()));
        }
        for (int t : taps) {
            maps.put(blockName(t), toMap(out.taps().get(t)));
        }
        return new FeatureMaps(maps);
    }

    /** (B, 1 + g², D) → drop the CLS token → (B, D, g, g). */
    private NDArray toMap(NDArray tokens) {
        Shape s = tokens.getShape();
        int g = config.grid();
        return tokens.get(":, 1:, :").transpose(0, 2, 1).reshape(s.get(0), s.get(2), g, g);
    }

    /** Loads the weight file (if any), then applies the finetune rule and learning-rate multiplier. */
    @Override
    public void prepare(PrepareContext context) {
        if (config.weights() != null) {
            DinoWeightLoader.loadFile(context, config.weights(), vit, id);
        }
        DinoFinetuning.apply(vit, config.finetune(), config.lrMultiplier());
        vit.invalidateCache();
    }
}
