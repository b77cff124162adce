package io.ovrsis.plugins.ovrsisbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OvrsisBenchConfigTest {

    @Test
    void recordedDefaults() {
        Map<String, String> extensions = new LinkedHashMap<>();
        for (OvrsisBenchReaderFactory f : List.of(new PotsdamDatasetReaderFactory(), new VaihingenDatasetReaderFactory(),
                new LoveDaDatasetReaderFactory(), new UavidDatasetReaderFactory(), new Udd5DatasetReaderFactory(),
                new VddDatasetReaderFactory())) {
            assertThat(f.configType()).isEqualTo(OvrsisBenchDatasetReaderConfig.class);
            assertThat(f.defaultConfig().root()).isNull();
            assertThat(f.defaultConfig().classesFile()).isNull();
            assertThat(ConfigBinding.violations(f.defaultConfig())).isEmpty();
            extensions.put(f.id(), f.defaultConfig().imageExtension());
        }
        for (OvrsisBenchSplitReaderFactory f : List.of(new DlrsdDatasetReaderFactory(), new IsaidDatasetReaderFactory())) {
            assertThat(f.configType()).isEqualTo(OvrsisBenchSplitDatasetReaderConfig.class);
            assertThat(f.defaultConfig()).isEqualTo(new OvrsisBenchSplitDatasetReaderConfig(null, null, null,
                    f.defaultConfig().imageExtension()));
            assertThat(ConfigBinding.violations(f.defaultConfig())).isEmpty();
            extensions.put(f.id(), f.defaultConfig().imageExtension());
        }
        assertThat(extensions).containsExactlyInAnyOrderEntriesOf(Map.of("potsdam", ".png", "vaihingen", ".png",
                "loveda", ".png", "uavid", ".png", "udd5", ".JPG", "vdd", ".JPG", "dlrsd", ".jpg", "isaid", ".png"));
    }

    @Test
    void fullMapping() throws Exception {
        OvrsisBenchDatasetReaderConfig single = ConfigBinding.bind("""
                root: /data/UDD5
                classesFile: configs/udd5.json
                imageExtension: .jpg
                """, OvrsisBenchDatasetReaderConfig.class);
        assertThat(single).isEqualTo(new OvrsisBenchDatasetReaderConfig("/data/UDD5", "configs/udd5.json", ".jpg"));
        assertThat(ConfigBinding.violations(single)).isEmpty();

        OvrsisBenchSplitDatasetReaderConfig split = ConfigBinding.bind("""
                root: /data/DLRSD
                splitRoot: /data/DLRSD_split
                classesFile: datasets/DLRSD.json
                imageExtension: .tif
                """, OvrsisBenchSplitDatasetReaderConfig.class);
        assertThat(split).isEqualTo(new OvrsisBenchSplitDatasetReaderConfig("/data/DLRSD", "/data/DLRSD_split",
                "datasets/DLRSD.json", ".tif"));
        assertThat(ConfigBinding.violations(split)).isEmpty();
    }

    @Test
    void constraints() {
        assertThat(ConfigBinding.violations(new OvrsisBenchDatasetReaderConfig(null, null, "jpg"))).containsExactly("imageExtension");
        assertThat(ConfigBinding.violations(new OvrsisBenchDatasetReaderConfig(null, null, null))).containsExactly("imageExtension");
        assertThat(ConfigBinding.violations(new OvrsisBenchSplitDatasetReaderConfig(null, null, null, "*.png")))
                .containsExactly("imageExtension");
    }

    @Test
    void splitRootIsOnlyAKeyOfTheDatasetsWithTrainValCopies() {
        assertThatThrownBy(() -> ConfigBinding.bind("imageExtension: .png\nsplitRoot: x\n", OvrsisBenchDatasetReaderConfig.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }
}
