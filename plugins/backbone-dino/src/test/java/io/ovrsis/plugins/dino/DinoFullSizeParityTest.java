package io.ovrsis.plugins.dino;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.ovrsis.api.model.FeatureMaps;
import io.ovrsis.api.testing.Tensors;
import io.ovrsis.api.weights.StateDictReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Opt-in, heavy (a 343 MB checkpoint, a minute or more on 2 cores): the full-size {@code dino-vitb8}
 * preset, loaded from a random RSIB-shaped checkpoint in DINO's teacher layout written by
 * {@code tools/reference/dino_reference.py --full DIR}, against PyTorch's {@code dense},
 * {@code block3}, {@code block7} at 384 px (the real 28 → 48 position resize). Runs with
 * {@code -Dovrsis.dino.full=DIR} and the runtime's reader on the class path (see {@link RuntimeReader}):
 * <pre>
 * mvnw -o test -Dtest=DinoFullSizeParityTest -Dovrsis.dino.full=/work/bigfiles/dino -DargLine=-Xmx6g \
 *   -Dmaven.test.additionalClasspath=../../platform-runtime/target/classes,$HOME/.m2/repository/net/razorvine/pickle/1.5/pickle-1.5.jar
 * </pre>
 */
class DinoFullSizeParityTest {
    /**
     * Opt-in: {@code -Dovrsis.dino.rsib=PATH} loads that file (the published {@code RSIB.pth}, or a
     * random file of its layout) into the {@code dino-vitb8} preset through {@code prepare()}; every
     * parameter must be filled from the file and finite. No forward pass.
     */
    @Test
    void anRsibFileLoadsIntoThePreset() throws Exception {
        String file = System.getProperty("ovrsis.dino.rsib");
        Assumptions.assumeTrue(file != null && Files.isRegularFile(Path.of(file)), "set -Dovrsis.dino.rsib to an RSIB.pth");
        StateDictReader reader = RuntimeReader.orSkip();
        DinoVitB8ImageEncoderFactory f = new DinoVitB8ImageEncoderFactory();
        DinoImageEncoderConfig d = f.defaultConfig();
        DinoImageEncoderConfig c = new DinoImageEncoderConfig(d.width(), d.layers(), d.heads(), d.patchSize(),
                d.pretrainedGrid(), d.inputSize(), d.posEmbedScaleFactor(), d.taps(), d.finalOutput(), d.finetune(),
                d.lrMultiplier(), Path.of(file).toAbsolutePath().toString());
        try (NDManager m = NDManager.newBaseManager()) {
            DinoImageEncoder enc = (DinoImageEncoder) f.create(c, TestContexts.build());
            // NaN everywhere first: a parameter the loader did not fill stays NaN
            enc.module().initialize(m, 1L);
            enc.module().namedParameters().values().forEach(p -> p.array().muli(Float.NaN));
            enc.prepare(TestContexts.prepare(Path.of(file).toAbsolutePath().getParent(), m, reader));
            enc.module().namedParameters().forEach((name, p) ->
                    assertThat(p.array().isNaN().any().getBoolean()).as(name).isFalse());
            assertThat(enc.frozen()).isTrue();
            System.out.printf("%s loaded into dino-vitb8: %d tensors, %d parameters%n", file,
                    enc.module().namedParameters().size(), enc.module().parameterCount());
        }
    }

    @Test
    void vitB8At384MatchesPyTorch() throws Exception {
        String dir = System.getProperty("ovrsis.dino.full");
        Assumptions.assumeTrue(dir != null && Files.isRegularFile(Path.of(dir, "rsib_random.pth")),
                "set -Dovrsis.dino.full to the folder written by dino_reference.py --full");
        StateDictReader reader = RuntimeReader.orSkip();
        Path folder = Path.of(dir);
        DinoVitB8ImageEncoderFactory f = new DinoVitB8ImageEncoderFactory();
        DinoImageEncoderConfig d = f.defaultConfig();
        DinoImageEncoderConfig c = new DinoImageEncoderConfig(d.width(), d.layers(), d.heads(), d.patchSize(),
                d.pretrainedGrid(), d.inputSize(), d.posEmbedScaleFactor(), d.taps(), d.finalOutput(), d.finetune(),
                d.lrMultiplier(), folder.resolve("rsib_random.pth").toString());
        try (NDManager m = NDManager.newBaseManager()) {
            DinoImageEncoder enc = (DinoImageEncoder) f.create(c, TestContexts.build());
            enc.module().initialize(m, 1L);
            enc.prepare(TestContexts.prepare(folder, m, reader));
            long start = System.nanoTime();
            FeatureMaps maps = enc.encode(Tensors.readNpy(m, folder.resolve("image_384.npy")), false);
            System.out.printf("dino-vitb8 forward at 384 px: %.1f s%n", (System.nanoTime() - start) / 1e9);
            for (String name : List.of("dense", "block3", "block7")) {
                NDArray expected = Tensors.readNpy(m, folder.resolve(name + "_384.npy"));
                assertThat(maps.get(name).getShape()).isEqualTo(expected.getShape());
                double diff = Tensors.maxAbsDiff(maps.get(name), expected.toFloatArray());
                System.out.printf("full-size parity %s: max |diff| %.2e%n", name, diff);
                assertThat(diff).as(name).isLessThanOrEqualTo(1e-4);
            }
        }
    }
}
