package io.ovrsis.plugins.ovrsisbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;

class SyntheticAerialDatasetReaderConfigTest {

    @Test
    void recordedDefaults() {
        SyntheticAerialDatasetReaderFactory factory = new SyntheticAerialDatasetReaderFactory();
        assertThat(factory.id()).isEqualTo("synthetic-aerial");
        assertThat(factory.configType()).isEqualTo(SyntheticAerialDatasetReaderConfig.class);
        assertThat(factory.defaultConfig()).isEqualTo(new SyntheticAerialDatasetReaderConfig(null, 96, 240, 48, 48, 0));
        assertThat(ConfigBinding.violations(factory.defaultConfig())).isEmpty();
    }

    @Test
    void fullMapping() throws Exception {
        SyntheticAerialDatasetReaderConfig config = ConfigBinding.bind("""
                root: data/sa
                imageSize: 128
                trainImages: 500
                valImages: 20
                testImages: 0
                seed: 7
                """, SyntheticAerialDatasetReaderConfig.class);
        assertThat(config).isEqualTo(new SyntheticAerialDatasetReaderConfig("data/sa", 128, 500, 20, 0, 7));
        assertThat(ConfigBinding.violations(config)).isEmpty();
    }

    @Test
    void constraints() {
        assertThat(ConfigBinding.violations(new SyntheticAerialDatasetReaderConfig(null, 16, 0, -1, 0, 0)))
                .containsExactly("imageSize", "trainImages", "valImages");
        assertThat(ConfigBinding.violations(new SyntheticAerialDatasetReaderConfig(null, 2048, 1, 0, 0, 0)))
                .containsExactly("imageSize");
    }

    @Test
    void unknownKeyIsRejected() {
        assertThatThrownBy(() -> ConfigBinding.bind("""
                imageSize: 96
                trainImages: 240
                valImages: 48
                testImages: 48
                seed: 0
                images: 10
                """, SyntheticAerialDatasetReaderConfig.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void createDoesNoIo() {
        assertThat(new SyntheticAerialDatasetReaderFactory().create(SyntheticAerialDatasetReaderConfig.defaults(), null))
                .isInstanceOf(SyntheticAerialDatasetReader.class);
    }
}
