package io.ovrsis.runtime.cli;

import io.ovrsis.api.component.Slot;
import io.ovrsis.runtime.plugin.ComponentCatalog;
import io.ovrsis.runtime.plugin.PluginHost;
import io.ovrsis.runtime.plugin.PluginSummary;
import io.ovrsis.runtime.plugin.RegisteredComponent;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code ovrsis plugins}: every plugin and the component ids it contributes per slot. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List the plugins found (id, version, state) and the component ids each contributes per slot."})
final class PluginsCommand implements Callable<Integer> {
    @ParentCommand
    OvrsisCommand root;

    @Override
    public Integer call() {
        try (PluginHost host = root.startPlugins()) {
            ComponentCatalog catalog = host.catalog();
            System.out.println("Plugins from " + host.location().describe());
            for (PluginSummary p : host.plugins()) {
                System.out.printf("%n%s %s  [%s]  %s%n", p.id(), p.version(), p.state().toLowerCase(java.util.Locale.ROOT),
                        p.description() == null ? "" : p.description());
                for (Slot slot : Slot.values()) {
                    List<RegisteredComponent> mine = catalog.components(slot).stream()
                            .filter(c -> c.pluginId().equals(p.id())).toList();
                    for (RegisteredComponent c : mine) {
                        System.out.printf("  %-15s %-22s %s%n", slot.displayName(), c.id(), c.factory().info().description());
                    }
                }
            }
            return UserErrors.OK;
        }
    }
}
