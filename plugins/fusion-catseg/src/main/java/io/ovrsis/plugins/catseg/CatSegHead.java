package io.ovrsis.plugins.catseg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.model.FeatureRef;
import io.ovrsis.api.model.FusionHead;
import io.ovrsis.api.model.Guidance;
import io.ovrsis.api.model.TextEmbeddings;
import io.ovrsis.api.nn.Ops;
import io.ovrsis.api.nn.TensorModule;
import io.ovrsis.plugins.catseg.ShiftedWindows.Geometry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CAT-Seg's aggregator: projects the guidance once, then runs the layers on the cost volume, kept
 * internally as (B, T, h, w, C) tokens so that every block works on all B·T maps at once.
 */
public final class CatSegHead implements FusionHead {
    private static final String MASK_SUFFIX = ".swin_block.block_2.attn_mask";
    private final CatSegHeadConfig config;
    private final String keyPath;
    private final FeatureRef guidanceRef;
    private final int grid;
    private final int textDim;
    private final CatSegModule module;

    CatSegHead(CatSegHeadConfig config, String keyPath, int guidanceChannels, int grid, int textDim) {
        this.config = config;
        this.keyPath = keyPath;
        this.guidanceRef = new FeatureRef(config.guidanceEncoder(), config.guidanceMap());
        this.grid = grid;
        this.textDim = textDim;
        this.module = new CatSegModule(config, guidanceChannels, textDim);
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
        return new CostVolume(run(cost.volume(), guidance, text, training, null));
    }

    /** Like {@link #fuse}, returning every layer's output (B, C, T, h, w). */
    public List<NDArray> fuseWithLayerOutputs(CostVolume cost, Guidance guidance, TextEmbeddings text,
            boolean training) {
        List<NDArray> outputs = new ArrayList<>();
        run(cost.volume(), guidance, text, training, outputs::add);
        return outputs;
    }

