package io.ovrsis.api.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class TensorModuleTest {

    static final class Block extends TensorModule {
        Block() {
            child("ln_1", new LayerNorm(4, 1e-5f));
            child("fc", new Linear(4, 3, true));
        }
    }

    static final class Net extends TensorModule {
        Net() {
            paramNoDecay("class_embedding", new Shape(4), Init.normal(0.02));
            child("0", new Block());
            child("1", new Block());
        }
    }

    @Test
    void namesAreDottedLikeStateDict() {
        Net net = new Net();
        assertThat(net.namedParameters().keySet()).containsExactly(
                "class_embedding", "0.ln_1.weight", "0.ln_1.bias", "0.fc.weight", "0.fc.bias",
                "1.ln_1.weight", "1.ln_1.bias", "1.fc.weight", "1.fc.bias");
        assertThat(net.parameterCount()).isEqualTo(4 + 2 * (8 + 15));
    }

    @Test
    void countsNeedNoAllocation() {
        Net net = new Net();
        assertThat(net.namedParameters().values()).noneMatch(Param::isInitialized);
        net.setTrainableWhere(n -> n.endsWith("fc.weight"));
        assertThat(net.trainableParameterCount()).isEqualTo(24);
    }

    @Test
    void initialisationIsSeededByName() {
        try (NDManager m = NDManager.newBaseManager()) {
            Net a = new Net();
            Net b = new Net();
            a.initialize(m, 7);
            b.initialize(m, 7);
            assertThat(a.namedParameters().get("1.fc.weight").array().toFloatArray())
                    .containsExactly(b.namedParameters().get("1.fc.weight").array().toFloatArray());
            assertThat(a.namedParameters().get("0.fc.weight").array().toFloatArray())
                    .isNotEqualTo(a.namedParameters().get("1.fc.weight").array().toFloatArray());
            assertThat(a.namedParameters().get("0.ln_1.weight").array().toFloatArray()).containsOnly(1f);
            assertThat(a.namedParameters().get("0.ln_1.weight").weightDecay()).isFalse();
        }
    }

    @Test
    void duplicateNamesAreRejected() {
        assertThatThrownBy(() -> new TensorModule() {
            {
                child("x", new Linear(2, 2, false));
                child("x", new Linear(2, 2, false));
            }
        }).hasMessageContaining("duplicate name x");
    }

    @Test
    void loadChecksShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear l = new Linear(2, 3, false);
            l.initialize(m, 1);
            assertThatThrownBy(() -> l.weight().load(m.zeros(new Shape(2, 3))))
                    .hasMessageContaining("shape (2, 3), expected (3, 2)");
            l.weight().load(m.ones(new Shape(3, 2)).toType(ai.djl.ndarray.types.DataType.FLOAT16, false));
            assertThat(l.weight().array().toFloatArray()).containsOnly(1f);
        }
    }
}
