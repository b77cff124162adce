package io.ovrsis.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import io.ovrsis.api.nn.Param;
import java.util.Collection;

/**
 * {@code torch.nn.utils.clip_grad_norm_} over all trainable parameters (detectron2's
 * {@code CLIP_TYPE: full_model}): scale every gradient by min(1, max / (‖g‖₂ + 1e-6)). DJL's own
 * {@code clipGrad} is element-wise clamping, not this.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** @return the total gradient norm before clipping */
    public static double clip(Collection<Param> params, double maxNorm) {
        GradMode.off();
        double sumSq = 0;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Param p : params) {
                if (p.trainable()) {
                    NDArray g = p.array().getGradient();
                    sumSq += g.square().sum().getFloat();
                }
            }
            double norm = Math.sqrt(sumSq);
            if (maxNorm > 0) {
                double coef = maxNorm / (norm + 1e-6);
                if (coef < 1) {
                    for (Param p : params) {
                        if (p.trainable()) {
                            p.array().getGradient().muli((float) coef);
                        }
                    }
                }
            }
            return norm;
        }
    }
}
