package io.ovrsis.plugins.catseg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;

/**
 * {@code nn.Linear} with PyTorch's default init (the authors' aggregator has no custom init) that can
 * also apply a slice of its input columns: {@code Linear(cat[a, g])} = {@code part(a, 0, |a|) +
 * part(g, |a|, |a|+|g|)}, so that guidance shared by every class is projected once instead of T times.
 */
final class Dense extends TensorModule {
    private final Param weight;
    private final Param bias;
    private final int in;

    Dense(int in, int out) {
        this.in = in;
        this.weight = param("weight", new Shape(out, in), Init.torchDefault(in));
        this.bias = param("bias", new Shape(out), Init.torchDefault(in));
    }

    NDArray forward(NDArray x) {
        return ai.djl.nn.core.Linear.linear(x, weight.array(), bias.array()).singletonOrThrow();
    }

    /** x (..., to - from) times columns [from, to) of the weight; bias added if asked. */
    NDArray forwardPart(NDArray x, int from, int to, boolean withBias) {
        NDArray w = weight.array();
        if (from != 0 || to != in) {
            w = w.get(new NDIndex(":, {}:{}", from, to));
            w.attach(x.getManager()); // a per-call slice: keep it out of the model's manager
        }
        return ai.djl.nn.core.Linear.linear(x, w, withBias ? bias.array() : null).singletonOrThrow();
    }
}
