package io.ovrsis.plugins.rsfusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.FusionHead;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.nn.Ops;
import io.ovrsis.api.nn.TensorModule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * RS-Fusion (method.md §3): projects the guidance once, then runs the layers on the cost volume.
 * Internally the volume is kept as (B, T, h·w, C) tokens so that both blocks work on all B·T maps
 * at once, without loops over classes.
 */
public final class RsFusionHead implements FusionHead {
    private final RsFusionHeadConfig config;
    private final FeatureRef guidanceRef;
    private final int textDim;
    private final RsFusionModule module;

    RsFusionHead(RsFusionHeadConfig config, int guidanceChannels, int textDim) {
        this.config = config;
        this.guidanceRef = new FeatureRef(config.guidanceEncoder(), config.guidanceMap());
        this.textDim = textDim;
        this.module = new RsFusionModule(config, guidanceChannels, textDim);
    }

    @Override
    public TensorModule module() {
        return module;
    }

    @Override
    public List<FeatureRef> requiredFeatures() {
        return List.of(guidanceRef);
    }

    @Override
    public CostVolume fuse(CostVolume cost, Guidance guidance, TextEmbeddings text, boolean training) {
        return new CostVolume(run(cost.volume(), guidance, text, null));
    }

    /** Like {@link #fuse}, also handing every layer's output (B, C, T, h, w) to {@code perLayer}. */
    public List<NDArray> fuseWithLayerOutputs(CostVolume cost, Guidance guidance, TextEmbeddings text) {
        List<NDArray> outputs = new ArrayList<>();
        run(cost.volume(), guidance, text, outputs::add);
        return outputs;
    }

    private NDArray run(NDArray volume, Guidance guidance, TextEmbeddings text, Consumer<NDArray> perLayer) {
        Shape s = volume.getShape();
        if (s.dimension() != 5 || s.get(1) != config.hidden()) {
            throw new IllegalArgumentException("rsfusion expects a cost volume (B, " + config.hidden()
                    + ", T, h, w), got " + s + "; model.fusion.hidden must equal the aggregator's hidden");
        }
        long b = s.get(0);
        long t = s.get(2);
        int h = Math.toIntExact(s.get(3));
        int w = Math.toIntExact(s.get(4));
        NDArray g = guidance.get(guidanceRef);
        if (g.getShape().get(2) != h || g.getShape().get(3) != w) {
            throw new IllegalArgumentException("guidance " + guidanceRef + " has grid " + g.getShape()
                    + ", the cost volume " + h + "x" + w);
        }
        NDArray guidanceMap = Activation.relu(module.guidanceProjection.forward(g)); // (B, G, h, w)
        NDArray guidanceTokens = guidanceMap.transpose(0, 2, 3, 1).reshape(b, (long) h * w, config.guidanceDim());
        NDArray textGuidance = Activation.relu(module.textGuidanceProjection.forward(classEmbedding(text, t)));
        NDArray x = volume.transpose(0, 2, 3, 4, 1).reshape(b, t, (long) h * w, config.hidden());
        for (FusionLayer layer : module.layers) {
            x = layer.forward(x, guidanceTokens, textGuidance, h, w);
            if (perLayer != null) {
                perLayer.accept(toVolume(x, h, w));
            }
        }
        return toVolume(x, h, w);
    }

    /** L2norm(mean over templates) of the text: (T, D). */
    private NDArray classEmbedding(TextEmbeddings text, long classes) {
        NDArray e = text.embeddings();
        Shape es = e.getShape();
        if (es.dimension() != 3 || es.get(0) != classes || es.get(2) != textDim) {
            throw new IllegalArgumentException("rsfusion expects text embeddings (" + classes + ", P, " + textDim
                    + "), got " + es);
        }
        return Ops.l2Normalize(e.mean(new int[] {1}), 1, 1e-12f);
    }

    private static NDArray toVolume(NDArray tokens, int h, int w) {
        Shape s = tokens.getShape();
        return tokens.reshape(s.get(0), s.get(1), h, w, s.get(3)).transpose(0, 4, 1, 2, 3);
    }
}
