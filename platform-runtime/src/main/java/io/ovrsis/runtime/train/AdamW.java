package io.ovrsis.runtime.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.ovrsis.api.nn.Param;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW with PyTorch's update rule ({@code torch.optim.AdamW}): decoupled weight decay
 * {@code p ← p·(1 − lr·wd)}, bias-corrected moments, {@code eps} added to √v̂. Each parameter has
 * its own learning-rate multiplier and weight-decay group ({@link Param}), as detectron2's
 * one-group-per-tensor optimizer. Moments are kept by parameter name so they can be checkpointed.
 */
public final class AdamW {
    private final NDManager stateManager;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private long step;

    public AdamW(NDManager stateManager, double beta1, double beta2, double eps, double weightDecay) {
        this.stateManager = stateManager;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    public long stepCount() {
        return step;
    }

    /**
     * Applies one update to every trainable parameter with a gradient, then zeroes the gradients.
     *
     * @param params trainable parameters by name
     * @param lr the scheduled base learning rate (multiplied per parameter)
     */
    public void step(Map<String, Param> params, double lr) {
        GradMode.off();
        step++;
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        for (Map.Entry<String, Param> e : params.entrySet()) {
            Param p = e.getValue();
            if (!p.trainable()) {
                continue;
            }
            double plr = lr * p.lrMultiplier();
            NDArray w = p.array();
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray g = w.getGradient();
                NDArray mt = m.computeIfAbsent(e.getKey(), k -> stateManager.zeros(w.getShape()));
                NDArray vt = v.computeIfAbsent(e.getKey(), k -> stateManager.zeros(w.getShape()));
                NDScope.unregister(mt, vt);
                if (p.weightDecay() && weightDecay > 0) {
                    w.muli(1 - plr * weightDecay);
                }
                mt.muli(beta1).addi(g.mul(1 - beta1));
                vt.muli(beta2).addi(g.square().mul(1 - beta2));
                NDArray denom = vt.sqrt().div(bc2Sqrt).add(eps);
                w.subi(mt.div(denom).mul(plr / bc1));
                JniUtils.zeroGrad((PtNDArray) w);
            }
        }
    }

    /** Moments by {@code m.<name>} / {@code v.<name>}, for checkpoints. */
    public NDList state() {
        NDList list = new NDList();
        m.forEach((k, a) -> {
            a.setName("m." + k);
            list.add(a);
        });
        v.forEach((k, a) -> {
            a.setName("v." + k);
            list.add(a);
        });
        return list;
    }

    /** Restores moments written by {@link #state()} and the step count. */
    public void restore(NDList state, long stepCount) {
        for (NDArray a : state) {
            String name = a.getName();
            NDArray copy = stateManager.create(a.getShape(), a.getDataType());
            a.copyTo(copy);
            if (name.startsWith("m.")) {
                m.put(name.substring(2), copy);
            } else if (name.startsWith("v.")) {
                v.put(name.substring(2), copy);
            }
        }
        this.step = stepCount;
    }

    /** Parameters with moments, for tests. */
    List<String> tracked() {
        return List.copyOf(m.keySet());
    }
}
