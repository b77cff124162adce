package io.ovrsis.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * {@code nn.ConvTranspose2d} with kernel = stride (every one in RSKT-Seg). DJL's deconvolution is not
 * implemented on PyTorch, so this is a matmul plus depth-to-space, equal to
 * {@code F.conv_transpose2d} up to rounding. Weight layout as PyTorch: (in, out, k, k).
 */
public final class ConvTranspose2d extends TensorModule {
    private final Param weight;
    private final Param bias;
    private final int in;
    private final int out;
    private final int k;

    public ConvTranspose2d(int in, int out, int kernelAndStride, boolean bias) {
        this.in = in;
        this.out = out;
        this.k = kernelAndStride;
        // PyTorch computes fan_in of a transposed conv from weight.size(1) * k * k
        long fanIn = (long) out * k * k;
        this.weight = param("weight", new Shape(in, out, k, k), Init.torchDefault(fanIn));
        this.bias = bias ? param("bias", new Shape(out), Init.torchDefault(fanIn)) : null;
    }

    /** x (N, in, H, W) → (N, out, H·k, W·k). */
    public NDArray forward(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0);
        long h = s.get(2);
        long w = s.get(3);
        NDArray flat = x.transpose(0, 2, 3, 1).reshape(n * h * w, in);
        NDArray y = flat.matMul(weight.array().reshape(in, (long) out * k * k));
        y = y.reshape(n, h, w, out, k, k).transpose(0, 3, 1, 4, 2, 5).reshape(n, out, h * k, w * k);
        if (bias != null) {
            y = y.add(bias.array().reshape(1, out, 1, 1));
        }
        return y;
    }
}
