package io.ovrsis.plugins.clip.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Conv2d;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.LayerNorm;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.PositionTable;
import io.ovrsis.api.nn.Resize;
import io.ovrsis.api.nn.TensorModule;
import java.util.Map;
import java.util.TreeMap;

/**
 * CLIP's {@code VisualTransformer} (the module under {@code visual.}), with the authors' dense last
 * block and intermediate taps (method.md §1.3). Parameter names and shapes are those of the
 * authors' split layout: {@code conv1.weight} (no bias), {@code class_embedding},
 * {@code positional_embedding} ((pretrainedGrid² + 1) × width), {@code ln_pre}, {@code transformer},
 * {@code ln_post}, {@code proj} (width × outputDim).
 */
public final class ClipVisionTransformer extends TensorModule {
    private final int width;
    private final int patchSize;
    private final int pretrainedGrid;
    private final Conv2d conv1;
    private final Param classEmbedding;
    private final Param positionalEmbedding;
    private final LayerNorm lnPre;
    private final ClipTransformer transformer;
    private final LayerNorm lnPost;
    private final Param proj;

    /** Resized positional embedding for one grid, kept while the parameter is frozen. */
    private final PositionTable positions;

    public ClipVisionTransformer(int width, int layers, int heads, int patchSize, int pretrainedGrid, int outputDim) {
        this.width = width;
        this.patchSize = patchSize;
        this.pretrainedGrid = pretrainedGrid;
        double scale = Math.pow(width, -0.5);
        this.conv1 = child("conv1", new Conv2d(3, width, patchSize, patchSize, 0, 1, false));
        this.classEmbedding = paramNoDecay("class_embedding", new Shape(width), Init.normal(scale));
        this.positionalEmbedding = paramNoDecay("positional_embedding",
                new Shape((long) pretrainedGrid * pretrainedGrid + 1, width), Init.normal(scale));
        this.positions = new PositionTable(positionalEmbedding, pretrainedGrid,
                (patches, grid) -> Resize.resize(patches, grid, grid, Resize.Mode.BICUBIC, false));
        this.lnPre = child("ln_pre", new LayerNorm(width, ResidualAttentionBlock.LN_EPS));
        this.transformer = child("transformer", new ClipTransformer(width, layers, heads, ClipInits.torchDefaults(width)));
        this.lnPost = child("ln_post", new LayerNorm(width, ResidualAttentionBlock.LN_EPS));
        this.proj = param("proj", new Shape(width, outputDim), Init.normal(scale));
    }

    /**
     * Runs the tower on (B, 3, S, S) and returns the requested token sequences, CLS token first.
     *
     * @param taps 0-based block indices whose raw residual-stream output (no LayerNorm) is wanted
     * @param finalOutput whether to produce {@code ln_post(all tokens) @ proj}; when false, blocks after
     *     the last tap are not run
     * @param dense whether the last block is the authors' value–value block
     */
    public Output forward(NDArray images, int[] taps, boolean finalOutput, boolean dense) {
        return forward(images, taps, finalOutput, dense, true);
    }

    /**
     * As {@link #forward(NDArray, int[], boolean, boolean)}; when autograd does not record
     * ({@code recording} false), every block's intermediate arrays are freed as soon as the block is
     * done instead of living until the caller's scope ends.
     */
    public Output forward(NDArray images, int[] taps, boolean finalOutput, boolean dense, boolean recording) {
        int layers = transformer.layers();
        int last = finalOutput ? layers - 1 : -1;
        for (int t : taps) {
            if (t < 0 || t >= layers) {
                throw new IllegalArgumentException("tap " + t + " is outside blocks 0.." + (layers - 1));
            }
            last = Math.max(last, t);
        }
        NDArray x = embed(images);
        Map<Integer, NDArray> tapped = new TreeMap<>();
        for (int i = 0; i <= last; i++) {
            ResidualAttentionBlock block = transformer.blocks().get(i);
            NDArray previous = x;
            try (NDScope scope = recording ? null : new NDScope()) {
                x = dense && i == layers - 1 ? block.forwardDense(x) : block.forward(x, null);
                if (scope != null) {
                    NDScope.unregister(x);
                }
            }
            if (!recording && !tapped.containsValue(previous)) {
                previous.close(); // neither returned nor needed for a backward pass
            }
            for (int t : taps) {
                if (t == i) {
                    tapped.put(i, x);
                }
            }
        }
        NDArray out = finalOutput ? lnPost.forward(x).matMul(proj.array()) : null;
        return new Output(tapped, out);
    }

    /** Patch embedding, class token, positional embedding and {@code ln_pre}: (B, 1 + g², D). */
    NDArray embed(NDArray images) {
        Shape s = images.getShape();
        long b = s.get(0);
        int grid = (int) (s.get(2) / patchSize);
        NDArray patches = conv1.forward(images).reshape(b, width, (long) grid * grid).transpose(0, 2, 1);
        NDArray cls = images.getManager().zeros(new Shape(b, 1, width), patches.getDataType())
                .add(classEmbedding.array());
        NDArray x = NDArrays.concat(new NDList(cls, patches), 1).add(positionalEmbedding(grid));
        return lnPre.forward(x);
    }

    /**
     * The positional embedding for a g×g grid: the checkpoint's own when g equals the pretrained
     * grid, else its patch part resized bicubic (align_corners=False) with the class position kept,
     * as {@code VisualTransformer.resized_pos_embed}. Cached while the parameter is frozen.
     */
    public NDArray positionalEmbedding(int grid) {
        return positions.forGrid(grid);
    }

    /** Drops the resized positional embedding (call after loading new weights or changing trainability). */
    public void invalidateCache() {
        positions.invalidate();
    }

    public ClipTransformer transformer() {
        return transformer;
    }

    public int patchSize() {
        return patchSize;
    }

    /**
     * Token sequences of one pass.
     *
     * @param taps block index → raw residual stream (B, 1 + g², width)
     * @param output {@code ln_post(x) @ proj} over all tokens (B, 1 + g², outputDim), or null
     */
    public record Output(Map<Integer, NDArray> taps, NDArray output) {
    }
}
