package io.ovrsis.plugins.dino;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.component.Slot;
import io.ovrsis.api.testing.PluginJars;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds target/classes into a real PF4J jar, loads it and lists the contributed image encoders. */
class BackboneDinoLoadTest {
    @Test
    void pluginJarContributesBothImageEncoders(@TempDir Path tmp) throws Exception {
        assertThat(PluginJars.componentIds(PluginJars.moduleClasses(), "backbone-dino", Slot.IMAGE_ENCODER, tmp))
                .containsExactlyInAnyOrder("dino-vit", "dino-vitb8");
        assertThat(PluginJars.componentIds(PluginJars.moduleClasses(), "backbone-dino", Slot.TEXT_ENCODER,
                tmp.resolve("text"))).isEmpty();
    }
}
