package io.ovrsis.runtime.plugin;

import java.nio.file.Path;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DevelopmentPluginLoader;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.RuntimeMode;

/** A {@link DefaultPluginManager} whose loaders all use {@link OvrsisPluginClassLoader}. */
final class OvrsisPluginManager extends DefaultPluginManager {
    /**
     * PF4J reads the mode from the {@code pf4j.mode} system property while its constructor runs, so
     * the property is set first.
     */
    OvrsisPluginManager(Path pluginsRoot, RuntimeMode mode) {
        super(withMode(pluginsRoot, mode));
    }

    private static Path withMode(Path root, RuntimeMode mode) {
        System.setProperty(MODE_PROPERTY_NAME, mode.toString());
        return root;
    }

    @Override
    protected PluginLoader createPluginLoader() {
        ClassLoader host = getClass().getClassLoader();
        return new CompoundPluginLoader()
                .add(new DevelopmentPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor d) {
                        return new OvrsisPluginClassLoader(pluginManager, d, host);
                    }
                }, this::isDevelopment)
                .add(new JarPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor d) {
                        return new OvrsisPluginClassLoader(pluginManager, d, host);
                    }
                }, this::isNotDevelopment)
                .add(new DefaultPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path path, PluginDescriptor d) {
                        return new OvrsisPluginClassLoader(pluginManager, d, host);
                    }
                }, this::isNotDevelopment);
    }
}
