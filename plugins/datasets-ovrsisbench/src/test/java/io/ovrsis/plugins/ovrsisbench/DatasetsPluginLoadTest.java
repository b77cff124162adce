package io.ovrsis.plugins.ovrsisbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.component.ComponentFactory;
import io.ovrsis.api.component.Slot;
import io.ovrsis.api.testing.PluginJars;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * Builds target/classes into a real PF4J jar and loads it. Uses {@link PluginJars#buildJar} but
 * stops the plugin by id: {@code PluginJars.componentIds} calls PF4J 3.15's {@code stopPlugins()},
 * which throws ConcurrentModificationException once a plugin has started.
 */
class DatasetsPluginLoadTest {
    private static final String PLUGIN_ID = "datasets-ovrsisbench";

    @Test
    void pluginJarContributesEveryDatasetReader(@TempDir Path temp) throws Exception {
        Path pluginsDir = Files.createDirectories(temp.resolve("plugins"));
        PluginJars.buildJar(PluginJars.moduleClasses(), PLUGIN_ID, "0.0.1", pluginsDir);
        PluginManager pm = new JarPluginManager(pluginsDir);
        try {
            pm.loadPlugins();
            pm.startPlugins();
            assertThat(pm.getPlugin(PLUGIN_ID).getPluginState()).isEqualTo(PluginState.STARTED);
            List<String> ids = pm.getExtensions(Slot.DATASET_READER.factoryType(), PLUGIN_ID).stream()
                    .map(ext -> ((ComponentFactory<?, ?>) ext).id()).toList();
            assertThat(ids).containsExactlyInAnyOrder("synthetic-aerial", "dlrsd", "isaid", "potsdam", "vaihingen", "loveda",
                    "uavid", "udd5", "vdd");
        } finally {
            pm.stopPlugin(PLUGIN_ID);
            pm.unloadPlugin(PLUGIN_ID);
        }
    }
}
