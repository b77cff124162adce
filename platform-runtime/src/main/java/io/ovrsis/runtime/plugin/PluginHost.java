package io.ovrsis.runtime.plugin;

import io.ovrsis.api.component.ComponentFactory;
import io.ovrsis.api.component.Slot;
import io.ovrsis.runtime.util.PlatformVersion;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts PF4J, collects every plugin's factories once (PF4J creates new extension instances on each
 * {@code getExtensions} call) and builds the {@link ComponentCatalog}. Discovery is loud: no plugins,
 * a plugin that failed to start or requires another platform-api version are errors.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private final PluginManager manager;
    private final PluginLocation location;
    private final ComponentCatalog catalog;

    private PluginHost(PluginManager manager, PluginLocation location, ComponentCatalog catalog) {
        this.manager = manager;
        this.location = location;
        this.catalog = catalog;
    }

    public static PluginHost start(PluginLocation location) {
        if (!Files.isDirectory(location.root())) {
            throw new PluginException("OVRSIS-PLUGIN-NONE", "No plugins folder at " + location.describe()
                    + ". Build the plugins first (./mvnw -q package -DskipTests), or pass --plugins-dir DIR.");
        }
        OvrsisPluginManager pm = new OvrsisPluginManager(location.root(), location.mode());
        pm.setSystemVersion(PlatformVersion.api());
        pm.loadPlugins();
        pm.startPlugins();
        List<String> problems = new ArrayList<>();
        List<RegisteredComponent> found = new ArrayList<>();
        for (PluginWrapper w : pm.getPlugins()) {
            String id = w.getPluginId();
            String version = w.getDescriptor().getVersion();
            if (w.getPluginState() == PluginState.DISABLED) {
                String requires = w.getDescriptor().getRequires();
                if (!pm.getVersionManager().checkVersionConstraint(PlatformVersion.api(), requires)) {
                    problems.add("OVRSIS-PLUGIN-INCOMPATIBLE\n  Plugin \"" + id + "\" " + version + " requires platform-api \""
                            + requires + "\"; this is platform-api " + PlatformVersion.api() + ".");
                } else {
                    LOG.info("plugin {} is disabled (plugins/disabled.txt)", id);
                }
                continue;
            }
            if (w.getPluginState() != PluginState.STARTED) {
                problems.add("OVRSIS-PLUGIN-FAILED\n  Plugin \"" + id + "\" " + version + " did not start (state "
                        + w.getPluginState() + ")" + (w.getFailedException() != null ? ": " + w.getFailedException().getMessage() : "")
                        + ". Rebuild it (./mvnw -q install -DskipTests) or disable it in plugins/disabled.txt.");
                continue;
            }
            for (Slot slot : Slot.values()) {
                for (Object ext : pm.getExtensions(slot.factoryType(), id)) {
                    ComponentFactory<?, ?> f = (ComponentFactory<?, ?>) ext;
                    found.add(new RegisteredComponent(slot, f.id(), f, id, version));
                }
            }
        }
        if (!problems.isEmpty()) {
            stop(pm);
            throw new PluginException(problems.get(0).substring(0, problems.get(0).indexOf('\n')),
                    String.join("\n", problems.stream().map(p -> p.substring(p.indexOf('\n') + 3)).toList()));
        }
        if (found.isEmpty()) {
            stop(pm);
            throw new PluginException("OVRSIS-PLUGIN-NONE", "No components found. Plugins loaded: "
                    + (pm.getPlugins().isEmpty() ? "none" : String.join(", ", pm.getPlugins().stream().map(PluginWrapper::getPluginId).toList()))
                    + ", from " + location.describe() + ". Build them first (./mvnw -q install -DskipTests) or check plugins/disabled.txt.");
        }
        return new PluginHost(pm, location, new ComponentCatalog(found));
    }

    public ComponentCatalog catalog() {
        return catalog;
    }

    public PluginLocation location() {
        return location;
    }

    public List<PluginSummary> plugins() {
        return manager.getPlugins().stream()
                .map(w -> new PluginSummary(w.getPluginId(), w.getDescriptor().getVersion(), w.getPluginState().toString(),
                        w.getPluginPath(), w.getDescriptor().getPluginDescription()))
                .sorted(java.util.Comparator.comparing(PluginSummary::id)).toList();
    }

    @Override
    public void close() {
        stop(manager);
    }

    /**
     * Stops started plugins one by one, last started first. (PF4J 3.15's {@code stopPlugins()} can
     * throw ConcurrentModificationException while it iterates the list it modifies.)
     */
    private static void stop(PluginManager pm) {
        List<PluginWrapper> started = new ArrayList<>(pm.getStartedPlugins());
        java.util.Collections.reverse(started);
        for (PluginWrapper w : started) {
            try {
                pm.stopPlugin(w.getPluginId());
            } catch (RuntimeException e) {
                LOG.warn("could not stop plugin {}: {}", w.getPluginId(), e.toString());
            }
        }
    }
}
