package io.ovrsis.plugins.rsfusion;

import ai.djl.ndarray.NDArray;
import io.ovrsis.api.nn.Ops;

/** The gate of both blocks' MLP: ReLU6(fc1 m) · fc2 m. */
final class GatedMlp {
    private GatedMlp() {
    }

    /** m (..., C) normed tokens → (..., wide). */
    static NDArray gate(NDArray m, Dense fc1, Dense fc2) {
        return Ops.relu6(fc1.forward(m)).mul(fc2.forward(m));
    }
}
