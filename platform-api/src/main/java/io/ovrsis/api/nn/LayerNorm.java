package io.ovrsis.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** {@code nn.LayerNorm} over the last axis with an explicit eps (CLIP 1e-5, DINO 1e-6). */
public final class LayerNorm extends TensorModule {
    private final Param weight;
    private final Param bias;
    private final int dim;
    private final float eps;

    public LayerNorm(int dim, float eps) {
        this.dim = dim;
        this.eps = eps;
        this.weight = paramNoDecay("weight", new Shape(dim), Init.ones());
        this.bias = paramNoDecay("bias", new Shape(dim), Init.zeros());
    }

    public NDArray forward(NDArray x) {
        return ai.djl.nn.norm.LayerNorm.layerNorm(x, new Shape(dim), weight.array(), bias.array(), eps).singletonOrThrow();
    }
}
