package io.ovrsis.runtime.plugin;

import java.nio.file.Path;
import java.util.Map;
import org.pf4j.RuntimeMode;

/**
 * Where plugins come from: development mode reads {@code <project>/plugins/*} (classes from
 * {@code target/classes}, jars from {@code target/lib}); deployment mode reads plugin jars and zips
 * from a folder given by {@code --plugins-dir} or {@code OVRSIS_PLUGINS_DIR}.
 */
public record PluginLocation(Path root, RuntimeMode mode) {
    public static final String ENV = "OVRSIS_PLUGINS_DIR";

    public static PluginLocation resolve(Path projectDir, String pluginsDirOption, Map<String, String> env) {
        String dir = pluginsDirOption != null ? pluginsDirOption : env.get(ENV);
        if (dir != null && !dir.isBlank()) {
            return new PluginLocation(Path.of(dir).toAbsolutePath().normalize(), RuntimeMode.DEPLOYMENT);
        }
        return new PluginLocation(projectDir.resolve("plugins").toAbsolutePath().normalize(), RuntimeMode.DEVELOPMENT);
    }

    public String describe() {
        return root + " (mode: " + (mode == RuntimeMode.DEVELOPMENT ? "development" : "deployment") + ")";
    }
}
