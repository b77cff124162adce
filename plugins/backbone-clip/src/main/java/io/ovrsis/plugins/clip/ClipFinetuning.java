package io.ovrsis.plugins.clip;

import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;

/** Applies a {@link Finetune} rule and the CLIP learning-rate multiplier to a tower (method.md §5, §6.1). */
final class ClipFinetuning {
    private ClipFinetuning() {
    }

    /**
     * Freezes everything the rule does not train (their arrays stop requiring gradients, so a frozen
     * tower records no autograd graph). Every parameter of the tower gets {@code lrMultiplier}, as the
     * authors' optimizer gives it to every module named {@code clip_model*}; only trainable ones use it.
     */
    static void apply(TensorModule tower, Finetune finetune, double lrMultiplier) {
        tower.setTrainableWhere(finetune::trains);
        for (Param p : tower.namedParameters().values()) {
            p.setLrMultiplier((float) lrMultiplier);
        }
    }
}
