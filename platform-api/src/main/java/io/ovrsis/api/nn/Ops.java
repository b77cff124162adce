package io.ovrsis.api.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** Element-wise and shape functions shared by model plugins, each matching its PyTorch namesake. */
public final class Ops {
    private Ops() {
    }

    /** CLIP's {@code QuickGELU}: x·σ(1.702x). */
    public static NDArray quickGelu(NDArray x) {
        return x.mul(Activation.sigmoid(scale(x, 1.702f)));
    }

    /**
     * x·s, safe under autograd. Use this instead of {@code x.mul(float)} / {@code x.div(float)} in
     * anything that may be trained: DJL 0.36 builds that scalar from Java memory and closes it right
     * away, but PyTorch keeps it for backward; once the garbage collector frees the memory the
     * gradients read whatever is there (we saw values of 1e31). Here the scalar is a tensor PyTorch
     * owns, freed with the caller's scope.
     */
    public static NDArray scale(NDArray x, float s) {
        return x.mul(x.getManager().full(new ai.djl.ndarray.types.Shape(), s, x.getDataType(), x.getDevice()));
    }

    /** Exact (erf) GELU, {@code nn.GELU()}. */
    public static NDArray gelu(NDArray x) {
        return Activation.gelu(x);
    }

    /**
     * {@code F.normalize(x, dim=axis, eps)}: x / max(‖x‖₂, eps), through PyTorch's own op so that the
     * gradient of an all-zero vector is 0 (a hand-written sqrt would give NaN there).
     */
    public static NDArray l2Normalize(NDArray x, int axis, float eps) {
        int d = axis < 0 ? axis + x.getShape().dimension() : axis;
        return x.normalize(2, d, eps);
    }

    /** {@code torch.rot90(x, k, dims=(-2, -1))} for (..., H, W); k may be negative. */
    public static NDArray rot90(NDArray x, int k) {
        int q = Math.floorMod(k, 4);
        if (q == 0) {
            return x;
        }
        int d = x.getShape().dimension();
        return x.rotate90(q, new int[] {d - 2, d - 1});
    }

    /** ReLU6: min(max(x, 0), 6). */
    public static NDArray relu6(NDArray x) {
        return x.clip(0f, 6f);
    }
}
