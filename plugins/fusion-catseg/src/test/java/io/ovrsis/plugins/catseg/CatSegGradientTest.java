package io.ovrsis.plugins.catseg;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.testing.PaperEncoders;
import io.ovrsis.api.testing.TestArrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Autograd reaches every parameter, including the padding tokens (whose share of the class attention
 * is added in closed form) and both halves of the weights split by guidance; gradients are finite.
 */
class CatSegGradientTest {

    private static void everyParameter(ClassAttentionType type) {
        try (NDManager m = NDManager.newBaseManager()) {
            CatSegHead f = CatSegHeadShapeTest.build(CatSegHeadShapeTest.tiny(1, 4, 8, type),
                    PaperEncoders.tiny("model.fusion"), m);
            NDArray cost = TestArrays.randn(m, 1, 2, 32, 3, 8, 8);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = f.fuse(new CostVolume(cost), CatSegHeadShapeTest.guidance(m, 8),
                        CatSegHeadShapeTest.text(m), true).volume();
                gc.backward(out.mul(TestArrays.randn(m, 2, 2, 32, 3, 8, 8)).sum());
            }
            for (Map.Entry<String, Param> e : f.module().namedParameters().entrySet()) {
                NDArray grad = e.getValue().array().getGradient();
                float size = grad.abs().sum().getFloat();
                assertThat(size).as(e.getKey()).isGreaterThan(0f).isFinite();
            }
            NDArray qGrad = f.module().namedParameters().get("layers.0.swin_block.block_2.attn.q.weight").array()
                    .getGradient();
            assertThat(qGrad.get(":, 0:32").abs().sum().getFloat()).isGreaterThan(0f);
            assertThat(qGrad.get(":, 32:").abs().sum().getFloat()).isGreaterThan(0f);
        }
    }

    @Test
    void linearAttention() {
        everyParameter(ClassAttentionType.LINEAR);
    }

    @Test
    void fullAttention() {
        everyParameter(ClassAttentionType.FULL);
    }
}
