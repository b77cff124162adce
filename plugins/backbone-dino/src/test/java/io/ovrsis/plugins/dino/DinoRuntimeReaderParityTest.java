package io.ovrsis.plugins.dino;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.weights.StateDictReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Opt-in (see {@link RuntimeReader}): the three {@code .pth} fixtures — plain state dict in the
 * zip and the legacy format, and DINO's training layout ({@code teacher} entry with
 * {@code module.backbone.*} and {@code module.head.*}, a {@code student} entry, an int epoch) —
 * read by the runtime's {@code TorchCheckpointReader}, loaded through {@code prepare()} and compared
 * with the reference outputs at 48 px. Skipped when the runtime classes are absent.
 */
class DinoRuntimeReaderParityTest {
    @Test
    void everyFixtureFormatLoadsAndMatches() throws Exception {
        StateDictReader reader = RuntimeReader.orSkip();
        try (NDManager m = NDManager.newBaseManager()) {
            for (String f : List.of("dino_tiny.pth", "dino_tiny_legacy.pth", "dino_tiny_teacher.pth")) {
                DinoImageEncoder enc = TestContexts.create(TestContexts.tiny(48, List.of(0, 1), true, Finetune.FROZEN,
                        ReferenceFixtures.file(f).toString()));
                enc.module().initialize(m, 1L);
                enc.prepare(TestContexts.prepare(Path.of("."), m, reader));
                DinoReferenceParityTest.assertMaps(enc.encode(ReferenceFixtures.npy(m, "image_48"), false), m, 48, f);
            }
        }
    }
}
