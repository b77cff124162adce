package io.ovrsis.plugins.dino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.LayerNorm;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.PositionTable;
import io.ovrsis.api.nn.Resize;
import io.ovrsis.api.nn.TensorModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DINO v1's {@code VisionTransformer} without its (identity) head, as RSKT-Seg / GSNet build it with
 * {@code vit_base(patch_size=8, num_classes=0)}: {@code patch_embed.proj} (conv with bias),
 * {@code cls_token} (1, 1, D), {@code pos_embed} (1, pretrainedGrid² + 1, D), pre-norm
 * {@code blocks}, final {@code norm}. Every tapped block output goes through the final norm, as
 * {@code get_intermediate_layers} does (method.md §1.4, §11.3).
 *
 * <p>The position table is the checkpoint's own at its grid; at another grid its patch part is
 * resized bicubic (align_corners=False) with a fixed {@code scale_factor} (PyTorch's source
 * coordinates (i + 0.5) / factor − 0.5) and the class position is kept. The resized table is
 * cached while {@code pos_embed} is frozen.
 */
public final class DinoVisionTransformer extends TensorModule {
    /** DINO's LayerNorm epsilon ({@code partial(nn.LayerNorm, eps=1e-6)}). */
    public static final float LN_EPS = 1e-6f;
    /** DINO's {@code trunc_normal_(std=.02)} for Linear weights, {@code cls_token} and {@code pos_embed}. */
    static final double INIT_STD = 0.02;

    private final int width;
    private final int pretrainedGrid;
    private final double positionScale;
    private final PatchEmbed patchEmbed;
    private final Param clsToken;
    private final Param posEmbed;
    private final List<DinoBlock> blocks;
    private final LayerNorm norm;

    /** Resized position table for one grid, kept while the parameter is frozen. */
    private final PositionTable positions;

    /**
     * @param positionScale the {@code scale_factor} used when the input grid differs from
     *     pretrainedGrid (it must give that grid: floor(pretrainedGrid · factor))
     */
    public DinoVisionTransformer(int width, int layers, int heads, int patchSize, int pretrainedGrid,
            double positionScale) {
        this.width = width;
        this.pretrainedGrid = pretrainedGrid;
        this.positionScale = positionScale;
        // declaration order = DINO's state_dict order
        // (the authors' optimizer gives cls_token and pos_embed weight decay: they sit on no norm/embedding module)
        this.clsToken = param("cls_token", new Shape(1, 1, width), Init.truncNormal(INIT_STD));
        this.posEmbed = param("pos_embed", new Shape(1, (long) pretrainedGrid * pretrainedGrid + 1, width),
                Init.truncNormal(INIT_STD));
        this.positions = new PositionTable(posEmbed, pretrainedGrid, this::scaledPositions);
        this.patchEmbed = child("patch_embed", new PatchEmbed(width, patchSize));
        BlockList list = child("blocks", new BlockList(layers, width, heads));
        this.blocks = list.blocks;
        this.norm = child("norm", new LayerNorm(width, LN_EPS));
    }

    /** {@code blocks.{i}}: a ModuleList. */
    private static final class BlockList extends TensorModule {
        private final List<DinoBlock> blocks = new ArrayList<>();

        BlockList(int layers, int width, int heads) {
            for (int i = 0; i < layers; i++) {
                blocks.add(child(Integer.toString(i), new DinoBlock(width, heads)));
            }
        }
    }

    /**
     * Runs the tower on (B, 3, S, S) and returns token sequences through the final norm, CLS first.
     *
     * @param taps 0-based blocks whose normed output is wanted
     * @param finalOutput whether to produce the normed output of the last block; when false, blocks
     *     after the last tap are not run
     * @param recording whether autograd may record this pass; when false, every block's intermediate
     *     arrays (the (B, heads, N, N) attention maps: 255 MB per block at 384 px) are freed as soon as
     *     the block is done instead of living until the caller's scope ends
     */
    public Output forward(NDArray images, int[] taps, boolean finalOutput, boolean recording) {
        int layers = blocks.size();
        int last = finalOutput ? layers - 1 : -1;
        for (int t : taps) {
            if (t < 0 || t >= layers) {
                throw new IllegalArgumentException("tap " + t + " is outside blocks 0.." + (layers - 1));
            }
            last = Math.max(last, t);
        }
        NDArray x = embed(images);
        Map<Integer, NDArray> tapped = new TreeMap<>();
        NDArray out = null;
        for (int i = 0; i <= last; i++) {
            boolean tap = contains(taps, i);
            boolean fin = finalOutput && i == layers - 1;
            NDArray previous = x;
            NDArray normed = null;
            try (NDScope scope = recording ? null : new NDScope()) {
                x = blocks.get(i).forward(x, recording);
                if (tap || fin) {
                    normed = norm.forward(x);
                }
                if (scope != null) {
                    NDScope.unregister(x);
                    if (normed != null) {
                        NDScope.unregister(normed);
                    }
                }
            }
            if (!recording) {
                previous.close(); // the block input is neither returned nor needed for a backward pass
            }
            if (tap) {
                tapped.put(i, normed);
            }
            if (fin) {
                out = normed;
            }
        }
        if (!recording) {
            x.close(); // only the normed copies are returned
        }
        return new Output(Collections.unmodifiableMap(tapped), out);
    }

    /** {@link #forward(NDArray, int[], boolean, boolean)} with autograd possibly recording. */
    public Output forward(NDArray images, int[] taps, boolean finalOutput) {
        return forward(images, taps, finalOutput, true);
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** Patch embedding, class token and position table: (B, 1 + g², D) (DINO's prepare_tokens). */
    NDArray embed(NDArray images) {
        NDArray patches = patchEmbed.forward(images);
        long b = patches.getShape().get(0);
        int grid = (int) Math.round(Math.sqrt(patches.getShape().get(1)));
        NDArray cls = images.getManager().zeros(new Shape(b, 1, width), patches.getDataType()).add(clsToken.array());
        return NDArrays.concat(new NDList(cls, patches), 1).add(positionEmbedding(grid));
    }

    /**
     * The position table (1, 1 + g², D) for a g×g grid: the checkpoint's own when g equals the
     * pretrained grid, else its patch part resized bicubic with the fixed scale factor, the class
     * position kept. Cached while the parameter is frozen.
     */
    public NDArray positionEmbedding(int grid) {
        return positions.forGrid(grid);
    }

    /** The authors' resize: bicubic with the fixed {@code scale_factor}, which must give {@code grid}. */
    private NDArray scaledPositions(NDArray patches, int grid) {
        NDArray resized = Resize.resizeByScale(patches, positionScale, Resize.Mode.BICUBIC);
        long side = resized.getShape().get(1);
        if (side != grid || resized.getShape().get(2) != grid) {
            throw new IllegalStateException("scale factor " + positionScale + " resizes the " + pretrainedGrid + "×"
                    + pretrainedGrid + " position grid to " + side + "×" + resized.getShape().get(2) + ", not to the input's "
                    + grid + "×" + grid);
        }
        return resized;
    }

    /** Drops the resized position table (call after loading new weights or changing trainability). */
    public void invalidateCache() {
        positions.invalidate();
    }

    public int layers() {
        return blocks.size();
    }

    public int width() {
        return width;
    }

    /**
     * Token sequences of one pass, all through the final norm.
     *
     * @param taps block index → (B, 1 + g², D)
     * @param output the last block (B, 1 + g², D), or null
     */
    public record Output(Map<Integer, NDArray> taps, NDArray output) {
    }
}
