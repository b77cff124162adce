package io.ovrsis.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigErrorsTest {

    @Test
    void didYouMeanPicksTheClosestLikelyTypo() {
        List<String> keys = List.of("layers", "heads", "spatialReduction", "classPool");

        assertThat(ConfigErrors.didYouMean("layer", keys)).contains("layers");
        assertThat(ConfigErrors.didYouMean("Heads", keys)).contains("heads");
        assertThat(ConfigErrors.didYouMean("spatialReductoin", keys)).contains("spatialReduction");
        assertThat(ConfigErrors.didYouMean("depth", keys)).isEmpty();
        assertThat(ConfigErrors.didYouMean("layers", keys)).isEmpty();
        assertThat(ConfigErrors.didYouMean("clip-vit-b61", List.of("clip-vit-b16", "clip-vit-b32", "dino-vitb8")))
                .contains("clip-vit-b16");
    }

    @Test
    void keyPathsParseDotsAndIndices() {
        assertThat(KeyPath.format(KeyPath.parse("eval.datasets[0].split"))).isEqualTo("eval.datasets[0].split");
        assertThat(KeyPath.parse("a[1][2]")).containsExactly(new KeyPath.Key("a"), new KeyPath.Index(1),
                new KeyPath.Index(2));
        assertThatThrownBy(() -> KeyPath.parse("a.")).hasMessageContaining("unexpected '.' at position 2");
        assertThatThrownBy(() -> KeyPath.parse("[0]")).hasMessageContaining("expected a key at position 1");
        assertThat(KeyPath.parent("eval.datasets[0].split")).isEqualTo("eval.datasets[0]");
        assertThat(KeyPath.parent("eval.datasets[0]")).isEqualTo("eval.datasets");
        assertThat(KeyPath.isUnder("model.fusionX", "model.fusion")).isFalse();
        assertThat(KeyPath.isUnder("model.fusion[0]", "model.fusion")).isTrue();
    }

    @Test
    void anErrorWithoutLocationPrintsItsKeyAndMessage() {
        ConfigException failure = new ConfigException(new ConfigError("OVRSIS-X", "model.decoder", null, "broken"));

        assertThat(failure.format()).isEqualTo("1 error in the experiment config:\n\n1) OVRSIS-X\n   model.decoder: broken\n");
    }
}
