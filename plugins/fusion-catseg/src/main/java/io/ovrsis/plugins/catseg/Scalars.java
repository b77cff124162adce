package io.ovrsis.plugins.catseg;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * x + c with c as a 0-d tensor of x's manager, safe under autograd for the same reason as
 * {@link io.ovrsis.api.nn.Ops#scale}: DJL's {@code add(Number)} builds its scalar from Java memory
 * and frees it at once.
 */
final class Scalars {
    private Scalars() {
    }

    static NDArray plus(NDArray x, float c) {
        return x.add(x.getManager().full(new Shape(), c, x.getDataType(), x.getDevice()));
    }
}
