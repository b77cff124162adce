package io.ovrsis.plugins.rsfusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;

/**
 * {@code nn.Linear} (weight (out, in), bias (out)) that can also apply a slice of its input columns:
 * {@code Linear(cat[a, g])} = {@code part(a, 0, |a|) + part(g, |a|, |a|+|g|)}, so that guidance shared
 * by every class is projected once instead of T times.
 */
final class Dense extends TensorModule {
    private final Param weight;
    private final Param bias;
    private final int in;

    Dense(int in, int out, Init weightInit, Init biasInit) {
        this.in = in;
        this.weight = param("weight", new Shape(out, in), weightInit);
        this.bias = param("bias", new Shape(out), biasInit);
    }

    /** Trunc-normal(0.02) weight and zero bias: the init of every Linear in the RS-Fusion blocks. */
    static Dense block(int in, int out) {
        return new Dense(in, out, Init.truncNormal(0.02), Init.zeros());
    }

    /** PyTorch's default init (the guidance projections outside the blocks). */
    static Dense torchDefault(int in, int out) {
        return new Dense(in, out, Init.torchDefault(in), Init.torchDefault(in));
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
