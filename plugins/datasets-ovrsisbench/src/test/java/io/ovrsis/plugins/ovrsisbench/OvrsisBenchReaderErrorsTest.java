package io.ovrsis.plugins.ovrsisbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovrsis.api.component.ComponentException;
import io.ovrsis.api.data.DatasetReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OvrsisBenchReaderErrorsTest {

    private static DatasetReader dlrsd() {
        return new DlrsdDatasetReaderFactory().create(new DlrsdDatasetReaderFactory().defaultConfig(), null);
    }

    private static DatasetReader potsdam(Path project, int[] labelValues) throws Exception {
        Fixtures.image(project.resolve("datasets/Potsdam/imgs/top_2_10.png"), 2, 3, 1);
        Fixtures.greyLabel(project.resolve("datasets/Potsdam/D2masks/top_2_10.png"), 2, 3, labelValues);
        PotsdamDatasetReaderFactory f = new PotsdamDatasetReaderFactory();
        DatasetReader reader = f.create(f.defaultConfig(), null);
        reader.prepare(new TestPrepareContext(project));
        return reader;
    }

    @Test
    void aMissingDatasetNamesEveryExpectedFolderAndWhereTheDataIsPublished(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("datasets/DLRSD/imgs"));
        Files.createDirectories(project.resolve("datasets/DLRSD/D2masks"));
        assertThatThrownBy(() -> dlrsd().prepare(new TestPrepareContext(project)))
                .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.code()).isEqualTo("OVRSIS-DATA-MISSING"))
                .hasMessageContaining("Dataset dlrsd is not on disk")
                .hasMessageContaining(project.resolve("datasets/DLRSD_split/train/imgs") + "   <- missing")
                .hasMessageContaining(project.resolve("datasets/DLRSD_split/val/D2masks") + "   <- missing")
                .hasMessageContaining("all: " + project.resolve("datasets/DLRSD/imgs") + "\n")
                .hasMessageContaining("OVRSISBench").hasMessageContaining("splitRoot");
    }

    @Test
    void aLabelValueBeyondTheClassesNamesTheFileAndValue(@TempDir Path project) throws Exception {
        DatasetReader reader = potsdam(project, new int[] {0, 5, 255, 6, 1, 2});
        assertThatThrownBy(() -> reader.read(reader.index("all").get(0)))
                .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.code()).isEqualTo("OVRSIS-DATA-INVALID"))
                .hasMessageContaining("top_2_10.png").hasMessageContaining("value 6").hasMessageContaining("row 1, column 0")
                .hasMessageContaining("6 classes from the built-in class list");
    }

    @Test
    void anUnknownSplitListsTheValidOnes(@TempDir Path project) throws Exception {
        DatasetReader reader = potsdam(project, new int[6]);
        assertThatThrownBy(() -> reader.index("train"))
                .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.code()).isEqualTo("OVRSIS-CONFIG-CONSTRAINT"))
                .hasMessageContaining("no split \"train\"").hasMessageContaining("Valid splits: all.");
    }

    @Test
    void aColourCodedLabelIsRefused(@TempDir Path project) throws Exception {
        Fixtures.image(project.resolve("datasets/VDD/src/a.JPG"), 2, 2, 1);
        Fixtures.image(project.resolve("datasets/VDD/gt/a.png"), 2, 2, 2);
        VddDatasetReaderFactory f = new VddDatasetReaderFactory();
        DatasetReader reader = f.create(f.defaultConfig(), null);
        reader.prepare(new TestPrepareContext(project));
        assertThatThrownBy(() -> reader.read(reader.index("all").get(0)))
                .isInstanceOf(ComponentException.class).hasMessageContaining("3 channels");
    }

    @Test
    void aLabelOfAnotherSizeIsRefused(@TempDir Path project) throws Exception {
        Fixtures.image(project.resolve("datasets/uavid/Images/seq1.png"), 4, 4, 1);
        Fixtures.greyLabel(project.resolve("datasets/uavid/Labels/seq1.png"), 2, 2, new int[4]);
        UavidDatasetReaderFactory f = new UavidDatasetReaderFactory();
        DatasetReader reader = f.create(f.defaultConfig(), null);
        reader.prepare(new TestPrepareContext(project));
        assertThatThrownBy(() -> reader.read(reader.index("all").get(0)))
                .isInstanceOf(ComponentException.class).hasMessageContaining("2×2").hasMessageContaining("4×4");
    }

    @Test
    void aMissingOrMalformedClassesFileIsAnError(@TempDir Path project) throws Exception {
        potsdam(project, new int[6]);
        PotsdamDatasetReaderFactory f = new PotsdamDatasetReaderFactory();
        assertThatThrownBy(() -> f.create(new OvrsisBenchDatasetReaderConfig(null, "nope.json", ".png"), null)
                .prepare(new TestPrepareContext(project)))
                .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.code()).isEqualTo("OVRSIS-DATA-MISSING"))
                .hasMessageContaining("nope.json");
        Files.writeString(project.resolve("datasets/Potsdam.json"), "{\"names\": [\"a\"]}");
        assertThatThrownBy(() -> f.create(f.defaultConfig(), null).prepare(new TestPrepareContext(project)))
                .isInstanceOfSatisfying(ComponentException.class, e -> assertThat(e.code()).isEqualTo("OVRSIS-DATA-INVALID"))
                .hasMessageContaining("Potsdam.json").hasMessageContaining("JSON list");
    }

    @Test
    void anEmptyLabelFolderIsAnErrorAsInDetectron2(@TempDir Path project) throws Exception {
        Fixtures.image(project.resolve("datasets/LoveDA/images_png/1.png"), 2, 2, 1);
        Files.createDirectories(project.resolve("datasets/LoveDA/masks_png"));
        LoveDaDatasetReaderFactory f = new LoveDaDatasetReaderFactory();
        DatasetReader reader = f.create(f.defaultConfig(), null);
        reader.prepare(new TestPrepareContext(project));
        assertThatThrownBy(() -> reader.index("all")).hasMessageContaining("No annotations");
    }

    @Test
    void useBeforePrepareIsAnError() {
        assertThatThrownBy(dlrsd()::info).isInstanceOf(IllegalStateException.class).hasMessageContaining("prepare()");
    }
}
