package io.ovrsis.plugins.ovrsisbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.component.Slot;
import io.ovrsis.api.testing.PluginJars;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsPluginLoadTest {

    @Test
    void pluginJarContributesEveryDatasetReader(@TempDir Path temp) throws Exception {
        assertThat(PluginJars.componentIds(PluginJars.moduleClasses(), "datasets-ovrsisbench", Slot.DATASET_READER, temp))
                .containsExactlyInAnyOrder("synthetic-aerial", "dlrsd", "isaid", "potsdam", "vaihingen", "loveda", "uavid",
                        "udd5", "vdd");
    }
}
