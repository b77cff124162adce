package io.ovrsis.plugins.clip;

import io.ovrsis.api.testing.TestPrepareContext;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.component.BuildContext;
import io.ovrsis.api.component.PrepareContext;
import io.ovrsis.api.weights.StateDictReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Build and prepare contexts for tests. */
final class TestContexts {
    private TestContexts() {
    }

    static BuildContext build(String keyPath) {
        return new BuildContext(keyPath, Path.of("."), Map.of(), Optional.empty(), 7L);
    }

    /** A prepare context over a project folder, with {@code pretrain/} inside it. */
    static PrepareContext prepare(String keyPath, Path projectDir, NDManager manager, StateDictReader reader) {
        return new TestPrepareContext(keyPath, projectDir, manager, reader);
    }

    /** The tiny image tower of the shape tests: width 32, 2 blocks, 4 heads, patch 8, 32 px (4×4 grid). */
    static ClipImageEncoderConfig tinyImage(int pretrainedGrid, java.util.List<Integer> taps, boolean dense,
            boolean finalOutput, Finetune finetune) {
        return new ClipImageEncoderConfig(32, 2, 4, 8, pretrainedGrid, 16, 32, taps, dense, finalOutput, finetune,
                0.01, null, WeightsFormat.OPENAI, null);
    }

    /** A tiny text tower with the bytes tokenizer: width 32, 2 blocks, 4 heads, output 16. */
    static ClipTextEncoderConfig tinyText(PromptTemplateSet templates, Finetune finetune) {
        return new ClipTextEncoderConfig(32, 2, 4, 16, 77, 300, TokenizerKind.BYTES, ClipTextEncoderFactory.VOCAB,
                templates, finetune, 0.01, null, WeightsFormat.OPENAI);
    }
}
