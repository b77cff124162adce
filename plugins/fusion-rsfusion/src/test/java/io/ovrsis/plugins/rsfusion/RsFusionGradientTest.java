package io.ovrsis.plugins.rsfusion;

import io.ovrsis.api.testing.TestArrays;

import io.ovrsis.api.testing.PaperEncoders;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.ovrsis.api.model.CostVolume;
import io.ovrsis.api.nn.Param;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Autograd reaches every parameter, including both halves of the weights split by guidance. */
class RsFusionGradientTest {

    @Test
    void everyParameterGetsAGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            RsFusionHead f = (RsFusionHead) new RsFusionHeadFactory().create(RsFusionHeadShapeTest.tiny(1, 2, 2),
                    PaperEncoders.tiny("model.fusion"));
            f.module().initialize(m, 3);
            NDArray cost = TestArrays.randn(m, 1, 2, 32, 3, 8, 8);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = f.fuse(new CostVolume(cost), RsFusionHeadShapeTest.guidance(m),
                        RsFusionHeadShapeTest.text(m), true).volume();
                gc.backward(out.mul(TestArrays.randn(m, 2, 2, 32, 3, 8, 8)).sum());
            }
            for (Map.Entry<String, Param> e : f.module().namedParameters().entrySet()) {
                NDArray grad = e.getValue().array().getGradient();
                assertThat(grad.abs().sum().getFloat()).as(e.getKey()).isGreaterThan(0f);
            }
            NDArray qGrad = f.module().namedParameters().get("layers.0.spatial_fusion.sa.attention.q.weight").array()
                    .getGradient();
            assertThat(qGrad.get(":, 0:32").abs().sum().getFloat()).isGreaterThan(0f);
            assertThat(qGrad.get(":, 32:").abs().sum().getFloat()).isGreaterThan(0f);
        }
    }
}
