package io.ovrsis.plugins.ovrsisbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.data.DatasetInfo;
import io.ovrsis.api.data.DatasetReader;
import io.ovrsis.api.data.Sample;
import io.ovrsis.api.data.SampleRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OvrsisBenchDatasetReaderTest {

    /** A DLRSD-like tree: train/val copies under DLRSD_split, the full set under DLRSD, .jpg images, palette labels. */
    static void writeDlrsdLike(Path datasets) throws Exception {
        String[][] splits = {{"DLRSD_split/train", "Beach01", "Airplane00"}, {"DLRSD_split/val", "Tanks02"},
            {"DLRSD", "Airplane00", "Beach01", "Tanks02"}};
        int k = 0;
        for (String[] split : splits) {
            for (int i = 1; i < split.length; i++) {
                Fixtures.image(datasets.resolve(split[0] + "/imgs/" + split[i] + ".jpg"), 6, 8, k);
                Fixtures.paletteLabel(datasets.resolve(split[0] + "/D2masks/" + split[i] + ".png"), 6, 8,
                        Fixtures.labels(6, 8, 17, k++));
            }
        }
    }

    @Test
    void dlrsdLikeTreeWithPaletteLabels(@TempDir Path project) throws Exception {
        writeDlrsdLike(project.resolve("datasets"));
        DatasetReader reader = new DlrsdDatasetReaderFactory().create(new DlrsdDatasetReaderFactory().defaultConfig(), null);
        reader.prepare(new TestPrepareContext(project));

        DatasetInfo info = reader.info();
        assertThat(info.id()).isEqualTo("dlrsd");
        assertThat(info.splits()).containsExactly("train", "val", "all");
        assertThat(info.ignoreIndex()).isEqualTo(255);
        assertThat(info.classes().names()).hasSize(17).startsWith("airplane", "bare soil").endsWith("trees", "water");
        assertThat(info.root()).isEqualTo(project.resolve("datasets/DLRSD"));

        List<SampleRef> train = reader.index("train");
        assertThat(train).extracting(SampleRef::id).containsExactly("Airplane00", "Beach01");
        assertThat(train.get(0).image()).isEqualTo(project.resolve("datasets/DLRSD_split/train/imgs/Airplane00.jpg"));
        assertThat(train.get(0).label()).isEqualTo(project.resolve("datasets/DLRSD_split/train/D2masks/Airplane00.png"));
        assertThat(reader.index("val")).extracting(SampleRef::id).containsExactly("Tanks02");
        assertThat(reader.index("all")).extracting(SampleRef::id).containsExactly("Airplane00", "Beach01", "Tanks02");

        Sample s = reader.read(train.get(1)); // Beach01 of train was written with shift 0
        assertThat(s.id()).isEqualTo("Beach01");
        assertThat(s.height()).isEqualTo(6);
        assertThat(s.width()).isEqualTo(8);
        assertThat(s.rgb()).hasSize(6 * 8 * 3);
        assertThat(s.label()).containsExactly(Fixtures.labels(6, 8, 17, 0)); // raw palette indices incl. 16 and 255
    }

    @Test
    void classNamesComeFromTheDatasetsJsonWhenPresent(@TempDir Path project) throws Exception {
        writeDlrsdLike(project.resolve("datasets"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            names.add("class " + i);
        }
        ClassNamesFile.write(project.resolve("datasets/DLRSD.json"), names);
        DatasetReader reader = new DlrsdDatasetReaderFactory().create(new DlrsdDatasetReaderFactory().defaultConfig(), null);
        reader.prepare(new TestPrepareContext(project));
        assertThat(reader.info().classes().names()).isEqualTo(names);

        ClassNamesFile.write(project.resolve("my-classes.json"), List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                "k", "l", "m", "n", "o", "p", "q"));
        DatasetReader custom = new DlrsdDatasetReaderFactory().create(
                new OvrsisBenchSplitDatasetReaderConfig(null, null, "my-classes.json", ".jpg"), null);
        custom.prepare(new TestPrepareContext(project));
        assertThat(custom.info().classes().name(0)).isEqualTo("a");
    }

    /** A UDD5-like tree: upper-case .JPG images, grey and palette labels, a stray .jpg and an unlabelled image. */
    @Test
    void udd5LikeTreeWithUpperCaseJpgAndGreyLabels(@TempDir Path project) throws Exception {
        Path udd5 = project.resolve("datasets/UDD5/all");
        Fixtures.image(udd5.resolve("src/DJI_0002.JPG"), 5, 4, 1);
        Fixtures.image(udd5.resolve("src/DJI_0001.JPG"), 5, 4, 2);
        Fixtures.image(udd5.resolve("src/DJI_0003.JPG"), 5, 4, 3);
        Fixtures.image(udd5.resolve("src/lower.jpg"), 5, 4, 4);
        Fixtures.greyLabel(udd5.resolve("gt/DJI_0001.png"), 5, 4, Fixtures.labels(5, 4, 5, 1));
        Fixtures.paletteLabel(udd5.resolve("gt/DJI_0002.png"), 5, 4, Fixtures.labels(5, 4, 5, 2));
        Fixtures.greyLabel(udd5.resolve("gt/lower.png"), 5, 4, Fixtures.labels(5, 4, 5, 3));

        Udd5DatasetReaderFactory factory = new Udd5DatasetReaderFactory();
        DatasetReader reader = factory.create(factory.defaultConfig(), null);
        reader.prepare(new TestPrepareContext(project));
        assertThat(reader.info().splits()).containsExactly("all");
        assertThat(reader.info().classes().names()).containsExactly("Vegetation", "Building", "Road", "Vehicle", "Other");

        List<SampleRef> all = reader.index("all");
        assertThat(all).extracting(SampleRef::id).containsExactly("DJI_0001", "DJI_0002");
        assertThat(reader.read(all.get(0)).label()).containsExactly(Fixtures.labels(5, 4, 5, 1));
        assertThat(reader.read(all.get(1)).label()).containsExactly(Fixtures.labels(5, 4, 5, 2));
        assertThat(reader.read(all.get(1)).height()).isEqualTo(5);
    }

    @Test
    void everyDatasetFindsItsDefaultLayout(@TempDir Path project) throws Exception {
        Path d = project.resolve("datasets");
        String[][] layouts = {
            {"potsdam", "Potsdam/imgs/a.png", "Potsdam/D2masks/a.png"},
            {"vaihingen", "Vaihingen/imgs/a.png", "Vaihingen/D2masks/a.png"},
            {"loveda", "LoveDA/images_png/a.png", "LoveDA/masks_png/a.png"},
            {"uavid", "uavid/Images/a.png", "uavid/Labels/a.png"},
            {"vdd", "VDD/src/a.JPG", "VDD/gt/a.png"}};
        List<OvrsisBenchReaderFactory> factories = List.of(new PotsdamDatasetReaderFactory(), new VaihingenDatasetReaderFactory(),
                new LoveDaDatasetReaderFactory(), new UavidDatasetReaderFactory(), new VddDatasetReaderFactory());
        for (int i = 0; i < layouts.length; i++) {
            Fixtures.image(d.resolve(layouts[i][1]), 3, 3, i);
            Fixtures.greyLabel(d.resolve(layouts[i][2]), 3, 3, new int[] {0, 1, 2, 3, 4, 5, 255, 0, 1});
            OvrsisBenchReaderFactory f = factories.get(i);
            assertThat(f.id()).isEqualTo(layouts[i][0]);
            DatasetReader reader = f.create(f.defaultConfig(), null);
            reader.prepare(new TestPrepareContext(project));
            assertThat(reader.read(reader.index("all").get(0)).label()).containsExactly(0, 1, 2, 3, 4, 5, 255, 0, 1);
        }
        Fixtures.image(d.resolve("iSAID_split/train/imgs/P0002_0_256_0_256.png"), 3, 3, 9);
        Fixtures.greyLabel(d.resolve("iSAID_split/train/D2masks/P0002_0_256_0_256.png"), 3, 3, new int[9]);
        for (String dir : List.of("iSAID_split/val/imgs", "iSAID_split/val/D2masks", "iSAID/imgs", "iSAID/D2masks")) {
            Files.createDirectories(d.resolve(dir));
        }
        IsaidDatasetReaderFactory isaid = new IsaidDatasetReaderFactory();
        DatasetReader reader = isaid.create(isaid.defaultConfig(), null);
        reader.prepare(new TestPrepareContext(project));
        assertThat(reader.info().classes().size()).isEqualTo(15);
        assertThat(reader.index("train")).extracting(SampleRef::id).containsExactly("P0002_0_256_0_256");
    }

    @Test
    void configuredRootsResolveAgainstTheProject(@TempDir Path project) throws Exception {
        Fixtures.image(project.resolve("data/pots/imgs/x.png"), 2, 2, 1);
        Fixtures.greyLabel(project.resolve("data/pots/D2masks/x.png"), 2, 2, new int[] {5, 4, 3, 255});
        DatasetReader reader = new PotsdamDatasetReaderFactory().create(
                new OvrsisBenchDatasetReaderConfig("data/pots", null, ".png"), null);
        reader.prepare(new TestPrepareContext(project));
        assertThat(reader.info().root()).isEqualTo(project.resolve("data/pots"));
        assertThat(reader.read(reader.index("all").get(0)).label()).containsExactly(5, 4, 3, 255);
    }

    @Test
    void readsConsistentlyFromSeveralThreads(@TempDir Path project) throws Exception {
        writeDlrsdLike(project.resolve("datasets"));
        DatasetReader reader = new DlrsdDatasetReaderFactory().create(new DlrsdDatasetReaderFactory().defaultConfig(), null);
        reader.prepare(new TestPrepareContext(project));
        List<SampleRef> all = reader.index("all");
        Sample expected = reader.read(all.get(2));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Sample>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> reader.read(reader.index("all").get(2))));
            }
            for (Future<Sample> f : futures) {
                Sample s = f.get();
                assertThat(s.label()).isEqualTo(expected.label());
                assertThat(s.rgb()).isEqualTo(expected.rgb());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
