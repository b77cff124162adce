package io.ovrsis.plugins.clip.nn;

import ai.djl.ndarray.NDArray;
import io.ovrsis.api.nn.TensorModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** CLIP's {@code Transformer}: a stack of blocks under {@code resblocks.{i}}. */
public final class ClipTransformer extends TensorModule {
    private final List<ResidualAttentionBlock> blocks;

    public ClipTransformer(int width, int layers, int heads, ClipInits inits) {
        List<ResidualAttentionBlock> list = new ArrayList<>(layers);
        for (int i = 0; i < layers; i++) {
            list.add(new ResidualAttentionBlock(width, heads, inits));
        }
        this.blocks = Collections.unmodifiableList(list);
        child("resblocks", new BlockList(list));
    }

    public List<ResidualAttentionBlock> blocks() {
        return blocks;
    }

    public int layers() {
        return blocks.size();
    }

    /** Runs every block on x (B, L, D) with an optional additive attention mask. */
    public NDArray forward(NDArray x, NDArray mask) {
        NDArray h = x;
        for (ResidualAttentionBlock block : blocks) {
            h = block.forward(h, mask);
        }
        return h;
    }

    /** {@code nn.Sequential} of blocks: children named 0, 1, 2, ... */
    private static final class BlockList extends TensorModule {
        BlockList(List<ResidualAttentionBlock> blocks) {
            for (int i = 0; i < blocks.size(); i++) {
                child(Integer.toString(i), blocks.get(i));
            }
        }
    }
}
