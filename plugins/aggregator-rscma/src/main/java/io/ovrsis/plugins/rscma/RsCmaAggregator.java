package io.ovrsis.plugins.rscma;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.ovrsis.api.model.CostAggregator;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.nn.Ops;
import io.ovrsis.api.nn.TensorModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RS-CMA (method.md §2): rotated-back cosine costs of the main encoder, optional extra costs, and
 * their embedding into a (B, hidden, T, h, w) volume.
 */
public final class RsCmaAggregator implements CostAggregator {
    private final RsCmaAggregatorConfig config;
    private final int[] turns;
    private final int textDim;
    private final int grid;
    private final List<ExtraCost> extras;
    private final RsCmaModule module;
    private final List<FeatureRef> required;

    RsCmaAggregator(RsCmaAggregatorConfig config, int textDim, int grid, List<ExtraCost> extras) {
        this.config = config;
        this.turns = config.quarterTurns();
        this.textDim = textDim;
        this.grid = grid;
        this.extras = List.copyOf(extras);
        this.module = new RsCmaModule(turns.length * config.templateCount(), config.templateCount(), textDim,
                extras, config.fusionType(), config.hidden(), config.kernel());
        List<FeatureRef> refs = new ArrayList<>();
        refs.add(new FeatureRef(FeatureRef.MAIN, config.source()));
        extras.forEach(e -> refs.add(new FeatureRef(e.source(), e.feature())));
        this.required = List.copyOf(refs);
    }

    @Override
    public TensorModule module() {
        return module;
    }

    @Override
    public int[] rotations() {
        return turns.clone();
    }

    @Override
    public List<FeatureRef> requiredFeatures() {
        return required;
    }

    @Override
    public int outputChannels() {
        return config.hidden();
    }

    /** The cost grid side this aggregator was built for (main map {@code source}). */
    public int grid() {
        return grid;
    }

    @Override
    public CostVolume aggregate(List<FeatureMaps> views, Guidance guidance, TextEmbeddings text, boolean training) {
        checkInputs(views, text);
        Shape ts = text.embeddings().getShape();
        int classes = Math.toIntExact(ts.get(0));
        int templates = Math.toIntExact(ts.get(1));
        NDArray textMatrix = CosineCost.textMatrix(text.embeddings());
        NDArray main = CosineCost.correlate(alignedViews(views), textMatrix, templates, classes);
        List<NDArray> extraCosts = new ArrayList<>();
        for (ExtraCost e : extras) {
            extraCosts.add(extraCost(e, guidance, textMatrix, templates, classes, main.getShape()));
        }
        return new CostVolume(fromMaps(embed(toMaps(main), extraCosts.stream().map(RsCmaAggregator::toMaps).toList()),
                main.getShape().get(0)));
    }

    /**
     * The cosine maps that {@link #aggregate} embeds, before embedding: {@code rot<degrees>} per
     * direction (turned back to the unrotated frame: channel n of conv1's input) and one per extra-cost
     * encoder under its name (after its {@code <name>_down_sample} projection), each (B, T, h, w) and
     * averaged over the P templates.
     */
    @Override
    public Map<String, NDArray> costMaps(List<FeatureMaps> views, Guidance guidance, TextEmbeddings text) {
        checkInputs(views, text);
        Shape ts = text.embeddings().getShape();
        int classes = Math.toIntExact(ts.get(0));
        int templates = Math.toIntExact(ts.get(1));
        NDArray textMatrix = CosineCost.textMatrix(text.embeddings());
        NDArray main = CosineCost.correlate(alignedViews(views), textMatrix, templates, classes);
        Map<String, NDArray> maps = new LinkedHashMap<>();
        for (int n = 0; n < turns.length; n++) {
            NDArray direction = main.get(new NDIndex(":, {}:{}", n * templates, (n + 1) * templates));
            maps.put("rot" + 90 * turns[n], direction.mean(new int[] {1}));
        }
        for (ExtraCost e : extras) {
            maps.put(e.source(), extraCost(e, guidance, textMatrix, templates, classes, main.getShape()).mean(new int[] {1}));
        }
        return maps;
    }

