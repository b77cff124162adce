package io.ovrsis.api.testing;

import io.ovrsis.api.component.ComponentFactory;
import io.ovrsis.api.component.Slot;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * Builds a plugin's compiled classes into a real PF4J jar in a temporary folder and loads it with
 * PF4J's {@link JarPluginManager} — the guard against PF4J's silent empty extension list (a missing
 * {@code extensions.idx}, a bundled API).
 */
public final class PluginJars {
    private PluginJars() {
    }

    /** Writes {@code dir/<pluginId>.jar} from {@code classesDir} with the PF4J manifest entries. */
    public static Path buildJar(Path classesDir, String pluginId, String version, Path dir) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", pluginId);
        a.putValue("Plugin-Version", version);
        a.putValue("Plugin-Provider", "test");
        Path jar = dir.resolve(pluginId + ".jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os, mf);
             Stream<Path> files = Files.walk(classesDir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = classesDir.relativize(f).toString().replace('\\', '/');
                if (name.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                jos.putNextEntry(new JarEntry(name));
                Files.copy(f, jos);
                jos.closeEntry();
            }
        }
        return jar;
    }

    /**
     * Builds the jar, loads and starts it, and returns the component ids its extensions contribute
     * to {@code slot}. Fails when the plugin did not start.
     */
    public static List<String> componentIds(Path classesDir, String pluginId, Slot slot, Path tempDir) throws IOException {
        Path pluginsDir = Files.createDirectories(tempDir.resolve("plugins"));
        buildJar(classesDir, pluginId, "0.0.1", pluginsDir);
        PluginManager pm = new JarPluginManager(pluginsDir);
        try {
            pm.loadPlugins();
            pm.startPlugins();
            if (pm.getPlugin(pluginId) == null || pm.getPlugin(pluginId).getPluginState() != PluginState.STARTED) {
                throw new AssertionError("plugin " + pluginId + " did not start from " + pluginsDir);
            }
            List<String> ids = new ArrayList<>();
            for (Object ext : pm.getExtensions(slot.factoryType(), pluginId)) {
                ids.add(((ComponentFactory<?, ?>) ext).id());
            }
            return ids;
        } finally {
            // PF4J 3.15's stopPlugins() can throw ConcurrentModificationException: stop one by one
            if (pm.getPlugin(pluginId) != null && pm.getPlugin(pluginId).getPluginState() == PluginState.STARTED) {
                pm.stopPlugin(pluginId);
            }
            pm.unloadPlugin(pluginId);
        }
    }

    /** {@code target/classes} of the module the test runs in. */
    public static Path moduleClasses() {
        return Path.of("target", "classes").toAbsolutePath();
    }
}
