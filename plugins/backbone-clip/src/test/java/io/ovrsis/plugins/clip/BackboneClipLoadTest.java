package io.ovrsis.plugins.clip;

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
 * Builds target/classes into a real PF4J jar, loads it and lists the contributed ids per slot. The
 * plugin is stopped by id: {@code PluginJars.componentIds}' {@code stopPlugins()} hits a
 * ConcurrentModificationException in PF4J 3.15.0.
 */
class BackboneClipLoadTest {
    private static final String PLUGIN = "backbone-clip";

    @Test
    void pluginJarContributesEveryComponent(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        PluginJars.buildJar(PluginJars.moduleClasses(), PLUGIN, "0.0.1", dir);
        PluginManager pm = new JarPluginManager(dir);
        try {
            pm.loadPlugins();
            pm.startPlugins();
            assertThat(pm.getPlugin(PLUGIN).getPluginState()).isEqualTo(PluginState.STARTED);
            assertThat(ids(pm, Slot.IMAGE_ENCODER)).containsExactlyInAnyOrder("clip-vit", "clip-vit-b16",
                    "clip-vit-b32", "clip-vit-l14-336", "remoteclip-vit-b32");
            assertThat(ids(pm, Slot.TEXT_ENCODER)).containsExactlyInAnyOrder("clip-text", "clip-text-b16",
                    "clip-text-b32", "clip-text-l14-336", "remoteclip-text-b32");
        } finally {
            pm.stopPlugin(PLUGIN);
            pm.unloadPlugin(PLUGIN);
        }
    }

    private static List<String> ids(PluginManager pm, Slot slot) {
        return pm.getExtensions(slot.factoryType(), PLUGIN).stream().map(e -> ((ComponentFactory<?, ?>) e).id()).toList();
    }
}
