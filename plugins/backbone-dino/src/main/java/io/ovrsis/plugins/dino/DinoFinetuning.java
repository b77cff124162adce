package io.ovrsis.plugins.dino;

import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;

/** Applies a {@link Finetune} rule and the learning-rate multiplier to a DINO tower. */
final class DinoFinetuning {
    private DinoFinetuning() {
    }

    /**
     * Freezes everything the rule does not train (their arrays stop requiring gradients, so a frozen
     * tower records no autograd graph) and gives every parameter {@code lrMultiplier} (used only by
     * the trainable ones).
     */
    static void apply(TensorModule tower, Finetune finetune, double lrMultiplier) {
        tower.setTrainableWhere(finetune::trains);
        for (Param p : tower.namedParameters().values()) {
            p.setLrMultiplier((float) lrMultiplier);
        }
    }
}
