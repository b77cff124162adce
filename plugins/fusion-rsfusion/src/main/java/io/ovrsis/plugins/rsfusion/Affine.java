package io.ovrsis.plugins.rsfusion;

import ai.djl.ndarray.NDArray;

/**
 * A weight (out, in) and bias (out) derived from parameters for one forward (e.g. several layers'
 * rows stacked to share one matrix product). The arrays live in the activations' manager, not the
 * model's, and autograd flows back through them to the parameters.
 */
record Affine(NDArray weight, NDArray bias) {

    NDArray apply(NDArray x) {
        return Dense.apply(x, weight, bias);
    }
}