    /**
     * The buffers the authors' module stores beside its parameters, for the grid this head was built
     * for: {@code layers.{i}.swin_block.block_2.attn_mask} (nW, N, N) of every shifted block (4×144×144
     * at grid 24, window 12). They are derived from the geometry, so they are not parameters here.
     */
    public Map<String, NDArray> derivedBuffers(NDManager manager) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        Geometry g = Geometry.of(grid, grid, config.windowSize(), true);
        if (g.shift() > 0) {
            for (int i = 0; i < module.layers.size(); i++) {
                out.put("layers." + i + MASK_SUFFIX, manager.create(ShiftedWindows.maskValues(g),
                        new Shape(g.windows(), g.tokens(), g.tokens())));
            }
        }
        return out;
    }

    /**
     * Checks the derived buffers of an authors' state dict (names relative to this head, e.g. after
     * removing {@code sem_seg_head.predictor.transformer.}) against the ones this head computes, and
     * returns the remaining tensors, to be loaded by parameter name. A stored mask that differs means
     * the checkpoint was trained on another grid or window size. Absent masks are fine.
     *
     * @throws ComponentException {@code OVRSIS-WEIGHTS-SHAPE} for a mask of another geometry,
     *     {@code OVRSIS-WEIGHTS-FORMAT} for an {@code attn_mask} where this head has none
     */
    public Map<String, NDArray> withoutDerivedBuffers(Map<String, NDArray> tensors) {
        Geometry g = Geometry.of(grid, grid, config.windowSize(), true);
        float[] expected = g.shift() > 0 ? ShiftedWindows.maskValues(g) : null;
        Shape shape = g.shift() > 0 ? new Shape(g.windows(), g.tokens(), g.tokens()) : null;
        Map<String, NDArray> rest = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            String name = e.getKey();
            if (!name.endsWith(".attn_mask")) {
                rest.put(name, e.getValue());
                continue;
            }
            if (expected == null || !isLayerMask(name)) {
                throw new ComponentException("OVRSIS-WEIGHTS-FORMAT", keyPath, "checkpoint tensor '" + name
                        + "' is a shifted-window mask, but " + keyPath + " (catseg) with " + layersText()
                        + " has " + (expected == null ? "no shifted block on its " + grid + "x" + grid + " grid (window "
                        + g.window() + ")" : "masks only at layers.{i}" + MASK_SUFFIX) + ".");
            }
            NDArray stored = e.getValue();
            boolean same = stored.getShape().equals(shape);
            if (same) {
                same = Arrays.equals(floats(stored), expected);
            }
            if (!same) {
                throw new ComponentException("OVRSIS-WEIGHTS-SHAPE", keyPath, "checkpoint tensor '" + name + "' "
                        + stored.getShape() + " is not the shifted-window mask of this head: a " + grid + "x" + grid
                        + " grid with window " + g.window() + " and shift " + g.shift() + " gives " + shape
                        + " (0 within a region, -100 across). The checkpoint was trained with another grid or"
                        + " windowSize; set windowSize (and the encoder's input size) to the ones it was trained with.");
            }
        }
        return rest;
    }

    private static float[] floats(NDArray a) {
        if (a.getDataType() == DataType.FLOAT32) {
            return a.toFloatArray();
        }
        try (NDArray f = a.toType(DataType.FLOAT32, true)) {
            return f.toFloatArray();
        }
    }

    private boolean isLayerMask(String name) {
        for (int i = 0; i < module.layers.size(); i++) {
            if (name.equals("layers." + i + MASK_SUFFIX)) {
                return true;
            }
        }
        return false;
    }

    private String layersText() {
        return module.layers.size() + (module.layers.size() == 1 ? " layer" : " layers");
    }

    private NDArray run(NDArray volume, Guidance guidance, TextEmbeddings text, boolean training,
            Consumer<NDArray> perLayer) {
        Shape s = volume.getShape();
        if (s.dimension() != 5 || s.get(1) != config.hidden()) {
            throw new IllegalArgumentException("catseg expects a cost volume (B, " + config.hidden()
                    + ", T, h, w), got " + s + "; model.fusion.hidden must equal the aggregator's hidden");
        }
        long t = s.get(2);
        int h = Math.toIntExact(s.get(3));
        int w = Math.toIntExact(s.get(4));
        for (boolean shifted : new boolean[] {false, true}) {
            Geometry g = Geometry.of(h, w, config.windowSize(), shifted);
            if (!g.tiles()) {
                throw new IllegalArgumentException("catseg: the " + h + "x" + w + " cost grid is not a multiple of"
                        + " the window " + g.window() + "; the authors' Swin blocks do not pad");
            }
        }
        NDArray g = guidance.get(guidanceRef);
        if (g.getShape().get(2) != h || g.getShape().get(3) != w) {
            throw new IllegalArgumentException("guidance " + guidanceRef + " has grid " + g.getShape()
                    + ", the cost volume " + h + "x" + w);
        }
        NDArray guidanceMap = Activation.relu(module.guidanceProjection.forward(g)).transpose(0, 2, 3, 1);
        NDArray textGuidance = Activation.relu(module.textGuidanceProjection.forward(classEmbedding(text, t)));
        int pool = config.pooling(training);
        NDArray x = volume.transpose(0, 2, 3, 4, 1); // (B, T, h, w, C)
        for (AggregatorLayer layer : module.layers) {
            x = layer.forward(x, guidanceMap, textGuidance, pool);
            if (perLayer != null) {
                perLayer.accept(x.transpose(0, 4, 1, 2, 3));
            }
        }
        return x.transpose(0, 4, 1, 2, 3);
    }

    /** L2norm(mean over templates) of the text: (T, D). */
    private NDArray classEmbedding(TextEmbeddings text, long classes) {
        NDArray e = text.embeddings();
        Shape es = e.getShape();
        if (es.dimension() != 3 || es.get(0) != classes || es.get(2) != textDim) {
            throw new IllegalArgumentException("catseg expects text embeddings (" + classes + ", P, " + textDim
                    + "), got " + es);
        }
        return Ops.l2Normalize(e.mean(new int[] {1}), 1, 1e-12f);
    }
}
