package io.ovrsis.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** {@code nn.Conv2d} with square kernel: weight (out, in/groups, k, k), optional bias. */
public final class Conv2d extends TensorModule {
    private final Param weight;
    private final Param bias;
    private final int stride;
    private final int padding;
    private final int groups;

    public Conv2d(int in, int out, int kernel, int stride, int padding, int groups, boolean bias) {
        this(in, out, kernel, stride, padding, groups, bias, Init.torchDefault((long) in / groups * kernel * kernel));
    }

    public Conv2d(int in, int out, int kernel, int stride, int padding, int groups, boolean bias, Init weightInit) {
        this.stride = stride;
        this.padding = padding;
        this.groups = groups;
        long fanIn = (long) in / groups * kernel * kernel;
        this.weight = param("weight", new Shape(out, in / groups, kernel, kernel), weightInit);
        this.bias = bias ? param("bias", new Shape(out), Init.torchDefault(fanIn)) : null;
    }

    public NDArray forward(NDArray x) {
        return ai.djl.nn.convolutional.Conv2d.conv2d(x, weight.array(), bias == null ? null : bias.array(),
                new Shape(stride, stride), new Shape(padding, padding), new Shape(1, 1), groups).singletonOrThrow();
    }
}
