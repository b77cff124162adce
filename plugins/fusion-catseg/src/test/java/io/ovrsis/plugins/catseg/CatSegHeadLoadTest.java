package io.ovrsis.plugins.catseg;

import static org.assertj.core.api.Assertions.assertThat;

import io.ovrsis.api.component.Slot;
import io.ovrsis.api.testing.PluginJars;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds target/classes into a real PF4J jar, loads it and lists the components it contributes. */
class CatSegHeadLoadTest {

    @Test
    void pluginJarContributesTheComponent(@TempDir Path tmp) throws Exception {
        assertThat(PluginJars.componentIds(PluginJars.moduleClasses(), "fusion-catseg", Slot.FUSION_HEAD, tmp))
                .containsExactly("catseg");
    }
}
