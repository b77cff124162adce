package io.ovrsis.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ovrsis.api.component.Slot;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.RuntimeMode;

/** Discovery from real plugin jars written into a temporary folder (deployment mode). */
class PluginHostTest {
    @TempDir
    Path dir;

    /** Writes a plugin jar holding {@link FakeEncoderFactory} and its PF4J index. */
    private Path pluginJar(String pluginId, String requires) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", pluginId);
        a.putValue("Plugin-Version", "0.4.0");
        if (requires != null) {
            a.putValue("Plugin-Requires", requires);
        }
        Path jar = dir.resolve(pluginId + ".jar");
        String[] classes = {FakeEncoderFactory.class.getName(), FakeEncoderFactory.Config.class.getName()};
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os, mf)) {
            for (String c : classes) {
                String entry = c.replace('.', '/') + ".class";
                jos.putNextEntry(new JarEntry(entry));
                try (var in = FakeEncoderFactory.class.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(jos);
                }
                jos.closeEntry();
            }
            jos.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            jos.write((FakeEncoderFactory.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jos.closeEntry();
        }
        return jar;
    }

    @Test
    void findsAComponentInAPluginJar() throws IOException {
        pluginJar("my-baseline", null);
        try (PluginHost host = PluginHost.start(new PluginLocation(dir, RuntimeMode.DEPLOYMENT))) {
            assertThat(host.catalog().components(Slot.DATASET_READER))
                    .extracting(RegisteredComponent::id, RegisteredComponent::pluginId, RegisteredComponent::pluginVersion)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("fake-dataset", "my-baseline", "0.4.0"));
            // loaded by the plugin's class loader, not the test's
            assertThat(host.catalog().find(Slot.DATASET_READER, "fake-dataset").orElseThrow().getClass().getClassLoader())
                    .isInstanceOf(OvrsisPluginClassLoader.class);
            assertThat(host.plugins()).extracting(PluginSummary::id).containsExactly("my-baseline");
        }
    }

    @Test
    void aComponentIdClaimedTwiceNamesBothPlugins() throws IOException {
        pluginJar("first-plugin", null);
        pluginJar("second-plugin", null);
        assertThatThrownBy(() -> PluginHost.start(new PluginLocation(dir, RuntimeMode.DEPLOYMENT)))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("\"fake-dataset\"")
                .hasMessageContaining("first-plugin 0.4.0")
                .hasMessageContaining("second-plugin 0.4.0")
                .extracting(e -> ((PluginException) e).code()).isEqualTo("OVRSIS-PLUGIN-DUPLICATE-ID");
    }

    @Test
    void aPluginForAnotherApiVersionIsRefused() throws IOException {
        pluginJar("future-plugin", ">=9.0.0");
        assertThatThrownBy(() -> PluginHost.start(new PluginLocation(dir, RuntimeMode.DEPLOYMENT)))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("future-plugin")
                .hasMessageContaining(">=9.0.0");
    }

    @Test
    void anEmptyFolderIsAnErrorThatSaysWhatToDo() {
        assertThatThrownBy(() -> PluginHost.start(new PluginLocation(dir, RuntimeMode.DEPLOYMENT)))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("mvnw");
    }

    @Test
    void locationPrefersTheOptionThenTheEnvironment() {
        Path project = Path.of("/p");
        assertThat(PluginLocation.resolve(project, null, java.util.Map.of()))
                .isEqualTo(new PluginLocation(Path.of("/p/plugins"), RuntimeMode.DEVELOPMENT));
        assertThat(PluginLocation.resolve(project, null, java.util.Map.of(PluginLocation.ENV, "/x")).mode())
                .isEqualTo(RuntimeMode.DEPLOYMENT);
        assertThat(PluginLocation.resolve(project, "/y", java.util.Map.of(PluginLocation.ENV, "/x")).root())
                .isEqualTo(Path.of("/y"));
    }
}
