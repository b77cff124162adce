package io.ovrsis.plugins.rscma;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.component.Slot;
import io.ovrsis.api.testing.PluginJars;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds target/classes into a real PF4J jar, loads it and lists the components it contributes. */
class RsCmaAggregatorLoadTest {

    @Test
    void pluginJarContributesTheComponent(@TempDir Path tmp) throws Exception {
        assertThat(PluginJars.componentIds(PluginJars.moduleClasses(), "aggregator-rscma", Slot.COST_AGGREGATOR, tmp))
                .containsExactly("rscma");
    }
}
