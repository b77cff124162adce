package io.ovrsis.plugins.ovrsisbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.data.DatasetInfo;
import io.ovrsis.api.data.Sample;
import io.ovrsis.api.data.SampleRef;
import io.ovrsis.plugins.ovrsisbench.synthetic.AerialClasses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticAerialDatasetReaderTest {
    private static final SyntheticAerialDatasetReaderConfig SMALL =
            new SyntheticAerialDatasetReaderConfig(null, 48, 12, 3, 2, 5);

    @Test
    void generatesOnFirstUseInTheOvrsisBenchLayoutAndReadsItBack(@TempDir Path project) throws Exception {
        TestPrepareContext ctx = new TestPrepareContext(project);
        SyntheticAerialDatasetReader reader = new SyntheticAerialDatasetReader(SMALL, "data.train");
        reader.prepare(ctx);

        Path root = project.resolve("datasets/synthetic-aerial");
        assertThat(ctx.steps).isEqualTo(17);
        assertThat(ctx.tasks).hasSize(1);
        assertThat(root.resolve("train/imgs/train_00000.png")).isRegularFile();
        assertThat(root.resolve("train/D2masks/train_00011.png")).isRegularFile();
        assertThat(root.resolve("test/D2masks/test_00001.png")).isRegularFile();
        assertThat(ClassNamesFile.read(root.resolve("classes.json"), "k").names()).isEqualTo(AerialClasses.NAMES);
        assertThat(Files.readString(root.resolve("dataset.json"))).contains("\"generatorVersion\"", "\"seed\" : 5");

        DatasetInfo info = reader.info();
        assertThat(info.id()).isEqualTo("synthetic-aerial");
        assertThat(info.splits()).containsExactly("train", "val", "test");
        assertThat(info.ignoreIndex()).isEqualTo(255);
        assertThat(info.classes().names()).containsExactly("building", "road", "tree", "low vegetation", "water", "car",
                "bare soil", "impervious surface");
        assertThat(info.root()).isEqualTo(root);

        List<SampleRef> train = reader.index("train");
        assertThat(train).hasSize(12);
        assertThat(train.get(0).id()).isEqualTo("train_00000");
        assertThat(train).extracting(SampleRef::id).isSorted();
        assertThat(reader.index("val")).hasSize(3);

        Sample s = reader.read(train.get(3));
        assertThat(s.height()).isEqualTo(48);
        assertThat(s.width()).isEqualTo(48);
        assertThat(s.rgb()).hasSize(48 * 48 * 3);
        assertThat(s.label()).hasSize(48 * 48);
        assertThat(Arrays.stream(s.label()).allMatch(v -> (v >= 0 && v < 8) || v == 255)).isTrue();
    }

    @Test
    void aMatchingFolderIsReusedWithoutGenerating(@TempDir Path project) throws Exception {
        new SyntheticAerialDatasetReader(SMALL, "k").prepare(new TestPrepareContext(project));
        Path image = project.resolve("datasets/synthetic-aerial/train/imgs/train_00000.png");
        long modified = Files.getLastModifiedTime(image).toMillis();

        TestPrepareContext again = new TestPrepareContext(project);
        SyntheticAerialDatasetReader reader = new SyntheticAerialDatasetReader(SMALL, "k");
        reader.prepare(again);
        assertThat(again.steps).isZero();
        assertThat(again.tasks).isEmpty();
        assertThat(Files.getLastModifiedTime(image).toMillis()).isEqualTo(modified);
        assertThat(reader.index("train")).hasSize(12);
    }

    @Test
    void aFolderGeneratedWithAnotherConfigIsAClearErrorAndIsKept(@TempDir Path project) {
        new SyntheticAerialDatasetReader(SMALL, "k").prepare(new TestPrepareContext(project));
        SyntheticAerialDatasetReaderConfig otherSeed = new SyntheticAerialDatasetReaderConfig(null, 48, 12, 3, 2, 6);

        assertThatThrownBy(() -> new SyntheticAerialDatasetReader(otherSeed, "data.train").prepare(new TestPrepareContext(project)))
                .isInstanceOfSatisfying(ComponentException.class, e -> {
                    assertThat(e.code()).isEqualTo("OVRSIS-DATA-MISMATCH");
                    assertThat(e.keyPath()).isEqualTo("data.train");
                })
                .hasMessageContaining("seed 5").hasMessageContaining("seed 6").hasMessageContaining("delete it");
        assertThat(project.resolve("datasets/synthetic-aerial/dataset.json")).isRegularFile();
    }

    @Test
    void aForeignFolderIsNotTakenOver(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("mine/train"));
        SyntheticAerialDatasetReaderConfig config = new SyntheticAerialDatasetReaderConfig("mine", 48, 2, 0, 0, 1);
        assertThatThrownBy(() -> new SyntheticAerialDatasetReader(config, "k").prepare(new TestPrepareContext(project)))
                .isInstanceOf(ComponentException.class).hasMessageContaining("no dataset.json");
    }

    @Test
    void anInterruptedGenerationLeavesNothingBehind(@TempDir Path project) throws Exception {
        TestPrepareContext ctx = new TestPrepareContext(project);
        ctx.failAfterSteps = 5;
        assertThatThrownBy(() -> new SyntheticAerialDatasetReader(SMALL, "k").prepare(ctx))
                .hasMessageContaining("interrupted");
        try (Stream<Path> left = Files.list(project.resolve("datasets"))) {
            assertThat(left).isEmpty();
        }
        SyntheticAerialDatasetReader reader = new SyntheticAerialDatasetReader(SMALL, "k");
        reader.prepare(new TestPrepareContext(project));
        assertThat(reader.index("train")).hasSize(12);
    }

    @Test
    void emptySplitsAreNotOfferedAndUnknownSplitsListTheValidOnes(@TempDir Path project) {
        SyntheticAerialDatasetReaderConfig noVal = new SyntheticAerialDatasetReaderConfig("datasets/sa", 48, 2, 0, 1, 1);
        SyntheticAerialDatasetReader reader = new SyntheticAerialDatasetReader(noVal, "data.train");
        reader.prepare(new TestPrepareContext(project));
        assertThat(project.resolve("datasets/sa/dataset.json")).isRegularFile();
        assertThat(reader.info().splits()).containsExactly("train", "test");
        assertThatThrownBy(() -> reader.index("val"))
                .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.code()).isEqualTo("OVRSIS-CONFIG-CONSTRAINT"))
                .hasMessageContaining("no split \"val\"").hasMessageContaining("Valid splits: train, test");
    }

    @Test
    void useBeforePrepareIsAnError() {
        SyntheticAerialDatasetReader reader = new SyntheticAerialDatasetReader(SMALL, "k");
        assertThatThrownBy(reader::info).isInstanceOf(IllegalStateException.class).hasMessageContaining("prepare()");
    }
}