    private void checkInputs(List<FeatureMaps> views, TextEmbeddings text) {
        if (views.size() != turns.length) {
            throw new IllegalArgumentException("rscma expects " + turns.length + " views (quarter turns "
                    + java.util.Arrays.toString(turns) + "), got " + views.size());
        }
        Shape ts = text.embeddings().getShape();
        if (ts.dimension() != 3 || ts.get(1) != config.templateCount() || ts.get(2) != textDim) {
            throw new IllegalArgumentException("rscma was built for text embeddings (T, " + config.templateCount()
                    + ", " + textDim + "), got " + ts + "; set model.aggregator.templateCount to the number of templates");
        }
    }

    /** Every view's map L2-normalised over channels and turned back by -k: (B, N, D, h, w). */
    NDArray alignedViews(List<FeatureMaps> views) {
        NDList aligned = new NDList(turns.length);
        for (int i = 0; i < turns.length; i++) {
            NDArray f = views.get(i).get(config.source());
            aligned.add(Ops.rot90(Ops.l2Normalize(f, 1, CosineCost.EPS), -turns[i]));
        }
        Shape first = aligned.get(0).getShape();
        for (int i = 1; i < aligned.size(); i++) {
            if (!aligned.get(i).getShape().equals(first)) {
                throw new IllegalArgumentException("view " + i + " (" + 90 * turns[i] + "°) turned back has shape "
                        + aligned.get(i).getShape() + ", view 0 has " + first + "; views must be square maps");
            }
        }
        return NDArrays.stack(aligned, 1);
    }

    private NDArray extraCost(ExtraCost e, Guidance guidance, NDArray textMatrix, int templates, int classes,
                              Shape mainShape) {
        NDArray projected = module.downSamples.get(e.source()).forward(guidance.source(e.source()).get(e.feature()));
        Shape ps = projected.getShape();
        if (ps.get(2) != mainShape.get(3) || ps.get(3) != mainShape.get(4)) {
            throw new IllegalArgumentException(e.source() + "." + e.feature() + " projected by " + e.moduleName()
                    + " has grid " + ps.get(2) + "x" + ps.get(3) + ", the main cost has " + mainShape.get(3) + "x"
                    + mainShape.get(4));
        }
        NDArray normed = Ops.l2Normalize(projected, 1, CosineCost.EPS).expandDims(1);
        return CosineCost.correlate(normed, textMatrix, templates, classes);
    }

    /** Method.md §2 step 5 on (B·T, C, h, w) maps. */
    private NDArray embed(NDArray main, List<NDArray> extra) {
        if (extra.isEmpty()) {
            return module.conv1.forward(main); // CAT-Seg path: no sigmoid (method.md §14.4)
        }
        switch (config.fusionType()) {
            case SIMPLE_SEPARATE -> {
                NDArray clip = Activation.sigmoid(module.conv1.forward(main));
                NDArray other = Activation.sigmoid(module.conv2.forward(extra.get(0)));
                NDArray fused = Activation.sigmoid(module.fusionCorr.forward(clip.concat(other, 1)));
                return fused.add(clip);
            }
            case SIMPLE_CONCATENATION -> {
                NDList all = new NDList(main);
                all.addAll(extra);
                return module.conv1.forward(NDArrays.concat(all, 1));
            }
            case SIMPLE_MEAN -> {
                NDList all = new NDList(main);
                all.addAll(extra);
                return module.conv1.forward(NDArrays.concat(all, 1).mean(new int[] {1}, true));
            }
            default -> throw new IllegalStateException("unknown fusion type " + config.fusionType());
        }
    }

    /** (B, C, T, h, w) → (B·T, C, h, w). */
    static NDArray toMaps(NDArray volume) {
        Shape s = volume.getShape();
        return volume.transpose(0, 2, 1, 3, 4).reshape(s.get(0) * s.get(2), s.get(1), s.get(3), s.get(4));
    }

    /** (B·T, C, h, w) → (B, C, T, h, w). */
    static NDArray fromMaps(NDArray maps, long batch) {
        Shape s = maps.getShape();
        return maps.reshape(batch, s.get(0) / batch, s.get(1), s.get(2), s.get(3)).transpose(0, 2, 1, 3, 4);
    }
}
