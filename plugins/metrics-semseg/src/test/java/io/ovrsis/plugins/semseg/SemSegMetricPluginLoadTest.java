package io.ovrsis.plugins.semseg;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.component.Slot;
import io.ovrsis.api.testing.PluginJars;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemSegMetricPluginLoadTest {

    @Test
    void pluginJarContributesTheSemsegMetric(@TempDir Path temp) throws Exception {
        assertThat(PluginJars.componentIds(PluginJars.moduleClasses(), "metrics-semseg", Slot.METRIC, temp))
                .containsExactly("semseg");
    }
}
