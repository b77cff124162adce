package io.ovrsis.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** {@code nn.Linear}: {@code weight} (out, in), optional {@code bias} (out); PyTorch default init. */
public final class Linear extends TensorModule {
    private final Param weight;
    private final Param bias;

    public Linear(int in, int out, boolean bias) {
        this(in, out, bias, Init.torchDefault(in), Init.torchDefault(in));
    }

    public Linear(int in, int out, boolean bias, Init weightInit, Init biasInit) {
        this.weight = param("weight", new Shape(out, in), weightInit);
        this.bias = bias ? param("bias", new Shape(out), biasInit) : null;
    }

    public Param weight() {
        return weight;
    }

    /** x (..., in) → (..., out). */
    public NDArray forward(NDArray x) {
        return ai.djl.nn.core.Linear.linear(x, weight.array(), bias == null ? null : bias.array()).singletonOrThrow();
    }
}
