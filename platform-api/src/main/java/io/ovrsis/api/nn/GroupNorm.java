package io.ovrsis.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** {@code nn.GroupNorm} (DJL has none): reshape, mean, biased variance, affine per channel. */
public final class GroupNorm extends TensorModule {
    private final Param weight;
    private final Param bias;
    private final int groups;
    private final int channels;
    private final float eps;

    public GroupNorm(int groups, int channels, float eps) {
        if (channels % groups != 0) {
            throw new IllegalArgumentException(channels + " channels do not split into " + groups + " groups");
        }
        this.groups = groups;
        this.channels = channels;
        this.eps = eps;
        this.weight = paramNoDecay("weight", new Shape(channels), Init.ones());
        this.bias = paramNoDecay("bias", new Shape(channels), Init.zeros());
    }

    /** x (N, C, H, W). */
    public NDArray forward(NDArray x) {
        Shape s = x.getShape();
        NDArray g = x.reshape(s.get(0), groups, -1);
        NDArray mean = g.mean(new int[] {2}, true);
        NDArray centered = g.sub(mean);
        NDArray var = centered.square().mean(new int[] {2}, true);
        NDArray normed = centered.div(var.add(eps).sqrt()).reshape(s);
        Shape affine = new Shape(1, channels, 1, 1);
        return normed.mul(weight.array().reshape(affine)).add(bias.array().reshape(affine));
    }
}
