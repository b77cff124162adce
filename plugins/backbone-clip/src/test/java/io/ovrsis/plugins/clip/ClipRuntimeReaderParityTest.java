package io.ovrsis.plugins.clip;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.model.ImageEncoder;
import io.ovrsis.api.model.TextEncoder;
import io.ovrsis.api.testing.Tensors;
import io.ovrsis.api.weights.StateDictReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Opt-in: the three checkpoint fixtures (TorchScript, torch.save zip, legacy) read by the runtime's
 * {@code TorchCheckpointReader}, loaded through {@code prepare()} and compared with the reference
 * outputs. A plugin cannot depend on the runtime, so this runs only when its classes are added:
 * <pre>
 * mvnw -o test -Dtest=ClipRuntimeReaderParityTest \
 *   -Dmaven.test.additionalClasspath=../../platform-runtime/target/classes,$HOME/.m2/repository/net/razorvine/pickle/1.5/pickle-1.5.jar
 * </pre>
 * and is skipped otherwise.
 */
class ClipRuntimeReaderParityTest {
    private static final List<String> CLASSES = List.of("bare soil", "Clutter/background", "tanks, storage");

    private static StateDictReader runtimeReader() {
        try {
            return (StateDictReader) Class.forName("io.ovrsis.runtime.weights.TorchCheckpointReader")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            Assumptions.abort("the runtime's TorchCheckpointReader is not on the test class path (" + e + ")");
            return null;
        }
    }

    @Test
    void everyFixtureFormatLoadsAndMatches() throws Exception {
        StateDictReader reader = runtimeReader();
        try (NDManager m = NDManager.newBaseManager()) {
            for (String f : List.of("clip_tiny_openai.pt", "clip_tiny_remoteclip.pt", "clip_tiny_remoteclip_legacy.pt")) {
                boolean openai = f.contains("openai");
                String w = ReferenceFixtures.file(f).toString();
                String prefix = openai ? "openai" : "remoteclip";
                ImageEncoder enc = new ClipImageEncoderFactory().create(openai ? ReferenceFixtures.openAiImage(48, true, w)
                        : ReferenceFixtures.remoteImage(w), TestContexts.build("model.imageEncoder"));
                enc.module().initialize(m, 1L);
                enc.prepare(TestContexts.prepare("model.imageEncoder", Path.of("."), m, reader));
                FeatureMaps maps = enc.encode(ReferenceFixtures.npy(m, "image_48"), false);
                for (String k : List.of("dense", "block0", "block1")) {
                    assertThat(Tensors.maxAbsDiff(maps.get(k), ReferenceFixtures.npy(m, prefix + "_" + k + "_48").toFloatArray()))
                            .as("%s %s", f, k).isLessThanOrEqualTo(1e-4);
                }
                TextEncoder text = new ClipTextEncoderFactory().create(openai
                        ? ReferenceFixtures.openAiText(PromptTemplateSet.SINGLE, w) : ReferenceFixtures.remoteText(w),
                        TestContexts.build("model.textEncoder"));
                text.module().initialize(m, 1L);
                text.prepare(TestContexts.prepare("model.textEncoder", Path.of("."), m, reader));
                assertThat(Tensors.maxAbsDiff(text.encode(CLASSES, m, false).embeddings(),
                        ReferenceFixtures.npy(m, prefix + "_text_single").toFloatArray())).as(f).isLessThanOrEqualTo(1e-4);
            }
        }
    }
}
