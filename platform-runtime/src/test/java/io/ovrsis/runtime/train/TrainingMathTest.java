package io.ovrsis.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.ovrsis.api.nn.Init;
import io.ovrsis.api.nn.Param;
import io.ovrsis.api.nn.TensorModule;
import io.ovrsis.api.testing.ReferenceFixtures;
import io.ovrsis.api.testing.Tensors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loss, AdamW, clipping and schedule against PyTorch (tools/reference/runtime_reference.py). */
class TrainingMathTest {
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    private NDArray ref(String name) {
        return ReferenceFixtures.read(manager, name);
    }

    @Test
    void bceMatchesCatSegLossWithIgnoredPixelsInTheMean() throws IOException {
        NDArray loss = SegmentationLoss.bce(ref("loss_logits"), ref("loss_labels"));
        assertThat((double) loss.getFloat()).isCloseTo(ref("loss_value").getFloat(), within(1e-6));
    }

    @Test
    void cosineScheduleReachesZero() {
        CosineSchedule s = new CosineSchedule(2e-4, 100, 0, 1.0);
        assertThat(s.lr(0)).isEqualTo(2e-4);
        assertThat(s.lr(50)).isCloseTo(1e-4, within(1e-12));
        assertThat(s.lr(100)).isCloseTo(0, within(1e-15));
        CosineSchedule warm = new CosineSchedule(1.0, 100, 10, 0.1);
        assertThat(warm.lr(0)).isCloseTo(0.1, within(1e-12));
    }

    @Test
    void adamWWithClippingMatchesTorch() throws IOException {
        TensorModule module = new TensorModule() {
            {
                param("w1", new Shape(4, 3), Init.zeros());
                paramNoDecay("w2", new Shape(5), Init.zeros());
            }
        };
        module.initialize(manager, 0);
        Map<String, Param> params = module.namedParameters();
        params.get("w1").load(ref("adam_w1_init"));
        params.get("w2").load(ref("adam_w2_init"));
        AdamW adam = new AdamW(manager.newSubManager(), 0.9, 0.999, 1e-8, 1e-4);
        CosineSchedule schedule = new CosineSchedule(2e-3, 3, 0, 1.0);
        for (int step = 0; step < 3; step++) {
            NDArray g1 = ref("adam_g1_" + step);
            NDArray g2 = ref("adam_g2_" + step);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = params.get("w1").array().mul(g1).sum().add(params.get("w2").array().mul(g2).sum());
                gc.backward(l);
            }
            double norm = GradientClipping.clip(params, 0.01);
            assertThat(norm).isCloseTo(ref("adam_norm_" + step).getFloat(), within(1e-5));
            adam.step(params, schedule.lr(step));
        }
        Tensors.assertClose(params.get("w1").array(), ref("adam_w1_final").toFloatArray(), 1e-6);
        Tensors.assertClose(params.get("w2").array(), ref("adam_w2_final").toFloatArray(), 1e-6);
        assertThat(adam.stepCount()).isEqualTo(3);
    }
}
