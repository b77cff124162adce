package io.ovrsis.plugins.rstransfer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;

/**
 * A bias-free 3×3 {@code nn.Conv2d} (padding 1, PyTorch default init) that can convolve a slice of
 * its input channels. A convolution of a concatenation is the sum of the convolutions of its parts,
 * so guidance channels shared by every class are convolved once per image instead of T times.
 */
final class InputSplitConv2d extends TensorModule {
    private final Param weight;
    private final int in;

    InputSplitConv2d(int in, int out) {
        this.in = in;
        this.weight = param("weight", new Shape(out, in, 3, 3), Init.torchDefault((long) in * 9));
    }

    NDArray forward(NDArray x) {
        return forwardPart(x, 0, in);
    }

    /** x (N, to - from, H, W) with input channels [from, to) of the weight. */
    NDArray forwardPart(NDArray x, int from, int to) {
        NDArray w = weight.array();
        if (from != 0 || to != in) {
            w = w.get(new NDIndex(":, {}:{}", from, to));
            w.attach(x.getManager()); // a per-call slice: keep it out of the model's manager
        }
        return ai.djl.nn.convolutional.Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                .singletonOrThrow();
    }
}
