package io.ovrsis.plugins.rstransfer;

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
 * Builds target/classes into a real PF4J jar and loads it. {@code PluginJars.componentIds} cannot be
 * used as is: its {@code stopPlugins()} hits a ConcurrentModificationException in PF4J 3.15.0 (the
 * loop removes from the list it iterates), so the plugin is stopped by id here.
 */
class RsTransferDecoderLoadTest {
    private static final String PLUGIN = "decoder-rstransfer";

    @Test
    void pluginJarContributesTheComponent(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        PluginJars.buildJar(PluginJars.moduleClasses(), PLUGIN, "0.0.1", dir);
        PluginManager pm = new JarPluginManager(dir);
        try {
            pm.loadPlugins();
            pm.startPlugins();
            assertThat(pm.getPlugin(PLUGIN).getPluginState()).isEqualTo(PluginState.STARTED);
            List<String> ids = pm.getExtensions(Slot.DECODER.factoryType(), PLUGIN).stream()
                    .map(e -> ((ComponentFactory<?, ?>) e).id()).toList();
            assertThat(ids).containsExactly("rstransfer");
        } finally {
            pm.stopPlugin(PLUGIN);
            pm.unloadPlugin(PLUGIN);
        }
    }
}
