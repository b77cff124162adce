package io.ovrsis.plugins.rsfusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;

/**
 * {@code nn.Conv2d} with bias and the SegFormer init of method.md §3.3: weight normal(0, √(2/fan_out)),
 * fan_out = k·k·out/groups, bias 0. Like {@link Dense} it can convolve a slice of its input channels
 * (a convolution of a concatenation is the sum of the convolutions of its parts).
 */
final class BlockConv2d extends TensorModule {
    private final Param weight;
    private final Param bias;
    private final int in;
    private final int stride;
    private final int padding;
    private final int groups;

    BlockConv2d(int in, int out, int kernel, int stride, int padding, int groups) {
        this.in = in;
        this.stride = stride;
        this.padding = padding;
        this.groups = groups;
        double fanOut = (double) kernel * kernel * out / groups;
        this.weight = param("weight", new Shape(out, in / groups, kernel, kernel), Init.normal(Math.sqrt(2.0 / fanOut)));
        this.bias = param("bias", new Shape(out), Init.zeros());
    }

    NDArray forward(NDArray x) {
        return conv(x, weight.array(), bias.array());
    }

    /** x (N, to - from, H, W) convolved with input channels [from, to) of the weight (groups = 1 only). */
    NDArray forwardPart(NDArray x, int from, int to, boolean withBias) {
        if (groups != 1) {
            throw new IllegalStateException("partial convolution needs groups = 1");
        }
        NDArray w = weight.array();
        if (from != 0 || to != in) {
            w = w.get(new NDIndex(":, {}:{}", from, to));
            w.attach(x.getManager()); // a per-call slice: keep it out of the model's manager
        }
        return conv(x, w, withBias ? bias.array() : null);
    }

    private NDArray conv(NDArray x, NDArray w, NDArray b) {
        return ai.djl.nn.convolutional.Conv2d.conv2d(x, w, b, new Shape(stride, stride), new Shape(padding, padding),
                new Shape(1, 1), groups).singletonOrThrow();
    }
}
