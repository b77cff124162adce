package io.ovrsis.plugins.dino.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Conv2d;
import io.ovrsis.api.nn.TensorModule;

/** DINO's {@code patch_embed}: {@code proj}, a patch × patch convolution with bias and stride patch. */
public final class PatchEmbed extends TensorModule {
    private final Conv2d proj;
    private final int width;

    public PatchEmbed(int width, int patchSize) {
        this.width = width;
        this.proj = child("proj", new Conv2d(3, width, patchSize, patchSize, 0, 1, true));
    }

    /** (B, 3, S, S) → (B, g², D), patches in row-major order (flatten(2).transpose(1, 2)). */
    public NDArray forward(NDArray images) {
        NDArray x = proj.forward(images);
        Shape s = x.getShape();
        return x.reshape(s.get(0), width, s.get(2) * s.get(3)).transpose(0, 2, 1);
    }
}
