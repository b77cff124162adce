package io.ovrsis.runtime.plugin;

import io.ovrsis.api.component.ComponentFactory;
import io.ovrsis.api.component.Slot;
import io.ovrsis.runtime.config.ComponentLookup;
import io.ovrsis.runtime.config.KnownComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every discovered component factory, by slot and id. Built once at start-up; a component id that
 * two plugins claim in the same slot is an error naming both.
 */
public final class ComponentCatalog implements ComponentLookup {
    private final Map<Slot, Map<String, RegisteredComponent>> bySlot = new EnumMap<>(Slot.class);

    public ComponentCatalog(Collection<RegisteredComponent> components) {
        for (Slot s : Slot.values()) {
            bySlot.put(s, new LinkedHashMap<>());
        }
        List<String> duplicates = new ArrayList<>();
        for (RegisteredComponent c : components) {
            RegisteredComponent previous = bySlot.get(c.slot()).putIfAbsent(c.id(), c);
            if (previous != null) {
                duplicates.add("Component id \"" + c.id() + "\" (" + c.slot().displayName() + ") is provided by "
                        + previous.pluginId() + " " + previous.pluginVersion() + " and " + c.pluginId() + " "
                        + c.pluginVersion() + ". Disable one of them in plugins/disabled.txt.");
            }
        }
        if (!duplicates.isEmpty()) {
            throw new PluginException("OVRSIS-PLUGIN-DUPLICATE-ID", String.join("\n", duplicates));
        }
    }

    /** Components of a slot, sorted by id. */
    public List<RegisteredComponent> components(Slot slot) {
        return bySlot.get(slot).values().stream().sorted(Comparator.comparing(RegisteredComponent::id)).toList();
    }

    public Optional<RegisteredComponent> registered(Slot slot, String id) {
        return Optional.ofNullable(bySlot.get(slot).get(id));
    }

    @Override
    public Optional<ComponentFactory<?, ?>> find(Slot slot, String id) {
        return registered(slot, id).map(RegisteredComponent::factory);
    }

    @Override
    public List<KnownComponent> known(Slot slot) {
        return components(slot).stream().map(c -> new KnownComponent(c.id(), c.pluginId(), c.pluginVersion())).toList();
    }

    /** The plugin that contributed a factory instance, for tags and messages. */
    public Optional<RegisteredComponent> origin(ComponentFactory<?, ?> factory) {
        return bySlot.values().stream().flatMap(m -> m.values().stream()).filter(c -> c.factory() == factory).findFirst();
    }

    public boolean isEmpty() {
        return bySlot.values().stream().allMatch(Map::isEmpty);
    }
}
