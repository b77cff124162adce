package io.ovrsis.plugins.clip;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.component.Slot;
import io.ovrsis.api.testing.PluginJars;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds target/classes into a real PF4J jar, loads it and lists the contributed ids per slot. */
class BackboneClipLoadTest {
    private static final String PLUGIN = "backbone-clip";

    @Test
    void pluginJarContributesEveryImageEncoder(@TempDir Path tmp) throws Exception {
        assertThat(PluginJars.componentIds(PluginJars.moduleClasses(), PLUGIN, Slot.IMAGE_ENCODER, tmp))
                .containsExactlyInAnyOrder("clip-vit", "clip-vit-b16", "clip-vit-b32", "clip-vit-l14-336",
                        "remoteclip-vit-b32");
    }

    @Test
    void pluginJarContributesEveryTextEncoder(@TempDir Path tmp) throws Exception {
        assertThat(PluginJars.componentIds(PluginJars.moduleClasses(), PLUGIN, Slot.TEXT_ENCODER, tmp))
                .containsExactlyInAnyOrder("clip-text", "clip-text-b16", "clip-text-b32", "clip-text-l14-336",
                        "remoteclip-text-b32");
    }
}
