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
        return apply(x, weight.array(), bias.array());
    }

    /** x (..., to - from) times columns [from, to) of the weight; bias added if asked. */
    NDArray forwardPart(NDArray x, int from, int to, boolean withBias) {
        return apply(x, part(from, to, x), withBias ? bias.array() : null);
    }

    NDArray bias() {
        return bias.array();
    }

    /** Columns [from, to) of the weight as a per-call view in {@code like}'s manager. */
    NDArray part(int from, int to, NDArray like) {
        NDArray w = weight.array();
        NDArray view = from != 0 || to != in ? w.get(new NDIndex(":, {}:{}", from, to)) : w.reshape(w.getShape());
        view.attach(like.getManager()); // a per-call view: keep it, and what derives from it, out of the model's manager
        return view;
    }

    /**
     * x·wᵀ + b on the last axis. Inputs of more than two axes are flattened to rows first: PyTorch
     * then adds the bias inside the matrix product (addmm) instead of in a second pass over the output.
     */
    static NDArray apply(NDArray x, NDArray w, NDArray b) {
        Shape s = x.getShape();
        if (s.dimension() <= 2) {
            return ai.djl.nn.core.Linear.linear(x, w, b).singletonOrThrow();
        }
        long[] out = s.getShape().clone(); // getShape() is the Shape's own array
        out[out.length - 1] = w.getShape().get(0);
        NDArray rows = x.reshape(-1, s.get(s.dimension() - 1));
        return ai.djl.nn.core.Linear.linear(rows, w, b).singletonOrThrow().reshape(out);
    }
}
