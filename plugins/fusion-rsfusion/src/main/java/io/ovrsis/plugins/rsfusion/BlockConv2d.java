package io.ovrsis.plugins.rsfusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;

/**
 * {@code nn.Conv2d} with bias and the SegFormer init of method.md §3.3: weight normal(0, √(2/fan_out)),
 * fan_out = k·k·out/groups, bias 0. A convolution whose stride equals its kernel (the spatial
 * reductions) can also be applied to token grids as a matrix product over non-overlapping patches
 * ({@link #patchWeight}), on a slice of its input channels (a convolution of a concatenation is the
 * sum of the convolutions of its parts).
 */
final class BlockConv2d extends TensorModule {
    private final Param weight;
    private final Param bias;
    private final int in;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int groups;

    BlockConv2d(int in, int out, int kernel, int stride, int padding, int groups) {
        this.in = in;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.groups = groups;
        double fanOut = (double) kernel * kernel * out / groups;
        this.weight = param("weight", new Shape(out, in / groups, kernel, kernel), Init.normal(Math.sqrt(2.0 / fanOut)));
        this.bias = param("bias", new Shape(out), Init.zeros());
    }

    NDArray forward(NDArray x) {
        return ai.djl.nn.convolutional.Conv2d.conv2d(x, weight.array(), bias.array(), new Shape(stride, stride),
                new Shape(padding, padding), new Shape(1, 1), groups).singletonOrThrow();
    }

    NDArray bias() {
        return bias.array();
    }

    /**
     * Input channels [from, to) of a kernel = stride, unpadded, ungrouped weight as a matrix
     * (out, k·k·(to − from)) whose columns run over (kernel row, kernel column, channel): the layout of
     * {@link Patches#of} rows. Per call, in the caller's manager ({@code like}).
     */
    NDArray patchWeight(int from, int to, NDArray like) {
        if (groups != 1 || stride != kernel || padding != 0) {
            throw new IllegalStateException("a patch product needs kernel = stride, no padding, groups = 1");
        }
        NDArray m = weight.array().transpose(0, 2, 3, 1); // (out, k, k, in)
        m.attach(like.getManager()); // a per-call view: keep it, and what is derived from it, out of the model's manager
        if (from != 0 || to != in) {
            m = m.get(new NDIndex(":, :, :, {}:{}", from, to));
        }
        m = m.reshape(m.getShape().get(0), (long) kernel * kernel * (to - from));
        return m;
    }
}
