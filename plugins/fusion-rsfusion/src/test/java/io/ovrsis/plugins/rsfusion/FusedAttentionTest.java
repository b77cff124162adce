package io.ovrsis.plugins.rsfusion;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import io.ovrsis.api.testing.Tensors;
import io.ovrsis.api.testing.TestArrays;
import org.junit.jupiter.api.Test;

/**
 * The fused scaled_dot_product_attention is loaded (no fallback) and computes the explicit
 * softmax(q kᵀ) v, forward and backward, with and without grad mode.
 */
class FusedAttentionTest {

    @Test
    void fusedEqualsExplicitAttentionAndItsGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[][] grads = new float[2][];
            NDArray[] outs = new NDArray[2];
            for (int i = 0; i < 2; i++) {
                NDArray q = TestArrays.randn(m, 1, 3, 10, 8);
                NDArray k = TestArrays.randn(m, 2, 3, 6, 8);
                NDArray v = TestArrays.randn(m, 3, 3, 6, 8);
                q.setRequiresGradient(true);
                k.setRequiresGradient(true);
                v.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    outs[i] = Attention.multiHead(q, k, v, 2, i == 0);
                    gc.backward(outs[i].mul(TestArrays.randn(m, 4, 3, 10, 8)).sum());
                }
                grads[i] = q.getGradient().concat(k.getGradient(), 1).concat(v.getGradient(), 1).toFloatArray();
            }
            assertThat(Tensors.maxAbsDiff(outs[0], outs[1].toFloatArray())).isLessThanOrEqualTo(1e-6);
            assertThat(Tensors.maxAbsDiff(m.create(grads[0]), grads[1])).isLessThanOrEqualTo(1e-5);
            assertThat(grads[0]).isNotEqualTo(new float[grads[0].length]);

            boolean before = JniUtils.isGradMode();
            JniUtils.setGradMode(false);
            try {
                NDArray q = TestArrays.randn(m, 1, 3, 10, 8);
                NDArray fused = FusedAttention.attend(q.reshape(3, 10, 2, 4).transpose(0, 2, 1, 3),
                        TestArrays.randn(m, 2, 3, 2, 6, 4), TestArrays.randn(m, 3, 3, 2, 6, 4));
                assertThat(fused).as("the TorchScript op library loads").isNotNull();
                assertThat(fused.getShape().getShape()).containsExactly(3, 2, 10, 4);
            } finally {
                JniUtils.setGradMode(before);
            }
        }
    }
}
