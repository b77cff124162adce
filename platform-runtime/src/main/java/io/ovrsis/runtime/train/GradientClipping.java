package io.ovrsis.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import io.ovrsis.api.nn.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.nn.utils.clip_grad_norm_} over all trainable parameters (detectron2's
 * {@code CLIP_TYPE: full_model}): scale every gradient by min(1, max / (‖g‖₂ + 1e-6)). DJL's own
 * {@code clipGrad} is element-wise clamping, not this.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * @return the total gradient norm before clipping
     * @throws IllegalStateException naming the parameters whose gradient is not finite
     */
    public static double clip(Map<String, Param> params, double maxNorm) {
        GradMode.off();
        double sumSq = 0;
        List<String> nonFinite = new ArrayList<>();
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            for (Map.Entry<String, Param> e : params.entrySet()) {
                if (e.getValue().trainable()) {
                    NDArray g = e.getValue().array().getGradient();
                    double s = g.square().sum().getFloat();
                    if (!Double.isFinite(s)) {
                        nonFinite.add(e.getKey());
                    }
                    sumSq += s;
                }
            }
            if (!nonFinite.isEmpty()) {
                throw new IllegalStateException("the gradient is not finite in " + nonFinite.size() + " parameters ("
                        + String.join(", ", nonFinite.subList(0, Math.min(8, nonFinite.size())))
                        + (nonFinite.size() > 8 ? ", ..." : "") + "); lower train.lr or check the data");
            }
            double norm = Math.sqrt(sumSq);
            if (maxNorm > 0) {
                double coef = maxNorm / (norm + 1e-6);
                if (coef < 1) {
                    for (Param p : params.values()) {
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
