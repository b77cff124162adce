package io.ovrsis.plugins.dino;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.PrepareContext;
import io.ovrsis.api.testing.TestPrepareContext;
import io.ovrsis.api.weights.StateDictReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Build and prepare contexts and tiny configs for tests. */
final class TestContexts {
    static final String KEY = "model.auxEncoders.dino";

    private TestContexts() {
    }

    static BuildContext build() {
        return new BuildContext(KEY, Path.of("."), Map.of(), Optional.empty(), 7L);
    }

    /** A prepare context over a project folder, with {@code pretrain/} inside it. */
    static PrepareContext prepare(Path projectDir, NDManager manager, StateDictReader reader) {
        return new TestPrepareContext(KEY, projectDir, manager, reader);
    }

    /**
     * The architecture of the reference fixtures (tools/reference/dino_reference.py): width 32, 3
     * blocks, 4 heads, patch 8, position grid 4, scale factor 1.55.
     */
    static DinoImageEncoderConfig tiny(int inputSize, List<Integer> taps, boolean finalOutput, Finetune finetune,
            String weights) {
        return new DinoImageEncoderConfig(32, 3, 4, 8, 4, inputSize, 1.55, taps, finalOutput, finetune, 1.0, weights);
    }

    static DinoImageEncoder create(DinoImageEncoderConfig config) {
        return (DinoImageEncoder) new DinoImageEncoderFactory().create(config, build());
    }
}
