package io.ovrsis.plugins.ovrsisbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.component.ProgressReporter;
import io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses;
import io.ovrsis.plugins.ovrsisbench.synthetic.AerialScene;
import io.ovrsis.plugins.ovrsisbench.synthetic.AerialSceneGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticAerialGeneratorTest {

    @Test
    void theSameSeedGivesTheSameBytes(@TempDir Path temp) throws Exception {
        SyntheticAerialDatasetReaderConfig config = new SyntheticAerialDatasetReaderConfig(null, 64, 6, 2, 2, 42);
        Path a = Files.createDirectories(temp.resolve("a"));
        Path b = Files.createDirectories(temp.resolve("b"));
        SyntheticAerialDataset.generate(a, config, (t, n) -> ProgressReporter.silent());
        SyntheticAerialDataset.generate(b, config, (t, n) -> ProgressReporter.silent());

        List<Path> files = files(a);
        assertThat(files).hasSize(2 * 10 + 2);
        assertThat(files).isEqualTo(files(b));
        for (Path f : files) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
    }

    @Test
    void anotherSeedGivesAnotherScene() {
        AerialScene one = AerialSceneGenerator.generate(1, 64);
        AerialScene two = AerialSceneGenerator.generate(2, 64);
        assertThat(one.rgb()).isNotEqualTo(two.rgb());
        assertThat(one.labels()).isNotEqualTo(two.labels());
        assertThat(AerialSceneGenerator.generate(1, 64).rgb()).isEqualTo(one.rgb());
    }

    @Test
    void sceneShapeAndLabelRange() {
        AerialScene scene = AerialSceneGenerator.generate(9, 96);
        assertThat(scene.size()).isEqualTo(96);
        assertThat(scene.rgb()).hasSize(96 * 96 * 3);
        assertThat(scene.labels()).hasSize(96 * 96);
        assertThat(Arrays.stream(scene.labels()).allMatch(v -> (v >= 0 && v < 8) || v == 255)).isTrue();
    }

    /** The default train split (in memory, same scene seeds as on disk) holds every class in sensible amounts. */
    @Test
    void everyClassIsPresentInTheDefaultTrainSplit() {
        SyntheticAerialDatasetReaderConfig config = SyntheticAerialDatasetReaderConfig.defaults();
        long[] pixels = new long[256];
        int[] imagesWithClass = new int[8];
        for (int i = 0; i < config.trainImages(); i++) {
            AerialScene scene = AerialSceneGenerator.generate(SyntheticAerialDataset.sceneSeed(config.seed(), 0, i),
                    config.imageSize());
            boolean[] seen = new boolean[8];
            for (int v : scene.labels()) {
                pixels[v]++;
                if (v < 8) {
                    seen[v] = true;
                }
            }
            for (int c = 0; c < 8; c++) {
                imagesWithClass[c] += seen[c] ? 1 : 0;
            }
        }
        long total = (long) config.trainImages() * config.imageSize() * config.imageSize();
        for (int c = 0; c < 8; c++) {
            double share = (double) pixels[c] / total;
            assertThat(share).as(AerialClasses.NAMES.get(c) + " share").isBetween(0.005, 0.45);
            assertThat(imagesWithClass[c]).as(AerialClasses.NAMES.get(c) + " images").isGreaterThanOrEqualTo(20);
        }
        assertThat((double) pixels[255] / total).as("ignored share").isLessThan(0.06);
        assertThat(Arrays.stream(pixels).sum()).isEqualTo(total);
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
