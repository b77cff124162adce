package io.ovrsis.plugins.catseg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.LayerNorm;
import io.ovrsis.api.nn.TensorModule;
import io.ovrsis.plugins.catseg.ShiftedWindows.Geometry;

/**
 * The spatial half of a CAT-Seg layer ({@code swin_block}): {@code block_1} with plain windows, then
 * {@code block_2} with windows shifted by windowSize / 2, both guided by the projected appearance
 * guidance after {@code guidance_norm}.
 */
final class SwinBlockPair extends TensorModule {
    final SwinBlock first;
    final SwinBlock second;
    private final LayerNorm guidanceNorm;

    SwinBlockPair(int hidden, int guidance, int heads, int windowSize) {
        first = child("block_1", new SwinBlock(hidden, guidance, heads, windowSize, false));
        second = child("block_2", new SwinBlock(hidden, guidance, heads, windowSize, true));
        guidanceNorm = child("guidance_norm", new LayerNorm(guidance, 1e-5f));
    }

    /**
     * @param x tokens (B, T, h, w, C)
     * @param guidance projected appearance guidance (B, h, w, G)
     */
    NDArray forward(NDArray x, NDArray guidance) {
        Shape s = x.getShape();
        int h = Math.toIntExact(s.get(2));
        int w = Math.toIntExact(s.get(3));
        NDArray normed = guidanceNorm.forward(guidance);
        Geometry g1 = first.geometry(h, w);
        Geometry g2 = second.geometry(h, w);
        NDArray y = first.forward(x, first.prepare(normed, g1), g1, null);
        NDArray mask = g2.shift() > 0 ? ShiftedWindows.mask(x.getManager(), g2) : null;
        return second.forward(y, second.prepare(normed, g2), g2, mask);
    }
}
